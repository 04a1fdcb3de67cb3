import { clusterInfoKey, type Cluster, type ClusterCacheInfo } from '@flotilla/api-types';
import type { Redis } from 'ioredis';

export const NOT_MONITORED = 'Cluster has no applications and is not being monitored.';

/** The app-controller's view of each cluster (version, connection, cache), kept in Redis. */
export class ClusterInfoStore {
  constructor(
    private readonly redis: Redis,
    /** FLOTILLA_QUEUE_PREFIX, as the app-controller writes under. */
    private readonly prefix = 'flotilla',
  ) {}

  /** The clusters with what the controller last recorded about them; Unknown when it recorded nothing. */
  async withInfo(clusters: Cluster[]): Promise<Cluster[]> {
    if (!clusters.length) return clusters;
    const values = await this.redis.mget(...clusters.map((c) => clusterInfoKey(c.server, this.prefix))).catch(() => clusters.map(() => null));
    return clusters.map((cluster, i) => {
      const info = parse(values[i]);
      if (!info) {
        // Argo CD's words for a cluster its controller does not watch (no Application targets it).
        const state = { status: 'Unknown' as const, message: NOT_MONITORED };
        return { ...cluster, connectionState: state, info: { connectionState: state, applicationsCount: 0 } };
      }
      return {
        ...cluster,
        connectionState: info.connectionState,
        info: { serverVersion: info.serverVersion, connectionState: info.connectionState, cacheInfo: info.cacheInfo, applicationsCount: info.applicationsCount ?? 0 },
      };
    });
  }
}

function parse(text: string | null): ClusterCacheInfo | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as ClusterCacheInfo;
    return value && typeof value === 'object' && value.connectionState ? value : undefined;
  } catch {
    return undefined;
  }
}
