// Whether a cluster cache holds the whole live state (Argo's cluster cache counts as synced only
// after it listed every watched kind again). When a cluster comes back after an outage its
// connection is up before its watches have listed again (they retry with backoff of up to 10 s);
// until then the cache holds what was live before the outage, and a comparison against it reports
// differences a sync cannot remove.
import type { ClusterCacheInfo } from '@flotilla/api-types';

/** How much later than the last cache sync the connection may come up in the same instant (clock granularity). */
const SAME_INSTANT_MS = 50;

/** Why the cache is not whole yet, or undefined when it is. */
export function incompleteCacheReason(info: Pick<ClusterCacheInfo, 'connectionState' | 'cacheInfo'>): string | undefined {
  const { connectionState, cacheInfo } = info;
  if (connectionState.status !== 'Successful' || !cacheInfo?.lastCacheSyncTime) return undefined;
  const connectedAt = Date.parse(connectionState.attemptedAt);
  const syncedAt = Date.parse(cacheInfo.lastCacheSyncTime);
  if (!(connectedAt - syncedAt > SAME_INSTANT_MS)) return undefined;
  return `the cluster is reachable again since ${connectionState.attemptedAt} and its watches have not listed its objects again yet`;
}
