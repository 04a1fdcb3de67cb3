// `flotilla app history`: argocd's deployment history, one block per source repository.
import type { RevisionHistory } from '@flotilla/api-types';
import { formatTable } from '../output/tab-writer';
import { goTime } from './app-summary.printer';

/** argocd shows the target with the commit cut to this many characters: `HEAD (a1b2c3d)`. */
const SHORT_REVISION = 7;

interface HistoryRow {
  id: number;
  date: string;
  revision: string;
}

const revisionText = (target: string | undefined, revision: string | undefined): string => {
  const text = target || 'HEAD';
  return revision && revision.length >= SHORT_REVISION ? `${text} (${revision.slice(0, SHORT_REVISION)})` : text;
};

/** argocd's printApplicationHistoryTable: `SOURCE <repo>`, then `ID DATE REVISION` per deployment from it. */
export function formatHistoryTable(history: readonly RevisionHistory[]): string {
  const byRepo = new Map<string, HistoryRow[]>();
  const add = (repoURL: string, row: HistoryRow): void => {
    byRepo.set(repoURL, [...(byRepo.get(repoURL) ?? []), row]);
  };
  for (const h of history) {
    const date = goTime(h.deployedAt);
    if (h.sources?.length) {
      // The per-source commit shows only when history has one revision per source.
      const revisions = h.revisions?.length === h.sources.length ? h.revisions : [];
      h.sources.forEach((s, i) => add(s.repoURL, { id: h.id, date, revision: revisionText(s.targetRevision, revisions[i]) }));
    } else {
      add(h.source?.repoURL ?? '', { id: h.id, date, revision: revisionText(h.source?.targetRevision, h.revision) });
    }
  }
  return [...byRepo]
    .map(([repoURL, rows]) => formatTable([['SOURCE', repoURL], ['ID', 'DATE', 'REVISION'], ...rows.map((r) => [String(r.id), r.date, r.revision])]))
    .join('\n');
}

/** `-o id`: one history id a line. */
export const formatHistoryIds = (history: readonly RevisionHistory[]): string => history.map((h) => `${h.id}\n`).join('');

