// How hard a refresh compares (Argo's CompareWith* levels): `recent` re-renders the revision last
// compared (cached) to see live changes; `latest` resolves the target revision again, bypassing the
// revision cache; `hard` also bypasses the manifest cache.
import { REFRESH_ANNOTATION, type Application } from '@flotilla/api-types';
import { jsonEqual } from '../status/merge-patch';

export type CompareLevel = 'recent' | 'latest' | 'hard';

const RANK: Record<CompareLevel, number> = { recent: 0, latest: 1, hard: 2 };
export const strongerLevel = (a: CompareLevel, b: CompareLevel): CompareLevel => (RANK[a] >= RANK[b] ? a : b);

/** The level a refresh needs: the requested one, raised by the refresh annotation, a spec change or an expired comparison. */
export function compareLevel(app: Application, requested: CompareLevel, now: number, resyncMs: number): CompareLevel {
  const annotation = app.metadata.annotations?.[REFRESH_ANNOTATION];
  if (annotation === 'hard') return 'hard';
  if (annotation === 'normal') return strongerLevel(requested, 'latest');
  const status = app.status;
  const multi = !!app.spec.sources?.length;
  const compared = status?.sync?.comparedTo;
  if (!(multi ? status?.sync?.revisions?.length : status?.sync?.revision) || !status?.reconciledAt) return strongerLevel(requested, 'latest');
  const sameSources = multi ? jsonEqual(compared?.sources, app.spec.sources) : jsonEqual(compared?.source, app.spec.source);
  if (!compared || !sameSources || !jsonEqual(compared.destination, app.spec.destination)) return strongerLevel(requested, 'latest');
  if (now - Date.parse(status.reconciledAt) >= resyncMs) return strongerLevel(requested, 'latest');
  return requested;
}
