// One replica of a service acts at a time: it holds a Redis lease (SET NX PX) and renews it well
// before it expires. A replica that cannot renew (Redis slow or gone, lease taken) steps down at
// once; a standby takes over when the lease lapses, or at once when the leader stops cleanly.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';

// Renew or release only while the lease is still ours: compare and act in one round trip.
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

export interface LeaderElectionOptions {
  readonly key: string;
  /** How long a lease lives without renewal; the longest a dead leader blocks the others. */
  readonly ttlMs?: number;
  /** How often the lease is renewed, or acquisition retried; a third of the TTL by default. */
  readonly renewEveryMs?: number;
  readonly identity?: string;
}

export interface LeadershipHandlers {
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
    private readonly handlers: LeadershipHandlers,
  ) {
    this.identity = opts.identity ?? `${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`;
    this.ttlMs = opts.ttlMs ?? 15_000;
    this.renewEveryMs = opts.renewEveryMs ?? Math.max(100, Math.floor(this.ttlMs / 3));
  }

  get isLeader(): boolean {
    return this.leading;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const loop = (): void => {
      this.tick = this.attempt().finally(() => {
        if (!this.stopped) this.timer = setTimeout(loop, this.renewEveryMs);
      });
    };
    loop();
  }

  /** Stops campaigning and gives the lease up, so another replica takes over without waiting for expiry. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.tick;
    if (!this.leading) return;
    this.leading = false;
    await this.run(this.handlers.onLost, 'stepping down');
    await this.release();
  }

  private async release(): Promise<void> {
    await this.redis
      .eval(RELEASE, 1, this.opts.key, this.identity)
      .catch((err: Error) => this.logger.warn({ err }, `releasing leader lease ${this.opts.key} failed: ${err.message}`));
  }

  private async attempt(): Promise<void> {
    let holds: boolean;
    try {
      const call = this.leading
        ? this.redis.eval(RENEW, 1, this.opts.key, this.identity, String(this.ttlMs)).then((r) => r === 1)
        : this.redis.set(this.opts.key, this.identity, 'PX', this.ttlMs, 'NX').then((r) => r === 'OK');
      // ioredis queues commands while Redis is away; a leader may not wait longer than its lease lives.
      holds = await withDeadline(call, this.renewEveryMs);
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
      await this.run(this.handlers.onElected, 'starting as leader');
    } else if (!holds && this.leading) {
      this.leading = false;
      this.logger.warn({ identity: this.identity }, `lost leadership (${this.opts.key}); standing by`);
      await this.run(this.handlers.onLost, 'stepping down');
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

async function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`redis did not answer within ${ms} ms`)), ms)));
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
