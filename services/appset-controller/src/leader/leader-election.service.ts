// One replica reconciles at a time: it holds a Redis lease (SET NX PX) and renews it well before it
// expires; whoever fails to renew stops at once, and a standby takes over when the lease lapses.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';

// Renew or release only if the lease is still ours (compare-and-set in one round trip).
const RENEW = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";
const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

export interface LeadershipHandlers {
  onStartedLeading(): Promise<void> | void;
  onStoppedLeading(): Promise<void> | void;
}

export class LeaderElection {
  readonly identity = `${process.pid}-${randomUUID()}`;
  private leading = false;
  private timer: NodeJS.Timeout | undefined;
  private stopped = true;
  private tick: Promise<void> = Promise.resolve();

  constructor(
    private readonly redis: Redis,
    private readonly key: string,
    private readonly leaseMs: number,
    private readonly handlers: LeadershipHandlers,
    private readonly logger: Logger,
  ) {}

  get isLeader(): boolean {
    return this.leading;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops campaigning; a leader steps down and frees the lease so a standby need not wait it out. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.tick;
    if (!this.leading) return;
    await this.step(false);
    await this.redis.eval(RELEASE, 1, this.key, this.identity).catch(() => undefined);
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.tick = this.campaign().finally(() => this.schedule(Math.max(1000, Math.floor(this.leaseMs / 3))));
    }, delayMs);
  }

  private async campaign(): Promise<void> {
    let held: boolean;
    try {
      const attempt = this.leading
        ? this.redis.eval(RENEW, 1, this.key, this.identity, String(this.leaseMs)).then((r) => r === 1)
        : this.redis.set(this.key, this.identity, 'PX', this.leaseMs, 'NX').then((r) => r === 'OK');
      held = await withDeadline(attempt, Math.floor(this.leaseMs / 3));
    } catch (err) {
      this.logger.warn({ err }, `leader election: ${(err as Error).message}`);
      held = false;
    }
    if (held !== this.leading && !this.stopped) await this.step(held);
  }

  private async step(leading: boolean): Promise<void> {
    this.leading = leading;
    this.logger.info({ identity: this.identity }, leading ? 'became leader' : 'lost leadership; stopped reconciling');
    try {
      await (leading ? this.handlers.onStartedLeading() : this.handlers.onStoppedLeading());
    } catch (err) {
      this.logger.error({ err }, `leadership change handler failed: ${(err as Error).message}`);
    }
  }
}

/** Commands wait for Redis to come back; a leader may not wait longer than its lease lives. */
async function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`redis did not answer within ${ms} ms`)), ms)),
  );
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
