// Is a sync step done? Resources must be Healthy (or have no health), hooks must have succeeded,
// prunes must be gone. The controller calls this after each watch event until it says complete.
import type { HealthStatus, KubeObject } from '@flotilla/api-types';
import { assessHealth, type HealthOptions } from '../health/health.registry';
import type { SyncStep, SyncTask } from './sync-task';

export type LiveLookup = ReadonlyMap<string, KubeObject> | ((key: string) => KubeObject | undefined);

export interface TaskState {
  task: SyncTask;
  state: 'done' | 'waiting' | 'failed';
  health?: HealthStatus;
  message?: string;
}

export interface StepStatus {
  complete: boolean;
  /** A hook failed: the sync fails and SyncFail hooks run. */
  failed: boolean;
  tasks: TaskState[];
}

const lookup = (live: LiveLookup, key: string): KubeObject | undefined => (typeof live === 'function' ? live(key) : live.get(key));

function taskState(task: SyncTask, live: KubeObject | undefined, healthOpts: HealthOptions | undefined): TaskState {
  if (task.action === 'prune') {
    return live && !live.metadata?.deletionTimestamp
      ? { task, state: 'waiting', message: 'waiting for deletion' }
      : { task, state: 'done' };
  }
  if (!live) return { task, state: 'waiting', message: 'waiting for the resource to appear' };
  const health = assessHealth(live, healthOpts);
  if (task.action === 'hook') {
    if (health?.status === 'Degraded') return { task, state: 'failed', health, message: health.message };
    // Hooks without a health check (e.g. a ConfigMap) are done once they exist.
    return !health || health.status === 'Healthy'
      ? { task, state: 'done', health }
      : { task, state: 'waiting', health, message: health.message };
  }
  return !health || health.status === 'Healthy'
    ? { task, state: 'done', health }
    : { task, state: 'waiting', health, message: health.message };
}

/** Where each task of the step stands; `health` carries argocd-cm's custom health checks. */
export function stepStatus(step: SyncStep, live: LiveLookup, health?: HealthOptions): StepStatus {
  const tasks = step.tasks.map((t) => taskState(t, lookup(live, t.key), health));
  const failed = tasks.some((t) => t.state === 'failed');
  return { complete: !failed && tasks.every((t) => t.state === 'done'), failed, tasks };
}

/** True when every task of the step is done. */
export const isStepComplete = (step: SyncStep, live: LiveLookup, health?: HealthOptions): boolean => stepStatus(step, live, health).complete;
