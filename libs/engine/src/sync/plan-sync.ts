// Turns desired and live objects into an ordered sync plan (gitops-engine sync_context.go getSyncTasks).
import type { KubeObject, ResourceIgnoreDifferences, SyncOperationResource, SyncPhase } from '@flotilla/api-types';
import { ignoreDifferencesFor } from '../customizations/customizations-for-kind';
import type { ResourceCustomizations } from '../customizations/resource-customizations';
import { diffResource } from '../diff/diff-resource';
import type { JqEvaluator } from '../diff/jq-evaluator';
import { resourceKeyOf, resourceRefOf, type IsNamespaced } from '../resource/resource-key';
import { hookDeletePolicies, hookTypes, isHook, isSkipped } from './hook';
import { keepIgnoredLiveValues } from './respect-ignore-differences';
import { selectResources } from './select-resources';
import { parseSyncOptions, resourceSyncOptions, type SyncOptions } from './sync-options';
import { crdDefinedKind, movePruneLast, pullDependenciesForward, reversePruneWaves, toSteps } from './sync-order';
import type { SkippedTask, SyncStep, SyncTask } from './sync-task';
import { syncWaveOf } from './sync-wave';

export interface PlanSyncInput {
  desired: KubeObject[];
  /** Live objects tracked by this app, as a list or by resource key. */
  live: KubeObject[] | ReadonlyMap<string, KubeObject>;
  appName: string;
  /** The destination namespace. */
  namespace?: string;
  isNamespaced?: IsNamespaced;
  options?: {
    prune?: boolean;
    /** The Application's syncPolicy.syncOptions followed by the operation's. */
    syncOptions?: string[];
    /** Partial sync: only these resources, and no hooks (as Argo). */
    resources?: SyncOperationResource[];
    ignoreDifferences?: ResourceIgnoreDifferences[];
    /** argocd-cm resource customizations, whose ignoreDifferences join the app's. */
    customizations?: ResourceCustomizations;
    /** Whether the destination namespace already exists, for CreateNamespace=true. */
    namespaceExists?: boolean;
    /** Runs ignoreDifferences' jqPathExpressions when deciding what is in sync already. */
    jq?: JqEvaluator;
    /** Whether the cluster serves a kind (discovery); without it every kind counts as served. */
    isServed?: (apiVersion: string, kind: string) => boolean;
  };
}

/** A task that cannot run: its kind is not served and nothing in the sync will make it so. */
export interface InvalidTask {
  task: SyncTask;
  message: string;
}

export interface SyncPlan {
  /** Steps of the PreSync, Sync and PostSync phases, in order. */
  steps: SyncStep[];
  /** SyncFail hooks, run only when the sync fails. */
  syncFailSteps: SyncStep[];
  /** Resources left alone: prunes not allowed, Skip hooks. */
  skipped: SkippedTask[];
  /** Argo's "one or more synchronization tasks are not valid": the sync must not start. */
  invalid: InvalidTask[];
  options: SyncOptions;
}

type Ctx = { input: PlanSyncInput; appOptions: SyncOptions; keyOpts: { defaultNamespace?: string; isNamespaced?: IsNamespaced } };

function resourceTask(ctx: Ctx, desired: KubeObject, live: KubeObject | undefined): SyncTask {
  const options = resourceSyncOptions(ctx.appOptions, desired);
  const base = {
    key: resourceKeyOf(desired, ctx.keyOpts),
    ref: resourceRefOf(desired, ctx.keyOpts),
    phase: 'Sync' as const,
    wave: syncWaveOf(desired),
    desired,
    live,
    options,
  };
  if (!live) return { ...base, action: 'create' };
  const custom = ctx.input.options?.customizations;
  const ignoreDifferences = [...(ctx.input.options?.ignoreDifferences ?? []), ...(custom ? ignoreDifferencesFor(custom, base.ref.group, base.ref.kind) : [])];
  const { modified } = diffResource({ desired, live, ignoreDifferences, jq: ctx.input.options?.jq, ...ctx.keyOpts });
  const applied = options.respectIgnoreDifferences ? keepIgnoredLiveValues(ignoreDifferences, base.ref, desired, live, ctx.input.options?.jq) : desired;
  return { ...base, desired: applied, action: modified ? 'apply' : 'none' };
}

function hookTasks(ctx: Ctx, desired: KubeObject, live: KubeObject | undefined): SyncTask[] {
  const phases = hookTypes(desired).filter((t): t is SyncPhase => t !== 'Skip' && t !== 'PostDelete');
  return phases.map((phase) => ({
    key: resourceKeyOf(desired, ctx.keyOpts),
    ref: resourceRefOf(desired, ctx.keyOpts),
    phase,
    wave: syncWaveOf(desired),
    action: 'hook',
    desired,
    live,
    options: resourceSyncOptions(ctx.appOptions, desired),
    deletePolicies: hookDeletePolicies(desired),
  }));
}

function pruneTask(ctx: Ctx, key: string, live: KubeObject, skipped: SkippedTask[]): SyncTask | undefined {
  const options = resourceSyncOptions(ctx.appOptions, live);
  const ref = resourceRefOf(live, ctx.keyOpts);
  if (!ctx.input.options?.prune) skipped.push({ key, ref, live, result: 'PruneSkipped', message: 'ignored (requires pruning)' });
  else if (!options.prune) skipped.push({ key, ref, live, result: 'PruneSkipped', message: 'ignored (no prune)' });
  else return { key, ref, phase: 'Sync', wave: syncWaveOf(live), action: 'prune', live, options };
  return undefined;
}

function namespaceTask(ctx: Ctx): SyncTask | undefined {
  const ns = ctx.input.namespace;
  if (!ctx.appOptions.createNamespace || !ns) return undefined;
  const desired: KubeObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } };
  const key = resourceKeyOf(desired, ctx.keyOpts);
  if (ctx.input.desired.some((d) => resourceKeyOf(d, ctx.keyOpts) === key)) return undefined;
  const action = ctx.input.options?.namespaceExists ? 'none' : 'create';
  return { key, ref: resourceRefOf(desired, ctx.keyOpts), phase: 'PreSync', wave: 0, action, desired, options: ctx.appOptions };
}

function liveByKey(ctx: Ctx): Map<string, KubeObject> {
  const live = ctx.input.live;
  return Array.isArray(live) ? new Map(live.map((o) => [resourceKeyOf(o, ctx.keyOpts), o] as const)) : new Map(live);
}

/** The ordered plan for one sync operation. */
export function planSync(input: PlanSyncInput): SyncPlan {
  const appOptions = parseSyncOptions(input.options?.syncOptions ?? []);
  const ctx: Ctx = { input, appOptions, keyOpts: { defaultNamespace: input.namespace, isNamespaced: input.isNamespaced } };
  const live = liveByKey(ctx);
  const partial = (input.options?.resources?.length ?? 0) > 0;
  const tasks: SyncTask[] = [];
  const skipped: SkippedTask[] = [];
  const desiredKeys = new Set<string>();
  for (const d of input.desired) {
    const key = resourceKeyOf(d, ctx.keyOpts);
    desiredKeys.add(key);
    if (isSkipped(d)) skipped.push({ key, ref: resourceRefOf(d, ctx.keyOpts), desired: d, message: 'skipped by hook annotation' });
    else if (isHook(d)) tasks.push(...(partial ? [] : hookTasks(ctx, d, live.get(key))));
    else tasks.push(resourceTask(ctx, d, live.get(key)));
  }
  for (const [key, obj] of live) {
    if (desiredKeys.has(key) || isHook(obj)) continue; // old hook runs are cleaned by their delete policy, not pruned
    const t = pruneTask(ctx, key, obj, skipped);
    if (t) tasks.push(t);
  }
  const ns = namespaceTask(ctx);
  if (ns) tasks.push(ns);
  const selected = selectResources(tasks, input.options?.resources);
  return finishPlan(selected, selectResources(skipped, input.options?.resources), appOptions, invalidTasks(selected, input));
}

/**
 * Objects of a kind the cluster does not serve (gitops-engine's getSyncTasks): allowed when a CRD
 * in this sync defines the kind, or SkipDryRunOnMissingResource=true is set for the app or on the
 * object (its CRD is expected to appear before its wave, from an operator, say), and then left out
 * of a dry run; otherwise the sync is refused before anything is applied.
 */
function invalidTasks(tasks: readonly SyncTask[], input: PlanSyncInput): InvalidTask[] {
  const isServed = input.options?.isServed;
  if (!isServed) return [];
  const defined = new Set(input.desired.map(crdDefinedKind).filter((gk) => gk !== undefined));
  const invalid: InvalidTask[] = [];
  for (const task of tasks) {
    const obj = task.desired;
    if (task.action === 'prune' || !obj?.apiVersion || !obj.kind || isServed(obj.apiVersion, obj.kind)) continue;
    if (task.options.skipDryRunOnMissingResource || defined.has(`${task.ref.group}/${task.ref.kind}`)) {
      task.skipDryRun = true;
      continue;
    }
    const name = task.ref.namespace ? `${task.ref.namespace}/${task.ref.name}` : task.ref.name;
    invalid.push({
      task,
      message: `the cluster does not serve ${obj.apiVersion}/${obj.kind} (needed for ${name}): install its CRD, or set SkipDryRunOnMissingResource=true if something creates it before this wave`,
    });
  }
  return invalid;
}

function finishPlan(tasks: SyncTask[], skipped: SkippedTask[], options: SyncOptions, invalid: InvalidTask[]): SyncPlan {
  const kept = tasks.filter((t) => t.action !== 'none' || !t.options.applyOutOfSyncOnly);
  reversePruneWaves(kept);
  movePruneLast(kept);
  pullDependenciesForward(kept);
  const steps = toSteps(kept);
  return {
    steps: steps.filter((s) => s.phase !== 'SyncFail'),
    syncFailSteps: steps.filter((s) => s.phase === 'SyncFail'),
    skipped,
    invalid,
    options,
  };
}
