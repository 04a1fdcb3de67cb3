import type { Application, OperationState } from '@flotilla/api-types';
import { DEFAULT_SYNC_OPTIONS, type SyncTask } from '@flotilla/engine';
import { appendHistory, kubectlName, mayRetry, mergeResults, parseDuration, retryDelayMs, taskResult, waitingMessage, withHookPhase } from './operation-state.builder';

const app = (history: number, limit?: number): Application => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Application',
  metadata: { name: 'web' },
  spec: { project: 'default', destination: {}, ...(limit ? { revisionHistoryLimit: limit } : {}) },
  status: { history: Array.from({ length: history }, (_, i) => ({ id: i, revision: `r${i}`, deployedAt: 't' })) },
});
const state: OperationState = {
  operation: { sync: { revision: 'new' }, initiatedBy: { username: 'admin' } },
  phase: 'Succeeded',
  startedAt: '2026-01-01T00:00:00Z',
  finishedAt: '2026-01-01T00:00:05Z',
  syncResult: { revision: 'new', source: { repoURL: 'https://h/r' } },
};

describe('appendHistory', () => {
  it('appends the sync with the next id and trims to revisionHistoryLimit (default 10)', () => {
    const history = appendHistory(app(10), state);
    expect(history).toHaveLength(10);
    expect(history[0].id).toBe(1);
    expect(history[9]).toEqual({ id: 10, revision: 'new', deployedAt: '2026-01-01T00:00:05Z', deployStartedAt: '2026-01-01T00:00:00Z', source: { repoURL: 'https://h/r' }, initiatedBy: { username: 'admin' } });
    expect(appendHistory(app(3, 2), state).map((h) => h.id)).toEqual([2, 3]);
    expect(appendHistory(app(0), state).map((h) => h.id)).toEqual([0]);
  });
});

describe('results and retries', () => {
  it('names resources the way kubectl does', () => {
    expect(kubectlName('apps', 'Deployment', 'web')).toBe('deployment.apps/web');
    expect(kubectlName('', 'ConfigMap', 'c')).toBe('configmap/c');
  });

  it('merges the results of a resumed sync by resource', () => {
    const r = (name: string, status: 'Synced' | 'Pruned') => ({ group: '', version: 'v1', kind: 'ConfigMap', namespace: 'n', name, status });
    expect(mergeResults([r('a', 'Synced'), r('b', 'Synced')], [r('b', 'Pruned'), r('c', 'Synced')]).map((x) => `${x.name}:${x.status}`)).toEqual(['a:Synced', 'b:Pruned', 'c:Synced']);
  });

  it('records a hook that runs in PreSync and PostSync once per phase: the PostSync run leaves the PreSync result alone', () => {
    const hook = (phase: 'PreSync' | 'PostSync'): SyncTask => ({ key: 'k', ref: { group: 'batch', kind: 'Job', namespace: 'n', name: 'j' }, phase, wave: 0, action: 'hook', options: DEFAULT_SYNC_OPTIONS });
    const pre = withHookPhase([taskResult(hook('PreSync'), 'Synced', 'created')], [{ task: hook('PreSync'), state: 'done' }]);
    const both = withHookPhase(mergeResults(pre, [taskResult(hook('PostSync'), 'Synced', 'created')]), [{ task: hook('PostSync'), state: 'waiting' }]);
    expect(both.map((r) => `${r.hookType}:${r.hookPhase}`)).toEqual(['PreSync:Succeeded', 'PostSync:Running']);
  });

  it("says what a wave waits for in Argo's words", () => {
    const task = (action: SyncTask['action'], kind: string, group = ''): SyncTask => ({ key: kind, ref: { group, kind, namespace: 'n', name: 'x' }, phase: 'Sync', wave: 0, action, options: DEFAULT_SYNC_OPTIONS });
    expect(waitingMessage([{ task: task('hook', 'Job', 'batch'), state: 'waiting' }])).toBe('waiting for completion of hook batch/Job/x');
    expect(waitingMessage([{ task: task('apply', 'Deployment', 'apps'), state: 'waiting' }, { task: task('apply', 'ConfigMap'), state: 'waiting' }])).toBe('waiting for healthy state of apps/Deployment/x and 1 more resource');
    expect(waitingMessage([{ task: task('prune', 'ConfigMap'), state: 'waiting' }])).toBe('waiting for deletion of ConfigMap/x');
  });

  it('backs off as Argo does: duration × factor^n, capped, Go durations', () => {
    expect(parseDuration('1m30s', 0)).toBe(90_000);
    expect(parseDuration(undefined, 5000)).toBe(5000);
    expect(retryDelayMs({ limit: 5 }, 1)).toBe(5000);
    expect(retryDelayMs({ limit: 5, backoff: { duration: '2s', factor: 3, maxDuration: '10s' } }, 3)).toBe(10_000);
    expect(mayRetry({ limit: 2 }, 1)).toBe(true);
    expect(mayRetry({ limit: 2 }, 2)).toBe(false);
    expect(mayRetry({ limit: -1 }, 99)).toBe(true);
    expect(mayRetry(undefined, 0)).toBe(false);
  });
});
