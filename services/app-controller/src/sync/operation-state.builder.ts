// status.operationState and status.history as Argo CD records them (controller/sync.go, appcontroller.go).
import { versionOf, type Application, type OperationState, type ResourceResult, type ResultCode, type RevisionHistory, type RetryStrategy } from '@flotilla/api-types';
import { resultKeyOf, type SkippedTask, type SyncTask, type TaskState } from '@flotilla/engine';

export const DEFAULT_REVISION_HISTORY_LIMIT = 10;

/** The kubectl-style name of a resource: `deployment.apps/guestbook`, `configmap/settings`. */
export function kubectlName(group: string, kind: string, name: string): string {
  return `${kind.toLowerCase()}${group ? `.${group}` : ''}/${name}`;
}

export function taskResult(task: SyncTask | SkippedTask, status: ResultCode, message: string): ResourceResult {
  const obj = task.desired ?? task.live;
  const phase = 'phase' in task ? task.phase : 'Sync';
  const hook = 'action' in task && task.action === 'hook';
  return {
    group: task.ref.group,
    version: versionOf(obj?.apiVersion),
    kind: task.ref.kind,
    namespace: task.ref.namespace,
    name: task.ref.name,
    status,
    message,
    syncPhase: phase,
    ...(hook ? { hookType: phase, hookPhase: status === 'SyncFailed' ? 'Failed' : 'Running' } : {}),
  };
}

/** Results of earlier passes of a resumed sync, updated by this pass's; first-seen order is kept. */
export function mergeResults(previous: readonly ResourceResult[], next: readonly ResourceResult[]): ResourceResult[] {
  const out = new Map(previous.map((r) => [resultKeyOf(r), r] as const));
  for (const r of next) out.set(resultKeyOf(r), r);
  return [...out.values()];
}

/** Hooks that reached a final state, each in its own phase (a hook may run in PreSync and PostSync). */
export function withHookPhase(results: ResourceResult[], states: readonly TaskState[]): ResourceResult[] {
  return results.map((r) => {
    if (!r.hookType) return r;
    const state = states.find((s) => s.task.action === 'hook' && s.task.phase === r.hookType && s.task.ref.group === r.group && s.task.ref.kind === r.kind && s.task.ref.name === r.name && s.task.ref.namespace === r.namespace);
    if (!state) return r;
    const hookPhase = state.state === 'done' ? 'Succeeded' : state.state === 'failed' ? 'Failed' : 'Running';
    return { ...r, hookPhase, ...(state.message ? { message: state.message } : {}) };
  });
}

/**
 * Argo's message while a wave waits: `waiting for healthy state of apps/Deployment/web and 2 more resources`,
 * `waiting for completion of hook batch/Job/migrate`.
 */
export function waitingMessage(states: readonly TaskState[]): string {
  const waiting = states.filter((s) => s.state === 'waiting');
  if (!waiting.length) return 'Syncing';
  const first = waiting[0].task.ref;
  const what = waiting[0].task.action === 'prune' ? 'deletion of' : waiting[0].task.action === 'hook' ? 'completion of hook' : 'healthy state of';
  const more = waiting.length > 1 ? ` and ${waiting.length - 1} more ${waiting.length === 2 ? 'resource' : 'resources'}` : '';
  return `waiting for ${what} ${first.group ? `${first.group}/` : ''}${first.kind}/${first.name}${more}`;
}

/** status.history with the finished sync appended, trimmed to revisionHistoryLimit. */
export function appendHistory(app: Application, state: OperationState): RevisionHistory[] {
  const history = [...(app.status?.history ?? [])];
  const nextId = history.length ? Math.max(...history.map((h) => h.id)) + 1 : 0;
  const sync = state.operation.sync;
  history.push({
    id: nextId,
    ...(state.syncResult?.revisions?.length || sync?.revisions?.length
      ? { revisions: state.syncResult?.revisions ?? sync?.revisions, sources: state.syncResult?.sources ?? sync?.sources }
      : { revision: state.syncResult?.revision ?? sync?.revision }),
    deployedAt: state.finishedAt ?? new Date().toISOString(),
    deployStartedAt: state.startedAt,
    ...((state.syncResult?.source ?? sync?.source) ? { source: state.syncResult?.source ?? sync?.source } : {}),
    ...(state.operation.initiatedBy ? { initiatedBy: state.operation.initiatedBy } : {}),
  });
  const limit = app.spec.revisionHistoryLimit ?? DEFAULT_REVISION_HISTORY_LIMIT;
  return history.slice(Math.max(0, history.length - Math.max(limit, 1)));
}

/** Go-style durations as Argo's retry backoff takes them: `5s`, `2m`, `1h30m`. */
export function parseDuration(text: string | undefined, fallbackMs: number): number {
  if (!text) return fallbackMs;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  let total = 0;
  let rest = text.trim();
  while (rest) {
    const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)/.exec(rest);
    if (!m) return fallbackMs;
    total += Number(m[1]) * units[m[2]];
    rest = rest.slice(m[0].length);
  }
  return total;
}

/** Delay before retry number `attempt` (1-based): duration × factor^(attempt-1), capped (Argo's defaults 5s, ×2, 3m). */
export function retryDelayMs(retry: RetryStrategy, attempt: number): number {
  const base = parseDuration(retry.backoff?.duration, 5000);
  const factor = retry.backoff?.factor ?? 2;
  const max = parseDuration(retry.backoff?.maxDuration, 180_000);
  return Math.min(base * Math.pow(factor, Math.max(0, attempt - 1)), max);
}

/** Whether a failed attempt may be retried: limit < 0 means without end. */
export function mayRetry(retry: RetryStrategy | undefined, retryCount: number): boolean {
  if (!retry || retry.limit === undefined) return false;
  return retry.limit < 0 || retryCount < retry.limit;
}
