import type { KubeObject, ResourceResult } from '@flotilla/api-types';
import type { HookDeletePolicy } from './hook';
import { DEFAULT_SYNC_OPTIONS } from './sync-options';
import type { SyncStep, SyncTask } from './sync-task';
import { recordedResults, resumeStepIndex, taskProgress, type TaskProgress } from './task-progress';

const live: KubeObject = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'migrate', namespace: 'ns' } };
const hook = (phase: SyncTask['phase'], policies: HookDeletePolicy[] = ['BeforeHookCreation'], withLive = true): SyncTask => ({
  key: 'batch/Job/ns/migrate',
  ref: { group: 'batch', kind: 'Job', namespace: 'ns', name: 'migrate' },
  phase,
  wave: 0,
  action: 'hook',
  desired: live,
  ...(withLive ? { live } : {}),
  options: DEFAULT_SYNC_OPTIONS,
  deletePolicies: policies,
});
const resource = (name: string, wave = 0): SyncTask => ({
  key: `/ConfigMap/ns/${name}`,
  ref: { group: '', kind: 'ConfigMap', namespace: 'ns', name },
  phase: 'Sync',
  wave,
  action: 'apply',
  options: DEFAULT_SYNC_OPTIONS,
});
const result = (over: Partial<ResourceResult>): ResourceResult => ({ group: 'batch', version: 'v1', kind: 'Job', namespace: 'ns', name: 'migrate', status: 'Synced', ...over });
const hookResult = (hookType: ResourceResult['hookType'], hookPhase: ResourceResult['hookPhase']): ResourceResult => result({ hookType, hookPhase, syncPhase: hookType });
const cmResult = (name: string): ResourceResult => ({ group: '', version: 'v1', kind: 'ConfigMap', namespace: 'ns', name, status: 'Synced', syncPhase: 'Sync' });

describe('taskProgress', () => {
  it.each<[string, SyncTask, ResourceResult[], TaskProgress]>([
    ['a hook with no result in this operation is pending (created, after BeforeHookCreation)', hook('PreSync'), [], 'pending'],
    ['a hook created by an earlier pass is waited on, not created again', hook('PreSync'), [hookResult('PreSync', 'Running')], 'running'],
    ['a hook that succeeded is not run again', hook('PreSync'), [hookResult('PreSync', 'Succeeded')], 'succeeded'],
    ['a hook that failed stays failed', hook('PreSync'), [hookResult('PreSync', 'Failed')], 'failed'],
    ['a PostSync run of a PreSync,PostSync hook is its own task', hook('PostSync'), [hookResult('PreSync', 'Succeeded')], 'pending'],
    ['a HookSucceeded hook recorded running and gone was deleted on success', hook('PreSync', ['HookSucceeded'], false), [hookResult('PreSync', 'Running')], 'succeeded'],
    ['any other hook recorded running and gone is still waited on', hook('PreSync', ['BeforeHookCreation'], false), [hookResult('PreSync', 'Running')], 'running'],
    ['a hook whose creation failed is pending', hook('PreSync'), [result({ hookType: 'PreSync', hookPhase: 'Failed', status: 'SyncFailed' })], 'pending'],
    ['an applied resource is running (health decides), not applied again', resource('a'), [cmResult('a')], 'running'],
    ['a resource with no result is pending', resource('a'), [cmResult('b')], 'pending'],
  ])('%s', (_name, task, results, want) => {
    expect(taskProgress(task, recordedResults(results))).toBe(want);
  });
});

describe('resumeStepIndex', () => {
  const steps: SyncStep[] = [
    { phase: 'PreSync', wave: 0, tasks: [hook('PreSync', ['HookSucceeded'], false)] },
    { phase: 'Sync', wave: 0, tasks: [resource('a')] },
    { phase: 'Sync', wave: 1, tasks: [resource('b', 1), resource('c', 1)] },
    { phase: 'PostSync', wave: 0, tasks: [hook('PostSync')] },
  ];
  it.each<[string, ResourceResult[], number]>([
    ['a new operation starts at the first step', [], 0],
    ['a pass that yielded on the PreSync hook resumes there', [hookResult('PreSync', 'Running')], 0],
    ['steps before the last one that was started are complete', [hookResult('PreSync', 'Succeeded'), cmResult('a')], 1],
    ['a step partly applied is the one to resume', [hookResult('PreSync', 'Succeeded'), cmResult('a'), cmResult('c')], 2],
    ['PostSync running: all before it are done', [hookResult('PreSync', 'Succeeded'), cmResult('a'), cmResult('b'), cmResult('c'), hookResult('PostSync', 'Running')], 3],
  ])('%s', (_name, results, want) => {
    expect(resumeStepIndex(steps, recordedResults(results))).toBe(want);
  });
});
