// Reads the shard leases a ShardCoordinator keeps in Redis, as any replica (or anything else with
// the prefix) sees them: who holds each shard now, whether or not this process takes part.
import type { Redis } from 'ioredis';

/** The Redis key of one shard's lease: `<prefix>:<leaseName>:<key>`, holding the owner's identity. */
export function leaseKey(prefix: string, leaseName: string, key: string): string {
  return `${prefix}:${leaseName}:${key}`;
}

/** Each shard → the identity holding its lease now, or undefined when its lease has lapsed or was never taken. */
export async function readLeaseHolders(
  redis: Redis,
  prefix: string,
  leaseName: string,
  keys: Iterable<string>,
): Promise<Map<string, string | undefined>> {
  // A disconnected client queues commands until Redis returns: fail at once instead.
  if (redis.status !== 'ready') throw new Error(`Redis is ${redis.status}`);
  const list = [...new Set(keys)].sort();
  if (list.length === 0) return new Map();
  const holders = await redis.mget(...list.map((key) => leaseKey(prefix, leaseName, key)));
  return new Map(list.map((key, i) => [key, holders[i] ?? undefined]));
}

/** The shard keys of the assignment the leader of `prefix` last published (none before the first). */
export async function publishedShardKeys(redis: Redis, prefix: string): Promise<string[]> {
  const raw = await redis.get(`${prefix}:assignment`);
  return raw ? Object.keys((JSON.parse(raw) as { shards?: Record<string, string> }).shards ?? {}) : [];
}
