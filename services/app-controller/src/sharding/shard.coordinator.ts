// Splits the clusters between app-controller replicas through Redis. Each replica heartbeats into a
// membership set; the leader computes the assignment (bounded-load ring, weighted by app count) and
// publishes it; every replica then holds a lease per cluster assigned to it, and only the lease
// holder watches and reconciles that cluster. A replica that dies stops renewing: its membership
// and leases lapse after ttlMs, the leader reassigns, and the survivors take the leases over.
import { EventEmitter } from 'node:events';
import { LeaderElection } from '@flotilla/platform';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { assignClusters, type WeightedCluster } from './bounded-load.ring';

export interface ShardCoordinatorOptions {
  /** Redis key prefix shared by the replicas of one controller. */
  prefix: string;
  identity: string;
  /** The clusters to split and their weights, as this replica sees them (used while it leads). */
  clusters: () => WeightedCluster[];
  /** How long a silent replica keeps its membership and its cluster leases. */
  ttlMs?: number;
  /** How often membership and leases are renewed and the assignment re-read. */
  tickMs?: number;
  epsilon?: number;
}

export interface PublishedAssignment {
  replicas: string[];
  clusters: Record<string, string>;
  at: number;
}

// Take a cluster lease when it is free or already ours (and extend it); release only our own.
const CLAIM = `local v = redis.call('get', KEYS[1])
if v == false then redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 end
if v == ARGV[1] then redis.call('pexpire', KEYS[1], ARGV[2]) return 1 end
return 0`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

export interface ShardEvents {
  /** This replica now holds the cluster's lease: start watching and reconciling it. */
  acquired: [server: string];
  /** This replica gave the cluster up (or lost its lease): stop watching it. */
  released: [server: string];
  /** This replica became the leader (it also handles Applications no cluster matches). */
  leading: [];
  /** The leader saw these replicas' memberships lapse. */
  departed: [replicas: string[]];
}

export class ShardCoordinator extends EventEmitter<ShardEvents> {
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
    private readonly opts: ShardCoordinatorOptions,
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

  /** The clusters this replica holds the lease of: the ones it watches and reconciles. */
  owned(): ReadonlySet<string> {
    return this.held;
  }

  owns(server: string): boolean {
    return this.held.has(server);
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

  /** Leaves the split: gives up leadership, every cluster lease and the membership, so others take over at once. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    await this.leader.stop();
    for (const server of [...this.held]) await this.release(server);
    await this.redis.zrem(this.membersKey, this.opts.identity).catch(() => undefined);
  }

  /** Runs one round now (tests, and after the cluster list changes). */
  async tick(): Promise<void> {
    try {
      const now = await this.now();
      await this.redis.zadd(this.membersKey, now + this.ttlMs, this.opts.identity);
      if (this.leader.isLeader) await this.publish();
      const assignment = await this.assignment();
      const mine = new Set(Object.entries(assignment?.clusters ?? {}).filter(([, id]) => id === this.opts.identity).map(([server]) => server));
      for (const server of [...this.held]) if (!mine.has(server)) await this.release(server);
      for (const server of mine) await this.claim(server);
    } catch (err) {
      // Redis away: keep what we hold until the leases would have lapsed anyway, then let go, so
      // two replicas never reconcile one cluster for long.
      this.logger.warn({ err }, `sharding: ${(err as Error).message}`);
      if (Date.now() - this.lastRenewed > this.ttlMs) for (const server of [...this.held]) this.drop(server);
    }
  }

  private lastRenewed = Date.now();

  private get membersKey(): string {
    return `${this.opts.prefix}:replicas`;
  }

  private leaseKey(server: string): string {
    return `${this.opts.prefix}:cluster:${server}`;
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
    const map = assignClusters(this.opts.clusters(), replicas, { epsilon: this.opts.epsilon });
    const published: PublishedAssignment = { replicas, clusters: Object.fromEntries(map), at: now };
    await this.redis.set(`${this.opts.prefix}:assignment`, JSON.stringify(published));
  }

  /** The split the leader last published. */
  async assignment(): Promise<PublishedAssignment | undefined> {
    const raw = await this.redis.get(`${this.opts.prefix}:assignment`);
    return raw ? (JSON.parse(raw) as PublishedAssignment) : undefined;
  }

  private async claim(server: string): Promise<void> {
    const won = (await this.redis.eval(CLAIM, 1, this.leaseKey(server), this.opts.identity, String(this.ttlMs))) === 1;
    this.lastRenewed = Date.now();
    if (won && !this.held.has(server)) {
      this.held.add(server);
      this.logger.info({ cluster: server }, `sharding: now responsible for ${server}`);
      this.emit('acquired', server);
    } else if (!won && this.held.has(server)) {
      this.drop(server);
    }
  }

  private async release(server: string): Promise<void> {
    this.drop(server);
    await this.redis.eval(RELEASE, 1, this.leaseKey(server), this.opts.identity).catch(() => undefined);
  }

  private drop(server: string): void {
    if (!this.held.delete(server)) return;
    this.logger.info({ cluster: server }, `sharding: no longer responsible for ${server}`);
    this.emit('released', server);
  }
}
