// Where a sync operation stands by the results its earlier passes recorded (operationState.syncResult),
// as gitops-engine's sync_context enriches each task with syncRes: only tasks without a result run;
// a hook with one is waited on or done, never created again in the same operation.
import type { ResourceResult } from '@flotilla/api-types';
import type { SyncStep, SyncTask } from './sync-task';

/**
 * pending: nothing done yet in this operation. running: applied (a resource) or created (a hook), not
 * finished. succeeded / failed: a hook that finished.
 */
export type TaskProgress = 'pending' | 'running' | 'succeeded' | 'failed';

export type RecordedResults = ReadonlyMap<string, ResourceResult>;

/** One result per resource, and per phase for hooks (a hook may run in PreSync and again in PostSync). */
export function resultKeyOf(r: Pick<ResourceResult, 'group' | 'kind' | 'namespace' | 'name' | 'hookType'>): string {
  return `${r.group}/${r.kind}/${r.namespace}/${r.name}/${r.hookType ?? ''}`;
}

const taskResultKey = (task: SyncTask): string => resultKeyOf({ ...task.ref, hookType: task.action === 'hook' ? task.phase : undefined });

export function recordedResults(results: readonly ResourceResult[]): RecordedResults {
  return new Map(results.map((r) => [resultKeyOf(r), r] as const));
}

export function taskProgress(task: SyncTask, recorded: RecordedResults): TaskProgress {
  const result = recorded.get(taskResultKey(task));
  // A failed write ends the attempt; a result that says so is no reason not to write again.
  if (!result || (result.status !== 'Synced' && result.status !== 'Pruned')) return 'pending';
  if (task.action !== 'hook') return 'running';
  if (result.hookPhase === 'Succeeded') return 'succeeded';
  if (result.hookPhase === 'Failed' || result.hookPhase === 'Error') return 'failed';
  // Recorded as running but gone, and its policy deletes it on success: the pass that saw it succeed
  // and deleted it stopped (a restart, a handover) before it could record so.
  if (!task.live && task.deletePolicies?.includes('HookSucceeded')) return 'succeeded';
  return 'running';
}

/**
 * The step a resumed operation continues with: the last one in which something was done. The runner
 * starts a step only once the one before it completed, so every earlier step is complete.
 */
export function resumeStepIndex(steps: readonly SyncStep[], recorded: RecordedResults): number {
  for (let i = steps.length - 1; i > 0; i--) {
    if (steps[i].tasks.some((t) => taskProgress(t, recorded) !== 'pending')) return i;
  }
  return 0;
}
