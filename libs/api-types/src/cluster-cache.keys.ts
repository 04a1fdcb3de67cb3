// What the app-controller knows about each destination cluster, written to Redis for the
// api-server's cluster list and get (Argo CD keeps the same ClusterInfo in its cache).
import type { ConnectionStatus } from './cluster.types';

export const CLUSTER_CACHE_PREFIX = 'flotilla:cluster:';

/** `flotilla:cluster:<server>:info` */
export const clusterInfoKey = (server: string): string => `${CLUSTER_CACHE_PREFIX}${server}:info`;

/** Argo's ClusterInfo, as the controller last saw the cluster. */
export interface ClusterCacheInfo {
  serverVersion?: string;
  connectionState: { status: ConnectionStatus; message?: string; attemptedAt: string };
  cacheInfo?: { resourcesCount?: number; apisCount?: number; lastCacheSyncTime?: string };
  applicationsCount?: number;
}
