// Splits a service's items (ApplicationSets, Applications: anything keyed namespace/name) between its
// live replicas. Every item hashes to one of a fixed number of partitions, and the partitions are the
// shards a ShardCoordinator leases out, so the Redis traffic stays the same however many items there
// are. A replica works on an item only while it holds the item's partition, and gives a partition up
// only once the work it started there has finished: the next owner never overlaps with it.
import { createHash, randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { hostname } from 'node:os';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { ShardCoordinator } from './shard.coordinator';
import { readLeaseHolders } from './shard.leases';

export interface WorkPartitionsOptions {
  /** Redis key prefix shared by the replicas of one service. */
  prefix: string;
  /** This replica's name among the others; host, pid and a random suffix by default. */
  identity?: string;
  /** How many partitions the items are hashed into; 1 makes one replica do everything (leader election). */
  partitions: number;
  /** How long a silent replica keeps its membership and partitions: the longest its items wait after it dies. */
  ttlMs: number;
  /** How often leases are renewed and the assignment re-read; a fifth of ttlMs by default. */
  tickMs?: number;
}

export interface WorkPartitionsEvents {
  /** This replica now owns the partition: pick its items up. */
  acquired: [partition: string];
  /** This replica no longer owns the partition. */
  released: [partition: string];
  /** These replicas' memberships lapsed (seen by the leader): clean up what they left behind. */
  departed: [replicas: string[]];
}

/** The partition an item belongs to: the same on every replica. */
export function partitionOf(key: string, partitions: number): string {
  if (partitions <= 1) return '0';
  return String(createHash('sha1').update(key).digest().readUInt32BE(0) % partitions);
}

const PARTITION_LEASE = 'partition';
const partitionKeys = (partitions: number): string[] => Array.from({ length: Math.max(1, partitions) }, (_, i) => String(i));

/** Each of the `partitions` partitions under `prefix` → the replica holding its lease in Redis now, or undefined. */
export function readPartitionLeases(redis: Redis, prefix: string, partitions: number): Promise<Map<string, string | undefined>> {
  return readLeaseHolders(redis, prefix, PARTITION_LEASE, partitionKeys(partitions));
}

export class WorkPartitions extends EventEmitter<WorkPartitionsEvents> {
  readonly identity: string;
  private readonly coordinator: ShardCoordinator;
  /** Work running now, by partition: a partition is handed over once its set is empty. */
  private readonly running = new Map<string, Set<Promise<unknown>>>();

  constructor(
    redis: Redis,
    logger: Logger,
    private readonly opts: WorkPartitionsOptions,
  ) {
    super();
    this.identity = opts.identity ?? `${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`;
    this.coordinator = new ShardCoordinator(redis, logger, {
      prefix: opts.prefix,
      identity: this.identity,
      shards: () => this.weights(),
      leaseName: PARTITION_LEASE,
      ttlMs: opts.ttlMs,
      tickMs: opts.tickMs,
      drain: (partition) => this.drain(partition),
    });
    this.coordinator.on('acquired', (p) => this.emit('acquired', p));
    this.coordinator.on('released', (p) => this.emit('released', p));
    this.coordinator.on('departed', (replicas) => this.emit('departed', replicas));
  }

  start(): void {
    this.coordinator.start();
  }

  /** Gives every partition up (after its running work) so the other replicas take over at once. */
  stop(): Promise<void> {
    return this.coordinator.stop();
  }

  /** One round of renewing and re-reading the assignment now. */
  tick(): Promise<void> {
    return this.coordinator.tick();
  }

  /** Every partition → the replica holding its lease in Redis now, or undefined. */
  leaseHolders(): Promise<Map<string, string | undefined>> {
    return this.coordinator.leaseHolders();
  }

  partitionOf(key: string): string {
    return partitionOf(key, this.opts.partitions);
  }

  owns(key: string): boolean {
    return this.coordinator.owns(this.partitionOf(key));
  }

  /** The partitions this replica holds now. */
  owned(): ReadonlySet<string> {
    return this.coordinator.owned();
  }

  /**
   * Runs `work` for the item if this replica owns it now (undefined otherwise); its partition is not
   * handed over before `work` settles. Ownership is checked and the work registered in one step.
   */
  run<T>(key: string, work: () => Promise<T>): Promise<T | undefined> {
    const partition = this.partitionOf(key);
    if (!this.coordinator.owns(partition)) return Promise.resolve(undefined);
    const promise = work();
    const set = this.running.get(partition) ?? new Set<Promise<unknown>>();
    this.running.set(partition, set);
    set.add(promise);
    const forget = (): void => {
      set.delete(promise);
      if (set.size === 0 && this.running.get(partition) === set) this.running.delete(partition);
    };
    promise.then(forget, forget);
    return promise;
  }

  private async drain(partition: string): Promise<void> {
    let set = this.running.get(partition);
    while (set?.size) {
      await Promise.allSettled([...set]);
      set = this.running.get(partition);
    }
  }

  // Equal weights: the split then depends only on which replicas are alive, so creating or deleting
  // items never moves a partition; hashing spreads the items evenly over the partitions.
  private weights(): { key: string; weight: number }[] {
    return partitionKeys(this.opts.partitions).map((key) => ({ key, weight: 1 }));
  }
}
