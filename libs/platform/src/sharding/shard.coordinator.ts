// Splits shards of work (the app-controller's clusters, the appset-controller's and notifier's
// partitions) between the replicas of one service through Redis. Each replica heartbeats into a
// membership set; the leader computes the assignment (bounded-load ring, weighted) and publishes it;
// every replica then holds a lease per shard assigned to it, and only the lease holder works on that
// shard. A replica that dies stops renewing: its membership and leases lapse after ttlMs, the leader
// reassigns, and the survivors take the leases over. A shard moving between live replicas is let go
// (drained, then its lease deleted) before the new owner can claim it, so no shard has two workers.
import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { LeaderElection } from '../redis/leader-election';
import { assignShards, type WeightedShard } from './bounded-load.ring';
import { leaseKey, publishedShardKeys, readLeaseHolders } from './shard.leases';

export interface ShardCoordinatorOptions<S extends WeightedShard = WeightedShard> {
  /** Redis key prefix shared by the replicas of one service. */
  prefix: string;
  identity: string;
  /** The shards to split and their weights, as this replica sees them (used while it leads). */
  shards: () => S[];
  /** shard key → replica over the live replicas (sorted); the bounded-load ring by default. */
  assign?: (shards: S[], replicas: string[]) => Map<string, string>;
  /** What a shard is, in lease keys (`<prefix>:<leaseName>:<key>`) and logs; `shard` by default. */
  leaseName?: string;
  /**
   * Runs when this replica gives a shard up to another live replica, after `released` and before
   * its lease is deleted: resolve once the work on it has stopped, so the next owner starts after.
   */
  drain?: (key: string) => Promise<void>;
  /** How long a silent replica keeps its membership and its shard leases. */
  ttlMs?: number;
  /** How often membership and leases are renewed and the assignment re-read. */
  tickMs?: number;
  epsilon?: number;
}

export interface PublishedAssignment {
  replicas: string[];
  shards: Record<string, string>;
  at: number;
}

// Take a shard lease when it is free or already ours (and extend it); release only our own.
const CLAIM = `local v = redis.call('get', KEYS[1])
if v == false then redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 end
if v == ARGV[1] then redis.call('pexpire', KEYS[1], ARGV[2]) return 1 end
return 0`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

export interface ShardEvents {
  /** This replica now holds the shard's lease: start working on it. */
  acquired: [key: string];
  /** This replica gave the shard up (or lost its lease): stop working on it. */
  released: [key: string];
  /** This replica became the leader (the app-controller's also handles Applications no cluster matches). */
  leading: [];
  /** The leader saw these replicas' memberships lapse. */
  departed: [replicas: string[]];
}

export class ShardCoordinator<S extends WeightedShard = WeightedShard> extends EventEmitter<ShardEvents> {
  private readonly ttlMs: number;
  private readonly tickMs: number;
  private readonly leader: LeaderElection;
  private readonly held = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private stopped = true;

  constructor(
    private readonly redis: Redis,
    private readonly logger: Logger,
    private readonly opts: ShardCoordinatorOptions<S>,
  ) {
    super();
    this.ttlMs = opts.ttlMs ?? 10_000;
    this.tickMs = opts.tickMs ?? Math.max(100, Math.floor(this.ttlMs / 5));
    this.leader = new LeaderElection(
      redis,
      logger,
      { key: `${opts.prefix}:leader`, ttlMs: this.ttlMs, identity: opts.identity },
      {
        onElected: async () => {
          await this.publish();
          this.emit('leading');
        },
        onLost: () => undefined,
      },
    );
  }

  get identity(): string {
    return this.opts.identity;
  }

  /** The shards this replica holds the lease of: the ones it works on. */
  owned(): ReadonlySet<string> {
    return this.held;
  }

  owns(key: string): boolean {
    return this.held.has(key);
  }

  get isLeader(): boolean {
    return this.leader.isLeader;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.leader.start();
    const loop = (): void => {
      this.running = this.tick().finally(() => {
        if (!this.stopped) this.timer = setTimeout(loop, this.tickMs);
      });
    };
    loop();
  }

  /** Leaves the split: gives up leadership, every shard lease and the membership, so others take over at once. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    await this.leader.stop();
    await Promise.all([...this.held].map((key) => this.release(key)));
    await this.redis.zrem(this.membersKey, this.opts.identity).catch(() => undefined);
  }

  /** Runs one round now (tests, and after the list of shards changes). */
  async tick(): Promise<void> {
    try {
      const now = await this.now();
      await this.redis.zadd(this.membersKey, now + this.ttlMs, this.opts.identity);
      if (this.leader.isLeader) await this.publish();
      const assignment = await this.assignment();
      const mine = new Set(Object.entries(assignment?.shards ?? {}).filter(([, id]) => id === this.opts.identity).map(([key]) => key));
      // Renew what we keep before draining what we give up, so a slow drain cannot let our other leases lapse.
      for (const key of mine) await this.claim(key);
      await Promise.all([...this.held].filter((key) => !mine.has(key)).map((key) => this.release(key)));
    } catch (err) {
      // Redis away: keep what we hold until the leases would have lapsed anyway, then let go, so
      // two replicas never work on one shard for long.
      this.logger.warn({ err }, `sharding: ${(err as Error).message}`);
      if (Date.now() - this.lastRenewed > this.ttlMs) for (const key of [...this.held]) this.drop(key);
    }
  }

  private lastRenewed = Date.now();

  private get membersKey(): string {
    return `${this.opts.prefix}:replicas`;
  }

  private leaseKey(key: string): string {
    return leaseKey(this.opts.prefix, this.leaseName, key);
  }

  private get leaseName(): string {
    return this.opts.leaseName ?? 'shard';
  }

  private async now(): Promise<number> {
    // Redis's clock, so replicas on machines with skewed clocks agree on who is alive.
    const [seconds, micros] = await this.redis.time();
    return Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
  }

  private async publish(): Promise<void> {
    const now = await this.now();
    const departed = await this.redis.zrangebyscore(this.membersKey, '-inf', now);
    if (departed.length) {
      await this.redis.zremrangebyscore(this.membersKey, '-inf', now);
      this.emit('departed', departed);
    }
    const replicas = (await this.redis.zrangebyscore(this.membersKey, now, '+inf')).sort();
    if (!replicas.includes(this.opts.identity)) replicas.push(this.opts.identity);
    const shards = this.opts.shards();
    const map = this.opts.assign ? this.opts.assign(shards, replicas) : assignShards(shards, replicas, { epsilon: this.opts.epsilon });
    const published: PublishedAssignment = { replicas, shards: Object.fromEntries(map), at: now };
    await this.redis.set(`${this.opts.prefix}:assignment`, JSON.stringify(published));
  }

  /**
   * Every shard (the leader's published split and the ones this replica knows of) → the replica
   * holding its lease in Redis now, or undefined: as every replica sees it, not only this one's shards.
   */
  async leaseHolders(): Promise<Map<string, string | undefined>> {
    const published = await publishedShardKeys(this.redis, this.opts.prefix);
    return readLeaseHolders(this.redis, this.opts.prefix, this.leaseName, [...published, ...this.opts.shards().map((s) => s.key)]);
  }

  /** The split the leader last published. */
  async assignment(): Promise<PublishedAssignment | undefined> {
    const raw = await this.redis.get(`${this.opts.prefix}:assignment`);
    return raw ? (JSON.parse(raw) as PublishedAssignment) : undefined;
  }

  private async claim(key: string): Promise<void> {
    const won = (await this.redis.eval(CLAIM, 1, this.leaseKey(key), this.opts.identity, String(this.ttlMs))) === 1;
    this.lastRenewed = Date.now();
    if (won && !this.held.has(key)) {
      this.held.add(key);
      this.logger.info({ [this.leaseName]: key }, `sharding: now responsible for ${this.leaseName} ${key}`);
      this.emit('acquired', key);
    } else if (!won && this.held.has(key)) {
      this.drop(key);
    }
  }

  private async release(key: string): Promise<void> {
    if (!this.drop(key)) return;
    await this.opts.drain?.(key).catch((err: Error) => this.logger.warn({ err }, `sharding: draining ${this.leaseName} ${key} failed: ${err.message}`));
    await this.redis.eval(RELEASE, 1, this.leaseKey(key), this.opts.identity).catch(() => undefined);
  }

  private drop(key: string): boolean {
    if (!this.held.delete(key)) return false;
    this.logger.info({ [this.leaseName]: key }, `sharding: no longer responsible for ${this.leaseName} ${key}`);
    this.emit('released', key);
    return true;
  }
}
