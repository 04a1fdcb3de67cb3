// Argo CD's `legacy` cluster sharding (controller/sharding/sharding.go, LegacyDistributionFunction):
// shard = fnv32a(the cluster Secret's uid) % replicas, and in-cluster without a Secret on shard 0.
// Stable while the replica count stays, but uneven: two busy clusters may well hash to one shard.
import type { ShardedCluster } from './sharded-cluster.types';

/** FNV-1a, 32 bits, over the UTF-8 bytes, as Go's hash/fnv New32a. */
export function fnv32a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash;
}

/** cluster server → shard number in [0, shards). */
export function legacyShards(clusters: readonly ShardedCluster[], shards: number): Map<string, number> {
  return new Map(clusters.map((c) => [c.server, c.id === '' ? 0 : fnv32a(c.id) % shards]));
}
