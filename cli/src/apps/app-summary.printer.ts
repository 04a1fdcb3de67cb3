// `flotilla app get` and the end of `app sync`/`app wait`: argocd's summary block, conditions and
// the result of the last operation.
import type { Application, ApplicationSource, OperationState } from '@flotilla/api-types';
import { formatTable, summaryLine } from '../output/tab-writer';
import { destinationServer, isAutomated, primarySource, qualifiedName } from './app-list.printer';

const COMMIT_SHA = /^[0-9a-f]{40}$/i;
const SHORT_SHA = /^[0-9a-f]{7,39}$/i;

function sourceLines(src: ApplicationSource): string {
  let out = summaryLine('- Repo:', src.repoURL) + summaryLine('  Target:', src.targetRevision ?? '');
  if (src.path) out += summaryLine('  Path:', src.path);
  if (src.ref) out += summaryLine('  Ref:', src.ref);
  return out;
}

/** `Synced to HEAD (abc1234)` / `OutOfSync from main (abc1234)`. */
export function formatSyncStatus(app: Application): string {
  const status = app.status?.sync?.status ?? '';
  const target = primarySource(app).targetRevision || 'HEAD';
  let text: string = status;
  if (status === 'Synced') text += ` to ${target}`;
  else if (status === 'OutOfSync') text += ` from ${target}`;
  const revision = app.status?.sync?.revision ?? '';
  if (!COMMIT_SHA.test(target) && !SHORT_SHA.test(target) && revision.length > 7) text += ` (${revision.slice(0, 7)})`;
  return text;
}

export function formatAppSummary(app: Application, appURL: string): string {
  const sources = app.spec.sources?.length ? app.spec.sources : [primarySource(app)];
  const automated = isAutomated(app);
  const syncPolicy = automated ? `Automated${app.spec.syncPolicy?.automated?.prune ? ' (Prune)' : ''}` : 'Manual';
  return [
    summaryLine('Name:', qualifiedName(app)),
    summaryLine('Project:', app.spec.project || 'default'),
    summaryLine('Server:', destinationServer(app)),
    summaryLine('Namespace:', app.spec.destination?.namespace ?? ''),
    summaryLine('URL:', appURL),
    app.spec.sources?.length ? 'Sources:\n' : 'Source:\n',
    ...sources.map(sourceLines),
    // Flotilla has no sync windows yet, so every app may sync (argocd prints the same without windows).
    summaryLine('SyncWindow:', 'Sync Allowed'),
    summaryLine('Sync Policy:', syncPolicy),
    summaryLine('Sync Status:', formatSyncStatus(app)),
    summaryLine('Health Status:', app.status?.health?.status ?? ''),
  ].join('');
}

export function formatAppConditions(app: Application): string {
  const rows = (app.status?.conditions ?? []).map((c) => [c.type, c.message, c.lastTransitionTime ?? '']);
  return formatTable([['CONDITION', 'MESSAGE', 'LAST TRANSITION'], ...rows]);
}

/** Go's time.Time String() for a UTC timestamp: `2024-05-01 10:00:00 +0000 UTC`. */
export function goTime(iso: string | undefined): string {
  if (!iso) return '<nil>';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 19).replace('T', ' ')} +0000 UTC`;
}

/** Go's time.Duration String() for whole seconds: `0s`, `45s`, `2m5s`, `1h0m3s`. */
export function goDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (h > 0) return `${h}h${m}m${sec}s`;
  if (m > 0) return `${m}m${sec}s`;
  return `${sec}s`;
}

export function formatOperationResult(op: OperationState | undefined, now = new Date()): string {
  if (!op) return '';
  let out = '';
  if (op.syncResult) {
    out += summaryLine('Operation:', 'Sync');
    out += summaryLine('Sync Revision:', op.syncResult.revisions?.length ? op.syncResult.revisions.join(', ') : op.syncResult.revision);
  }
  out += summaryLine('Phase:', op.phase);
  out += summaryLine('Start:', goTime(op.startedAt));
  out += summaryLine('Finished:', goTime(op.finishedAt));
  const started = Date.parse(op.startedAt);
  const ended = op.finishedAt ? Date.parse(op.finishedAt) : now.getTime();
  out += summaryLine('Duration:', goDuration(Number.isNaN(started) ? 0 : (ended - started) / 1000));
  if (op.message) out += summaryLine('Message:', op.message);
  return out;
}
