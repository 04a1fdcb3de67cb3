// spec.strategy.deletionOrder: Reverse, after Argo's: a deleting RollingSync ApplicationSet deletes its
// Applications step by step, last step first, and lets each step's Applications go completely before
// it deletes the next step's. A finalizer on the ApplicationSet holds it until then. Applications no
// step selects are not part of the order: they go with the ApplicationSet, by its ownerReferences.
// https://argo-cd.readthedocs.io/en/stable/operator-manual/applicationset/Progressive-Syncs/#deletion-strategies
import { type Application, type ApplicationSet, RESOURCES_FINALIZER } from '@flotilla/api-types';
import { rollingSyncEnabled, stepsOf } from './rolling-sync.plan';

/** The finalizer that holds a Reverse-deleting ApplicationSet until its Applications are gone (Argo's). */
export const REVERSE_DELETION_FINALIZER = RESOURCES_FINALIZER;

/** An Application still deleting after this is reported as stuck; the order keeps waiting for it (Argo: 2 minutes). */
export const STUCK_DELETION_MS = 2 * 60_000;

const isReverse = (order: unknown): boolean => typeof order === 'string' && order.toLowerCase() === 'reverse';

/** Whether the ApplicationSet's Applications are deleted in reverse step order: Reverse (any case) with a RollingSync that has steps. */
export const reverseDeletionEnabled = (appSet: ApplicationSet): boolean =>
  rollingSyncEnabled(appSet) && isReverse(appSet.spec.strategy?.deletionOrder);

/** Reverse asked for where it cannot apply: Argo then deletes all at once, and so does Flotilla, but says why. */
export function reverseDeletionIgnored(appSet: ApplicationSet): string | undefined {
  if (!isReverse(appSet.spec.strategy?.deletionOrder) || rollingSyncEnabled(appSet)) return undefined;
  return 'spec.strategy.deletionOrder: Reverse applies only to a RollingSync strategy with steps; Applications will be deleted all at once';
}

export const hasReverseDeletionFinalizer = (appSet: ApplicationSet): boolean =>
  (appSet.metadata.finalizers ?? []).includes(REVERSE_DELETION_FINALIZER);

/** The rollout steps (1-based) with the owned Applications in each, in deletion order: the last step first. Applications no step selects are left out. */
export function reverseDeletionOrder(appSet: ApplicationSet, owned: readonly Application[]): { step: number; names: string[] }[] {
  const steps = appSet.spec.strategy?.rollingSync?.steps ?? [];
  const { stepOf } = stepsOf(steps, owned);
  const order = steps.map((_, i) => ({ step: i + 1, names: [] as string[] }));
  // Each Application belongs to the first step that selects it, as RollingSync rolled it out.
  for (const [name, step] of stepOf) order[step].names.push(name);
  for (const s of order) s.names.sort();
  return order.reverse().filter((s) => s.names.length > 0);
}

export type ReverseDeletionStep =
  /** Every ordered Application is gone: the finalizer may go. */
  | { kind: 'done' }
  /** The rollout step being deleted: `toDelete` still to be asked to go, `deleting` already going; `stuck` says which take too long. */
  | { kind: 'deleting'; step: number; toDelete: string[]; deleting: string[]; stuck?: string };

/**
 * What to do in this reconcile: the last rollout step that still has Applications is deleted; the steps
 * before it wait until none of its Applications is left, however long their deletion takes.
 */
export function nextReverseDeletion(appSet: ApplicationSet, owned: readonly Application[], now: Date): ReverseDeletionStep {
  // The order holds only live Applications, so its first step is the one still going.
  const [current] = reverseDeletionOrder(appSet, owned);
  if (!current) return { kind: 'done' };
  const live = new Map(owned.map((a) => [a.metadata.name, a]));
  const apps = current.names.map((name) => live.get(name)).filter((a): a is Application => a !== undefined);
  const deleting = apps.filter((a) => a.metadata.deletionTimestamp);
  const slow = deleting
    .filter((a) => now.getTime() - Date.parse(a.metadata.deletionTimestamp ?? '') > STUCK_DELETION_MS)
    .map((a) => a.metadata.name);
  return {
    kind: 'deleting',
    step: current.step,
    toDelete: apps.filter((a) => !a.metadata.deletionTimestamp).map((a) => a.metadata.name),
    deleting: deleting.map((a) => a.metadata.name),
    stuck: slow.length
      ? `reverse deletion waits at step ${current.step}: Application(s) ${slow.join(', ')} still deleting after more than ${STUCK_DELETION_MS / 60_000} minutes`
      : undefined,
  };
}
