import type { KubeObject } from '@flotilla/api-types';
import { DEFAULT_SYNC_OPTIONS, parseSyncOptions, resourceSyncOptions } from './sync-options';
import { stepStatus } from './sync-step';
import type { SyncStep, SyncTask } from './sync-task';

const task = (action: SyncTask['action'], key: string): SyncTask => ({
  key,
  ref: { group: '', kind: 'x', namespace: 'ns', name: key },
  phase: 'Sync',
  wave: 0,
  action,
  options: DEFAULT_SYNC_OPTIONS,
});
const step = (...tasks: SyncTask[]): SyncStep => ({ phase: 'Sync', wave: 0, tasks });
const deploy = (available: number): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', generation: 1 },
  spec: { replicas: 2 },
  status: { observedGeneration: 1, replicas: 2, updatedReplicas: 2, availableReplicas: available },
});
const job = (type: string): KubeObject => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'j' },
  status: { conditions: [{ type, status: 'True' }] },
});
const cm: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } };

describe('stepStatus', () => {
  it.each<[string, SyncStep, Record<string, KubeObject>, { complete: boolean; failed: boolean }]>([
    ['waits for a Deployment to become Healthy', step(task('apply', 'd')), { d: deploy(1) }, { complete: false, failed: false }],
    ['is complete once it is Healthy', step(task('apply', 'd')), { d: deploy(2) }, { complete: true, failed: false }],
    ['resources without health are done once they exist', step(task('create', 'c')), { c: cm }, { complete: true, failed: false }],
    ['waits for a created resource to appear', step(task('create', 'c')), {}, { complete: false, failed: false }],
    [
      'waits for a hook Job to succeed',
      step(task('hook', 'j')),
      { j: { ...job('Suspended'), status: {} } },
      { complete: false, failed: false },
    ],
    ['a succeeded hook is done', step(task('hook', 'j')), { j: job('Complete') }, { complete: true, failed: false }],
    ['a failed hook fails the step', step(task('hook', 'j')), { j: job('Failed') }, { complete: false, failed: true }],
    ['a prune is done when the object is gone', step(task('prune', 'c')), {}, { complete: true, failed: false }],
    ['a prune waits while the object remains', step(task('prune', 'c')), { c: cm }, { complete: false, failed: false }],
  ])('%s', (_name, s, live, want) => {
    const got = stepStatus(s, new Map(Object.entries(live)));
    expect({ complete: got.complete, failed: got.failed }).toEqual(want);
  });
});

describe('sync options', () => {
  it('parses the app options and lets a resource annotation override them', () => {
    const app = parseSyncOptions(['CreateNamespace=true', 'PruneLast=true', 'ServerSideApply=true', 'Validate=false', 'Bogus=1']);
    expect(app).toMatchObject({
      createNamespace: true,
      pruneLast: true,
      serverSideApply: true,
      validate: false,
      prune: true,
      unknown: ['Bogus=1'],
    });
    const obj: KubeObject = {
      metadata: { annotations: { 'argocd.argoproj.io/sync-options': 'Prune=false, Replace=true,PruneLast=false' } },
    };
    expect(resourceSyncOptions(app, obj)).toMatchObject({ prune: false, replace: true, pruneLast: false, createNamespace: true });
  });
});
