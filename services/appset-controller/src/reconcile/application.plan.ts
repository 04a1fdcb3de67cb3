// What one reconcile writes: which generated Applications to create or patch and which owned ones to
// delete, following Argo's createOrUpdateInCluster / createInCluster / deleteInCluster.
import {
  ARGO_API_VERSION,
  Application,
  ApplicationSet,
  NOTIFIED_ANNOTATION,
  OwnerReference,
  REFRESH_ANNOTATION,
  RESOURCES_FINALIZER,
} from '@flotilla/api-types';
import { createMergePatch, equalIgnoringEmpty, JsonObject } from '@flotilla/appset';
import { normalizeSpec } from './application-spec.normalize';
import { destinationProblem, KnownCluster } from './application.validation';
import { JqPaths, keepIgnoredFields } from './ignore-differences';

export type ApplicationsSyncPolicy = 'create-only' | 'create-update' | 'create-delete' | 'sync';
export const allowsUpdate = (p: ApplicationsSyncPolicy): boolean => p === 'sync' || p === 'create-update';
export const allowsDelete = (p: ApplicationsSyncPolicy): boolean => p === 'sync' || p === 'create-delete';
export const policyOf = (appSet: ApplicationSet): ApplicationsSyncPolicy => appSet.spec.syncPolicy?.applicationsSync ?? 'sync';

/** Annotations other actors write on generated Applications; regenerating must not drop them. */
const PRESERVED_ANNOTATIONS = [NOTIFIED_ANNOTATION, REFRESH_ANNOTATION, 'argocd.argoproj.io/hydrate'];
/** Finalizers the app-controller adds while running deletion hooks (matched by prefix). */
const PRESERVED_FINALIZER_PREFIXES = ['pre-delete-finalizer.argocd.argoproj.io', 'post-delete-finalizer.argocd.argoproj.io'];

export type ApplicationWrite =
  | { action: 'create'; name: string; object: Application }
  | { action: 'update'; name: string; patch: JsonObject }
  | { action: 'error'; name: string; message: string };

export interface ApplicationDelete {
  name: string;
  /** Drop the resources finalizer first: its destination is gone, so the cascade could never finish. */
  finalizers?: string[];
}

export type AppSetWithPreserved = ApplicationSet & { spec: { preservedFields?: { annotations?: string[]; labels?: string[] } } };

export const isOwnedBy = (app: Application, appSet: ApplicationSet): boolean =>
  (app.metadata.ownerReferences ?? []).some(
    (r) =>
      r.controller === true && r.kind === 'ApplicationSet' && groupOf(r.apiVersion) === 'argoproj.io' && r.name === appSet.metadata.name,
  );

/** Creates and patches for the valid generated Applications, sorted by name; no-ops are left out. */
export function planWrites(
  appSet: AppSetWithPreserved,
  valid: readonly Application[],
  live: ReadonlyMap<string, Application>,
  /** jq for ignoreApplicationDifferences.jqPathExpressions, asked for only when one is set. */
  jq?: () => JqPaths,
): ApplicationWrite[] {
  const update = allowsUpdate(policyOf(appSet));
  const writes: ApplicationWrite[] = [];
  for (const desired of [...valid].sort((a, b) => cmp(a.metadata.name, b.metadata.name))) {
    const found = live.get(desired.metadata.name);
    // Without update permission only Applications the ApplicationSet does not have yet are written.
    if (found && !update && isOwnedBy(found, appSet)) continue;
    const write = found ? planUpdate(appSet, desired, found, jq) : planCreate(appSet, desired);
    if (write) writes.push(write);
  }
  return writes;
}

/** Owned Applications no longer generated (invalid ones still count as generated, so they stay). */
export function planDeletes(
  appSet: ApplicationSet,
  generatedNames: ReadonlySet<string>,
  owned: readonly Application[],
  clusters: readonly KnownCluster[],
): ApplicationDelete[] {
  return owned
    .filter((app) => !generatedNames.has(app.metadata.name))
    .sort((a, b) => cmp(a.metadata.name, b.metadata.name))
    .map((app) => {
      const finalizers = app.metadata.finalizers ?? [];
      if (!finalizers.includes(RESOURCES_FINALIZER) || !destinationProblem(app, clusters)) return { name: app.metadata.name };
      return { name: app.metadata.name, finalizers: finalizers.filter((f) => f !== RESOURCES_FINALIZER) };
    });
}

function planCreate(appSet: ApplicationSet, desired: Application): ApplicationWrite {
  const object: Application = {
    apiVersion: ARGO_API_VERSION,
    kind: 'Application',
    metadata: {
      ...managedMetadata(desired),
      name: desired.metadata.name,
      namespace: appSet.metadata.namespace,
      ownerReferences: [controllerRef(appSet)],
    },
    spec: normalizeSpec(desired.spec),
  };
  if (desired.operation) object.operation = desired.operation;
  return { action: 'create', name: desired.metadata.name, object };
}

function planUpdate(
  appSet: AppSetWithPreserved,
  desired: Application,
  found: Application,
  jq?: () => JqPaths,
): ApplicationWrite | undefined {
  const owners = found.metadata.ownerReferences ?? [];
  const other = owners.find((r) => r.controller === true && !sameOwner(r, appSet));
  if (other) {
    return {
      action: 'error',
      name: desired.metadata.name,
      message: `Object ${found.metadata.namespace ?? ''}/${found.metadata.name} is already owned by another ${other.kind} controller ${other.name}`,
    };
  }
  const liveView = { metadata: managedMetadata(found, owners), spec: normalizeSpec(found.spec), operation: found.operation };
  const generatedView = {
    metadata: {
      ...mergedMetadata(appSet, desired, found),
      ownerReferences: [...owners.filter((r) => !sameOwner(r, appSet)), controllerRef(appSet)],
    },
    spec: normalizeSpec(desired.spec),
    operation: desired.operation ?? found.operation,
  };
  let wanted: JsonObject;
  try {
    wanted = keepIgnoredFields(appSet, desired.metadata.name, generatedView, liveView, jq);
  } catch (err) {
    return { action: 'error', name: desired.metadata.name, message: (err as Error).message };
  }
  if (equalIgnoringEmpty(liveView, wanted)) return undefined;
  return { action: 'update', name: desired.metadata.name, patch: createMergePatch(liveView, wanted) };
}

/** Labels, annotations and finalizers from the template, keeping what other actors own on the live object. */
function mergedMetadata(appSet: AppSetWithPreserved, desired: Application, found: Application) {
  const annotations = { ...(desired.metadata.annotations ?? {}) };
  for (const key of [...(appSet.spec.preservedFields?.annotations ?? []), ...PRESERVED_ANNOTATIONS]) {
    const value = found.metadata.annotations?.[key];
    if (value !== undefined) annotations[key] = value;
  }
  const labels = { ...(desired.metadata.labels ?? {}) };
  for (const key of appSet.spec.preservedFields?.labels ?? []) {
    const value = found.metadata.labels?.[key];
    if (value !== undefined) labels[key] = value;
  }
  const finalizers = [...(desired.metadata.finalizers ?? [])];
  for (const f of found.metadata.finalizers ?? []) {
    if (PRESERVED_FINALIZER_PREFIXES.some((p) => f.startsWith(p)) && !finalizers.includes(f)) finalizers.push(f);
  }
  return { labels, annotations, finalizers };
}

function managedMetadata(app: Application, ownerReferences?: OwnerReference[]) {
  const { labels, annotations, finalizers } = app.metadata;
  return ownerReferences ? { labels, annotations, finalizers, ownerReferences } : { labels, annotations, finalizers };
}

export function controllerRef(appSet: ApplicationSet): OwnerReference {
  return {
    apiVersion: ARGO_API_VERSION,
    kind: 'ApplicationSet',
    name: appSet.metadata.name,
    uid: appSet.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

const sameOwner = (r: OwnerReference, appSet: ApplicationSet): boolean =>
  r.kind === 'ApplicationSet' && groupOf(r.apiVersion) === 'argoproj.io' && r.name === appSet.metadata.name;
const groupOf = (apiVersion: string): string => (apiVersion.includes('/') ? apiVersion.split('/')[0] : '');
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
