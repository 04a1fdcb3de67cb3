// What the app-controller knows about each destination cluster, written to Redis for the
// api-server's cluster list and get (Argo CD keeps the same ClusterInfo in its cache).
import type { ConnectionStatus } from './cluster.types';

/**
 * `<prefix>:cluster:<server>:info`, the prefix being the installation's FLOTILLA_QUEUE_PREFIX
 * (default `flotilla`), so two Flotillas sharing a Redis never report each other's clusters.
 */
export const clusterInfoKey = (server: string, prefix = 'flotilla'): string => `${prefix}:cluster:${server}:info`;

/** Argo's ClusterInfo, as the controller last saw the cluster. */
export interface ClusterCacheInfo {
  serverVersion?: string;
  connectionState: { status: ConnectionStatus; message?: string; attemptedAt: string };
  cacheInfo?: { resourcesCount?: number; apisCount?: number; lastCacheSyncTime?: string };
  applicationsCount?: number;
}
