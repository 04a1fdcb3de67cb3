// The algorithms FLOTILLA_CONTROLLER_SHARDING_ALGORITHM (Argo's controller.sharding.algorithm) picks
// from. `consistent-hashing` is Flotilla's bounded-load ring, weighted by Applications, and the default;
// `legacy` and `round-robin` are Argo CD's, for users who want the split Argo CD would make.
import { legacyShards } from './legacy.distribution';
import { roundRobinShards } from './round-robin.distribution';
import type { ShardedCluster } from './sharded-cluster.types';

export const SHARDING_ALGORITHMS = ['consistent-hashing', 'legacy', 'round-robin'] as const;
export type ShardingAlgorithm = (typeof SHARDING_ALGORITHMS)[number];

const ordinal = (replica: string): number => {
  const match = /-(\d+)$/.exec(replica);
  return match ? Number(match[1]) : Number.POSITIVE_INFINITY;
};

/**
 * The live replicas in shard order: by the StatefulSet ordinal their name ends in, then by name. With
 * every pod up, replica -k is shard k, as Argo infers it from the host name; when one is gone, the
 * survivors share its clusters (Argo's dynamic cluster distribution) rather than leaving them unmanaged.
 */
export function shardOrder(replicas: readonly string[]): string[] {
  return [...new Set(replicas)].sort((a, b) => ordinal(a) - ordinal(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** server → replica under Argo's `legacy` or `round-robin`, over the live replicas. */
export function assignArgoShards(algorithm: 'legacy' | 'round-robin', clusters: readonly ShardedCluster[], replicas: readonly string[]): Map<string, string> {
  const ordered = shardOrder(replicas);
  if (!ordered.length) return new Map();
  const shards = (algorithm === 'legacy' ? legacyShards : roundRobinShards)(clusters, ordered.length);
  return new Map([...shards].map(([server, shard]) => [server, ordered[shard]]));
}

/**
 * The leader's split for `algorithm`: Argo's over each cluster's Secret uid (`uids`, read when the
 * leader splits; in-cluster without a Secret has none), or undefined for the coordinator's own ring.
 */
export function clusterAssigner(algorithm: ShardingAlgorithm, uids: () => Map<string, string>): ((clusters: { key: string }[], replicas: string[]) => Map<string, string>) | undefined {
  if (algorithm === 'consistent-hashing') return undefined;
  return (clusters, replicas) => {
    const byServer = uids();
    return assignArgoShards(algorithm, clusters.map((c) => ({ server: c.key, id: byServer.get(c.key) ?? '' })), replicas);
  };
}
