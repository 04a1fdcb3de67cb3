import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';

// One notifier replica acts at a time: it holds a Redis lease (SET NX PX) and renews it well before
// it expires; a replica that fails to renew steps down at once, so two never act together for long.

const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

export interface LeaderElectionOptions {
  readonly key: string;
  readonly ttlMs?: number;
  /** How often the lease is renewed, or acquisition retried; a third of the TTL by default. */
  readonly renewEveryMs?: number;
  readonly identity?: string;
}

export interface LeadershipCallbacks {
  readonly onElected: () => Promise<void> | void;
  readonly onLost: () => Promise<void> | void;
}

export class LeaderElection {
  readonly identity: string;
  private readonly ttlMs: number;
  private readonly renewEveryMs: number;
  private leading = false;
  private timer: NodeJS.Timeout | undefined;
  private stopped = true;
  private tick: Promise<void> = Promise.resolve();

  constructor(
    private readonly redis: Redis,
    private readonly logger: Logger,
    private readonly opts: LeaderElectionOptions,
  ) {
    this.identity = opts.identity ?? `${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`;
    this.ttlMs = opts.ttlMs ?? 15_000;
    this.renewEveryMs = opts.renewEveryMs ?? Math.floor(this.ttlMs / 3);
  }

  get isLeader(): boolean {
    return this.leading;
  }

  start(callbacks: LeadershipCallbacks): void {
    if (!this.stopped) return;
    this.stopped = false;
    const loop = () => {
      this.tick = this.attempt(callbacks).finally(() => {
        if (!this.stopped) this.timer = setTimeout(loop, this.renewEveryMs);
      });
    };
    loop();
  }

  /** Stops campaigning and gives the lease up, so another replica takes over without waiting for expiry. */
  async stop(callbacks?: LeadershipCallbacks): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.tick;
    if (!this.leading) return;
    this.leading = false;
    await callbacks?.onLost();
    await this.release();
  }

  private async release(): Promise<void> {
    await this.redis.eval(RELEASE, 1, this.opts.key, this.identity).catch((err: Error) => this.logger.warn({ err }, `releasing leader lease failed: ${err.message}`));
  }

  private async attempt(callbacks: LeadershipCallbacks): Promise<void> {
    let holds: boolean;
    try {
      holds = this.leading
        ? (await this.redis.eval(RENEW, 1, this.opts.key, this.identity, String(this.ttlMs))) === 1
        : (await this.redis.set(this.opts.key, this.identity, 'PX', this.ttlMs, 'NX')) === 'OK';
    } catch (err) {
      this.logger.warn({ err }, `leader lease ${this.opts.key}: ${(err as Error).message}`);
      holds = false;
    }
    if (this.stopped) {
      // Won the lease while stopping: give it straight back rather than blocking others until expiry.
      if (holds && !this.leading) await this.release();
      return;
    }
    if (holds && !this.leading) {
      this.leading = true;
      this.logger.info({ identity: this.identity }, `became leader (${this.opts.key})`);
      await this.run(callbacks.onElected, 'starting as leader');
    } else if (!holds && this.leading) {
      this.leading = false;
      this.logger.warn({ identity: this.identity }, `lost leadership (${this.opts.key}); standing by`);
      await this.run(callbacks.onLost, 'stepping down');
    }
  }

  private async run(fn: () => Promise<void> | void, what: string): Promise<void> {
    try {
      await fn();
    } catch (err) {
      this.logger.error({ err }, `${what} failed: ${(err as Error).message}`);
    }
  }
}
