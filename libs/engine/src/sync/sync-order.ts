// Ordering of sync tasks: phase, wave, kind, name; prunes undo creation order; dependencies pulled forward.
import { groupOf, type KubeObject, type SyncPhase } from '@flotilla/api-types';
import { getIn } from '../object/json-value';
import { kindRank } from './kind-order';
import type { SyncStep, SyncTask } from './sync-task';

const PHASE_ORDER: Record<SyncPhase, number> = { PreSync: -1, Sync: 0, PostSync: 1, SyncFail: 2, PostDelete: 3 };

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Phase, then wave; within a step prunes go first (gitops-engine prunes before applying), then kind, then name. */
export function compareTasks(a: SyncTask, b: SyncTask): number {
  return (
    PHASE_ORDER[a.phase] - PHASE_ORDER[b.phase] ||
    a.wave - b.wave ||
    Number(b.action === 'prune') - Number(a.action === 'prune') ||
    kindRank(a.ref.kind) - kindRank(b.ref.kind) ||
    cmp(a.ref.name, b.ref.name)
  );
}

/** Prunes run in reverse wave order: the k-th lowest prune wave swaps with the k-th highest. */
export function reversePruneWaves(tasks: SyncTask[]): void {
  const prunes = tasks.filter((t) => t.action === 'prune');
  const waves = [...new Set(prunes.map((t) => t.wave))].sort((a, b) => a - b);
  const swapped = new Map(waves.map((w, i) => [w, waves[waves.length - 1 - i]]));
  for (const t of prunes) t.wave = swapped.get(t.wave) ?? t.wave;
}

/** PruneLast prunes move after the last wave of the Sync phase. */
export function movePruneLast(tasks: SyncTask[]): void {
  const syncWaves = tasks.filter((t) => t.phase === 'Sync').map((t) => t.wave);
  const last = Math.max(0, ...syncWaves) + 1;
  for (const t of tasks) if (t.action === 'prune' && t.options.pruneLast) t.wave = last;
}

/** `group/Kind` that a CustomResourceDefinition defines; undefined for any other object. */
export function crdDefinedKind(obj: KubeObject): string | undefined {
  if (obj.kind !== 'CustomResourceDefinition' || groupOf(obj.apiVersion) !== 'apiextensions.k8s.io') return undefined;
  return `${String(getIn(obj, 'spec', 'group'))}/${String(getIn(obj, 'spec', 'names', 'kind'))}`;
}

/** What a task creates that others depend on: a namespace, or the group/kind a CRD defines. */
function provides(t: SyncTask): string | undefined {
  if (t.action === 'prune' || !t.desired) return undefined;
  if (t.ref.group === '' && t.ref.kind === 'Namespace') return `ns:${t.ref.name}`;
  const defined = crdDefinedKind(t.desired);
  return defined === undefined ? undefined : `gk:${defined}`;
}

/** A namespace or CRD moves to the earliest phase and wave of the tasks that need it. */
export function pullDependenciesForward(tasks: SyncTask[]): void {
  const earliest = new Map<string, SyncTask>();
  for (const t of tasks) {
    if (t.action === 'prune') continue;
    for (const need of [`ns:${t.ref.namespace}`, `gk:${t.ref.group}/${t.ref.kind}`]) {
      const cur = earliest.get(need);
      if (!cur || compareTasks(t, cur) < 0) earliest.set(need, t);
    }
  }
  for (const t of tasks) {
    const key = provides(t);
    const first = key ? earliest.get(key) : undefined;
    if (first && (PHASE_ORDER[first.phase] - PHASE_ORDER[t.phase] || first.wave - t.wave) < 0) {
      t.phase = first.phase;
      t.wave = first.wave;
    }
  }
}

/** Sorted tasks grouped into steps of equal phase and wave. */
export function toSteps(tasks: SyncTask[]): SyncStep[] {
  const steps: SyncStep[] = [];
  for (const t of [...tasks].sort(compareTasks)) {
    const cur = steps[steps.length - 1];
    if (cur && cur.phase === t.phase && cur.wave === t.wave) cur.tasks.push(t);
    else steps.push({ phase: t.phase, wave: t.wave, tasks: [t] });
  }
  return steps;
}
