// Argo CD's `round-robin` cluster sharding (controller/sharding/sharding.go, RoundRobinDistributionFunction):
// the clusters sorted by Secret uid, the i-th on shard i % replicas. Even (±1 cluster per shard), but
// adding or removing one cluster can move every cluster after it to another shard.
import type { ShardedCluster } from './sharded-cluster.types';

/** cluster server → shard number in [0, shards). */
export function roundRobinShards(clusters: readonly ShardedCluster[], shards: number): Map<string, number> {
  // Byte order, as Go's `<` on strings; in-cluster's empty uid sorts first, so it lands on shard 0 as in Argo.
  const sorted = [...clusters].sort((a, b) => Buffer.compare(Buffer.from(a.id), Buffer.from(b.id)) || (a.server < b.server ? -1 : 1));
  return new Map(sorted.map((c, i) => [c.server, i % shards]));
}
