import type { ClusterCacheInfo } from '@flotilla/api-types';
import { incompleteCacheReason } from './cache-completeness';

const info = (status: 'Successful' | 'Failed', attemptedAt: string, lastCacheSyncTime?: string): ClusterCacheInfo => ({
  connectionState: { status, attemptedAt },
  cacheInfo: lastCacheSyncTime ? { lastCacheSyncTime } : {},
  applicationsCount: 1,
});

describe('incompleteCacheReason', () => {
  it.each([
    ['the watches listed after the connection came up', info('Successful', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:01.000Z'), false],
    ['a watch that relisted on its own set both in the same instant', info('Successful', '2026-01-01T00:00:01.002Z', '2026-01-01T00:00:01.000Z'), false],
    ['nothing watched yet', info('Successful', '2026-01-01T00:00:01.000Z'), false],
    ['unreachable (reported as such elsewhere)', info('Failed', '2026-01-01T00:00:09.000Z', '2026-01-01T00:00:01.000Z'), false],
    ['reconnected after an outage, watches not listed again', info('Successful', '2026-01-01T00:00:09.000Z', '2026-01-01T00:00:01.000Z'), true],
  ])('%s', (_what, given, incomplete) => {
    expect(incompleteCacheReason(given) !== undefined).toBe(incomplete);
  });
});
