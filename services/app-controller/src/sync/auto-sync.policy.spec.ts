import type { Application, OperationState, ResourceStatus } from '@flotilla/api-types';
import { decideAutoSync, type AutoSyncInput } from './auto-sync.policy';

const source = { repoURL: 'https://git.example.com/app.git', path: 'app', targetRevision: 'main' };
const NOW = Date.parse('2026-01-01T00:10:00Z');

function app(automated: object | undefined, operationState?: Partial<OperationState>): Application {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name: 'web', namespace: 'argocd' },
    spec: { project: 'default', source, destination: { server: 'https://spoke', namespace: 'web' }, syncPolicy: { ...(automated ? { automated } : {}), syncOptions: ['CreateNamespace=true'] } },
    ...(operationState ? { status: { operationState: { operation: { sync: { revision: 'r1', source } }, phase: 'Succeeded', startedAt: '2026-01-01T00:00:00Z', syncResult: { revision: 'r1', source }, ...operationState } } } : {}),
  };
}

const drifted: ResourceStatus[] = [
  { group: 'apps', version: 'v1', kind: 'Deployment', namespace: 'web', name: 'web', status: 'OutOfSync' },
  { version: 'v1', kind: 'Service', namespace: 'web', name: 'web', status: 'Synced' },
];
const input = (a: Application, over: Partial<AutoSyncInput> = {}): AutoSyncInput => ({ app: a, syncStatus: 'OutOfSync', resources: drifted, revision: 'r1', now: NOW, selfHealMs: 5000, ...over });

describe('decideAutoSync', () => {
  it('syncs an OutOfSync app to the compared revision with its sync options', () => {
    expect(decideAutoSync(input(app({ prune: true })))).toEqual({
      action: 'sync',
      operation: { sync: { revision: 'r1', prune: true, source, syncOptions: ['CreateNamespace=true'] }, initiatedBy: { automated: true } },
    });
  });

  it('does nothing without automated sync, when Synced, or while an operation runs', () => {
    expect(decideAutoSync(input(app(undefined)))).toMatchObject({ action: 'skip' });
    expect(decideAutoSync(input(app({ enabled: false })))).toMatchObject({ action: 'skip' });
    expect(decideAutoSync(input(app({}), { syncStatus: 'Synced' }))).toMatchObject({ action: 'skip', reason: 'sync status is Synced' });
    expect(decideAutoSync(input({ ...app({}), operation: { sync: {} } }))).toMatchObject({ action: 'skip', reason: 'an operation is already in progress' });
  });

  it('does not sync the same revision twice without selfHeal', () => {
    const done = app({ prune: true }, { finishedAt: '2026-01-01T00:00:00Z' });
    expect(decideAutoSync(input(done))).toEqual({ action: 'skip', reason: 'most recent sync already to r1' });
    expect(decideAutoSync(input(done, { revision: 'r2' }))).toMatchObject({ action: 'sync', operation: { sync: { revision: 'r2' } } });
  });

  it('reports a failed attempt at the same revision as a SyncError condition', () => {
    const failed = app({}, { phase: 'Failed', message: 'one or more objects failed to apply' });
    expect(decideAutoSync(input(failed))).toEqual({ action: 'condition', condition: { type: 'SyncError', message: 'Failed sync attempt to r1: one or more objects failed to apply' } });
  });

  it('self-heals only the drifted resources, once the self-heal timeout has passed', () => {
    const recent = app({ selfHeal: true }, { finishedAt: new Date(NOW - 2000).toISOString() });
    expect(decideAutoSync(input(recent))).toMatchObject({ action: 'skip', retryAfterMs: 3000 });
    const older = app({ selfHeal: true }, { finishedAt: new Date(NOW - 6000).toISOString() });
    expect(decideAutoSync(input(older))).toMatchObject({
      action: 'sync',
      operation: { sync: { revision: 'r1', resources: [{ group: 'apps', kind: 'Deployment', name: 'web', namespace: 'web' }] } },
    });
  });

  it('leaves extra resources alone when prune is off, and refuses to wipe out everything', () => {
    const extra: ResourceStatus[] = [{ version: 'v1', kind: 'ConfigMap', namespace: 'web', name: 'old', status: 'OutOfSync', requiresPruning: true }];
    expect(decideAutoSync(input(app({ prune: false }), { resources: extra }))).toEqual({ action: 'skip', reason: 'need to prune extra resources only but automated prune is disabled' });
    expect(decideAutoSync(input(app({ prune: true }), { resources: extra }))).toEqual({
      action: 'condition',
      condition: { type: 'SyncError', message: 'Skipping sync attempt to r1: auto-sync will wipe out all resources' },
    });
    expect(decideAutoSync(input(app({ prune: true, allowEmpty: true }), { resources: extra }))).toMatchObject({ action: 'sync' });
  });

  it('syncs a multi-source app to its revisions and sources, once per set of revisions', () => {
    const sources = [source, { repoURL: 'https://git.example.com/values.git', targetRevision: 'main', ref: 'values' }];
    const multi = { ...app({ prune: true }), spec: { ...app({ prune: true }).spec, source: undefined, sources } };
    expect(decideAutoSync(input(multi, { revision: 'r1, v1', multiSource: { sources, revisions: ['r1', 'v1'] } }))).toEqual({
      action: 'sync',
      operation: { sync: { revisions: ['r1', 'v1'], sources, prune: true, syncOptions: ['CreateNamespace=true'] }, initiatedBy: { automated: true } },
    });
    const done: Application = {
      ...multi,
      status: { operationState: { operation: { sync: { revisions: ['r1', 'v1'], sources } }, phase: 'Succeeded', startedAt: '2026-01-01T00:00:00Z', finishedAt: '2026-01-01T00:00:01Z', syncResult: { revision: '', revisions: ['r1', 'v1'], sources } } },
    };
    expect(decideAutoSync(input(done, { revision: 'r1, v1', multiSource: { sources, revisions: ['r1', 'v1'] } }))).toEqual({ action: 'skip', reason: 'most recent sync already to r1, v1' });
    expect(decideAutoSync(input(done, { revision: 'r1, v2', multiSource: { sources, revisions: ['r1', 'v2'] } }))).toMatchObject({ action: 'sync', operation: { sync: { revisions: ['r1', 'v2'] } } });
  });
});
