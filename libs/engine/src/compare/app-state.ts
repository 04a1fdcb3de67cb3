// Compares an Application's desired manifests with its live objects (Argo's controller/state.go CompareAppState).
import {
  ConditionType,
  versionOf,
  type ApplicationCondition,
  type HealthStatus,
  type KubeObject,
  type ResourceIgnoreDifferences,
  type ResourceStatus,
} from '@flotilla/api-types';
import { ignoreDifferencesFor } from '../customizations/customizations-for-kind';
import type { ResourceCustomizations } from '../customizations/resource-customizations';
import { diffResource, type DiffResult } from '../diff/diff-resource';
import type { JqEvaluator } from '../diff/jq-evaluator';
import { aggregateHealth } from '../health/aggregate-health';
import { assessResourceHealth } from '../health/health.registry';
import { resourceKeyOf, type IsNamespaced } from '../resource/resource-key';
import { isHook, isSkipped } from '../sync/hook';
import { syncWaveOf } from '../sync/sync-wave';
import { externalURLsOf, imagesOf } from './app-summary';
import { ignoresExtraneous } from './compare-options';

export interface CompareInput {
  /** The app name as written in tracking ids. */
  appName: string;
  desired: KubeObject[];
  /** Live objects carrying this app's tracking id. */
  live: KubeObject[];
  /** The destination namespace, given to namespaced desired objects that name none. */
  namespace?: string;
  ignoreDifferences?: ResourceIgnoreDifferences[];
  isNamespaced?: IsNamespaced;
  /** Runs ignoreDifferences' jqPathExpressions. */
  jq?: JqEvaluator;
  /** argocd-cm resource customizations: Lua health checks, and ignoreDifferences for every app. */
  customizations?: ResourceCustomizations;
  /** The clock Lua health checks read through os.time(), in milliseconds since the epoch. */
  now?: () => number;
  /** Server-side diff: dry-run server-side apply results by resource key (see DiffInput.serverPredicted). */
  serverPredicted?: ReadonlyMap<string, KubeObject>;
}

/** One managed resource: what Git wants, what runs, and how they differ. */
export interface ManagedResource {
  key: string;
  desired?: KubeObject;
  live?: KubeObject;
  diff?: DiffResult;
  status: ResourceStatus;
  /** Why the resource's custom health check failed, if it did. */
  healthError?: string;
}

export interface CompareResult {
  resources: ResourceStatus[];
  syncStatus: 'Synced' | 'OutOfSync';
  health: HealthStatus;
  /** Diffs of resources present on both sides, by resource key. */
  diffs: Record<string, DiffResult>;
  /** Every resource with its objects, in the order of `resources`; the input to sync planning. */
  managed: ManagedResource[];
  summary: { images: string[]; externalURLs: string[] };
  conditions: ApplicationCondition[];
}

function indexDesired(input: CompareInput, conditions: ApplicationCondition[]): Map<string, KubeObject> {
  const byKey = new Map<string, KubeObject>();
  const counts = new Map<string, number>();
  for (const obj of input.desired) {
    const key = resourceKeyOf(obj, { defaultNamespace: input.namespace, isNamespaced: input.isNamespaced });
    counts.set(key, (counts.get(key) ?? 0) + 1);
    byKey.set(key, obj); // the last one wins, as when kubectl applies them in order
  }
  for (const [key, n] of counts) {
    if (n > 1)
      conditions.push({
        type: ConditionType.RepeatedResourceWarning,
        message: `Resource ${key} appeared ${n} times among application resources.`,
      });
  }
  return byKey;
}

function statusOf(key: string, desired: KubeObject | undefined, live: KubeObject | undefined): ResourceStatus {
  const obj = (desired ?? live) as KubeObject;
  const [group, kind, namespace, ...name] = key.split('/');
  return {
    ...(group ? { group } : {}),
    version: versionOf(obj.apiVersion),
    kind,
    ...(namespace ? { namespace } : {}),
    name: name.join('/'),
    syncWave: syncWaveOf(obj),
  };
}

function compareOne(
  key: string,
  desired: KubeObject | undefined,
  live: KubeObject | undefined,
  input: CompareInput,
  warnings: Set<string>,
): ManagedResource {
  const status = statusOf(key, desired, live);
  const hook = (desired && isHook(desired)) || (live && isHook(live)) || false;
  if (hook) status.hook = true;
  let diff: DiffResult | undefined;
  if (desired && live && !hook) {
    // System-level rules from argocd-cm are merged with the app's own, as Argo's IgnoreDiffConfig does.
    const system = input.customizations ? ignoreDifferencesFor(input.customizations, status.group ?? '', status.kind) : [];
    diff = diffResource({
      desired,
      live,
      ignoreDifferences: system.length ? [...(input.ignoreDifferences ?? []), ...system] : input.ignoreDifferences,
      isNamespaced: input.isNamespaced,
      defaultNamespace: input.namespace,
      jq: input.jq,
      serverPredicted: input.serverPredicted?.get(key),
    });
    diff.warnings.forEach((w) => warnings.add(w));
  }
  // Hooks and skipped manifests carry no sync status, as in Argo.
  if (!hook && !(desired && isSkipped(desired))) status.status = diff?.modified === false ? 'Synced' : 'OutOfSync';
  if (!desired && live && !hook) status.requiresPruning = true;
  const assessed = live ? assessResourceHealth(live, { customizations: input.customizations, now: input.now }) : { health: { status: 'Missing' as const } };
  if (assessed.health) status.health = assessed.health;
  return { key, desired, live, diff, status, ...(assessed.error ? { healthError: assessed.error } : {}) };
}

/** Argo's ComparisonError for custom health checks that failed (controller/health.go setApplicationHealth). */
function healthErrorCondition(managed: ManagedResource[]): ApplicationCondition | undefined {
  const failed = managed.filter((m) => m.healthError && !m.status.hook && !(m.desired && isSkipped(m.desired)));
  if (!failed.length) return undefined;
  const { status, healthError } = failed[0];
  const first = `failed to get resource health for "${status.kind}" with name "${status.name}" in namespace "${status.namespace ?? ''}": ${healthError}`;
  const others = failed.length > 1 ? ` (and ${failed.length - 1} more resources whose health check failed)` : '';
  return { type: ConditionType.ComparisonError, message: `error setting app health: ${first}${others}` };
}

const cmp = (a = '', b = ''): number => (a < b ? -1 : a > b ? 1 : 0);
const byArgoOrder = (a: ResourceStatus, b: ResourceStatus): number =>
  cmp(a.group, b.group) || cmp(a.kind, b.kind) || cmp(a.namespace, b.namespace) || cmp(a.name, b.name);

/** Extraneous resources marked IgnoreExtraneous do not count against sync. */
const countsAsOutOfSync = (m: ManagedResource): boolean =>
  m.status.status === 'OutOfSync' && !(m.desired === undefined && ignoresExtraneous(m.live));

export function compareAppState(input: CompareInput): CompareResult {
  const conditions: ApplicationCondition[] = [];
  const desiredByKey = indexDesired(input, conditions);
  const liveByKey = new Map(
    input.live.map((o) => [resourceKeyOf(o, { defaultNamespace: input.namespace, isNamespaced: input.isNamespaced }), o] as const),
  );
  const warnings = new Set<string>();
  const keys = new Set([...desiredByKey.keys(), ...liveByKey.keys()]);
  const managed = [...keys].map((k) => compareOne(k, desiredByKey.get(k), liveByKey.get(k), input, warnings));
  managed.sort((a, b) => byArgoOrder(a.status, b.status));
  for (const w of warnings) conditions.push({ type: ConditionType.InvalidSpecError, message: w });
  const healthError = healthErrorCondition(managed);
  if (healthError) conditions.push(healthError);
  const diffs: Record<string, DiffResult> = {};
  for (const m of managed) if (m.diff) diffs[m.key] = m.diff;
  const healthInputs = managed.filter((m) => !(m.desired && isSkipped(m.desired))).map((m) => m.status);
  return {
    resources: managed.map((m) => m.status),
    syncStatus: managed.some(countsAsOutOfSync) ? 'OutOfSync' : 'Synced',
    health: aggregateHealth(healthInputs),
    diffs,
    managed,
    summary: { images: imagesOf(input.live), externalURLs: externalURLsOf(input.live) },
    conditions,
  };
}
