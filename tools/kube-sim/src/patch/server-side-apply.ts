import { errors, StatusError } from '../api/status-error';
import { SchemaNode } from '../schema/schema-node';
import { KubeObject, ManagedFieldsEntry } from '../store/kube-object';
import { fieldSetOf } from './managed-fields-collect';
import { changedFields, compareObjects } from './managed-fields-compare';
import {
  capUpdateManagers,
  decodeOrEmpty,
  encodeManagedFields,
  managedFieldsTime,
  managerKey,
  ManagerFields,
  ManagerMap,
  ownableFields,
  OwnershipScope,
  withoutEmpty,
} from './managed-fields-entries';
import { FieldPathError, pathToString } from './managed-fields-path';
import { withGoZeroValues } from './managed-fields-schema';
import { FieldSet } from './managed-fields-set';
import { recordUpdate, withoutManagedFields } from './managed-fields-update';
import { ApplyConflict, collectConflicts } from './server-side-apply-conflict';
import { fieldsAllowedByLastApplied, KUBECTL_APPLY_MANAGER, syncLastApplied } from './server-side-apply-last-applied';
import { mergeApplied, pruneApplied } from './server-side-apply-merge';
import { deepEqual, JsonObject } from './managed-fields-value';

export { applyConflictError, conflictMessage, describeManager } from './server-side-apply-conflict';
export type { ApplyConflict } from './server-side-apply-conflict';

export interface ServerSideApplyInput extends OwnershipScope {
  /** The stored object; undefined when the apply creates it. */
  live: KubeObject | undefined;
  /** The configuration as sent (apply-patch+yaml, decoded), not defaulted. */
  applied: KubeObject;
  manager: string;
  force: boolean;
  schema: SchemaNode | undefined;
  now: string;
  /** The apiVersion the request was made at; defaults to the configuration's. */
  apiVersion?: string;
  /** Whether schema errors name the object, as they do after 1.20 (see kube-versions.ts); default true. */
  objectInErrors?: boolean;
}

export interface ServerSideApplied {
  /** The merged object, its metadata.managedFields set to `managedFields`. */
  object: KubeObject;
  managedFields: ManagedFieldsEntry[];
  /** False when the apply left the object's content as it was (ownership may still change). */
  changed: boolean;
}

export interface ServerSideApplyConflicts {
  conflicts: ApplyConflict[];
}

export type ServerSideApplyResult = ServerSideApplied | ServerSideApplyConflicts;

/** Manager kube-apiserver credits with an object's fields at its first apply, if untracked before. */
export const BEFORE_FIRST_APPLY_MANAGER = 'before-first-apply';

/** Server-side apply as kube-apiserver does it. Throws a StatusError on a malformed configuration. */
export function serverSideApply(input: ServerSideApplyInput): ServerSideApplyResult {
  if (input.applied.metadata?.managedFields != null) throw errors.badRequest('metadata.managedFields must be nil');
  const apiVersion = input.apiVersion ?? input.applied.apiVersion ?? '';
  const applied = scopedConfiguration(input.applied, input);
  const live = input.live ? withoutManagedFields(input.live) : undefined;
  const guard = <T>(what: 'patch' | 'live', fn: () => T) => typed(fn, what, input.objectInErrors === false ? undefined : input.applied, apiVersion);
  const appliedSet = ownableFields(guard('patch', () => fieldSetOf(applied, input.schema)), input);
  const self = { manager: input.manager, operation: 'Apply' as const, apiVersion, subresource: input.subresource };
  const selfKey = managerKey(self);
  const managers = guard('live', () => liveManagers(input, live, apiVersion));
  const previous = managers.get(selfKey);
  const owners = new Map(managers).set(selfKey, { ...self, fields: appliedSet });
  const next = guard('live', () => mergedObject(live, applied, previous?.fields, owners, input.schema));
  const comparison = guard('live', () => compareLikeGo(live ?? {}, next, input.schema));
  const changed = ownableFields(changedFields(comparison), input);
  const conflicts = collectConflicts(managers, changed, selfKey);
  // Unforced, any change to another manager's field refuses the apply; forced, the field changes hands.
  if (conflicts.length > 0 && !input.force && !conflictsAllowed(input, live, apiVersion, conflicts)) return { conflicts };
  const removed = ownableFields(comparison.removed, input);
  const result: ManagerMap = new Map();
  for (const [key, m] of managers) result.set(key, { ...m, fields: m.fields.difference(changed).difference(removed) });
  const contentChanged = !live || !deepEqual(live, next);
  result.set(selfKey, { ...self, fields: appliedSet, time: applierTime(previous, appliedSet, contentChanged, input.now) });
  const managedFields = encodeManagedFields(capUpdateManagers(withoutEmpty(result)));
  const object = finishObject(next, input, managedFields);
  return { object, managedFields, changed: !live || !deepEqual(live, withoutManagedFields(object)) };
}

export function isApplyConflict(r: ServerSideApplyResult): r is ServerSideApplyConflicts {
  return 'conflicts' in r;
}

/** Main-resource applies leave status alone when /status serves it; /status applies touch only status. */
function scopedConfiguration(applied: KubeObject, scope: OwnershipScope): JsonObject {
  const config: JsonObject = { ...applied };
  if (scope.subresource === 'status') {
    const { apiVersion, kind, metadata, status } = applied;
    return { apiVersion, kind, metadata: { name: metadata?.name, namespace: metadata?.namespace }, ...(status === undefined ? {} : { status }) };
  }
  if (!scope.subresource && scope.hasStatusSubresource) delete config.status;
  return config;
}

/** Stored ownership; an object never tracked before first gets a `before-first-apply` owner of everything. */
function liveManagers(input: ServerSideApplyInput, live: JsonObject | undefined, apiVersion: string): ManagerMap {
  const managers = decodeOrEmpty(input.live?.metadata?.managedFields);
  if (!input.live || managers.size > 0) return managers;
  const firstOwner = { ...input, live: undefined, updated: live as KubeObject, manager: BEFORE_FIRST_APPLY_MANAGER, apiVersion };
  return recordUpdate(managers, firstOwner);
}

function mergedObject(
  live: JsonObject | undefined,
  applied: JsonObject,
  previous: FieldSet | undefined,
  owners: ManagerMap,
  schema: SchemaNode | undefined,
): JsonObject {
  const merged = mergeApplied(live ?? {}, applied, schema) as JsonObject;
  if (!previous || previous.isEmpty()) return merged;
  return pruneApplied(merged, previous, [...owners.values()].map((m) => m.fields), schema);
}

/** Compares as kube-apiserver does, on the objects as its Go types hold them. */
function compareLikeGo(before: JsonObject, after: JsonObject, schema: SchemaNode | undefined) {
  return compareObjects(withGoZeroValues(before, schema), withGoZeroValues(after, schema), schema);
}

/** kubectl's server-side apply may take over fields its client-side apply set, if they are unchanged since. */
function conflictsAllowed(input: ServerSideApplyInput, live: JsonObject | undefined, apiVersion: string, conflicts: ApplyConflict[]): boolean {
  if (input.manager !== KUBECTL_APPLY_MANAGER || !live) return false;
  const allowed = fieldsAllowedByLastApplied(live, apiVersion, input.schema);
  if (!allowed) return false;
  const allowedPaths = new Set(allowed.paths().map(pathToString));
  return conflicts.every((c) => allowedPaths.has(c.field));
}

/** The applier's timestamp moves when the apply changed the object or what it owns. */
function applierTime(previous: ManagerFields | undefined, fields: FieldSet, changed: boolean, now: string): string {
  if (previous?.time && !changed && previous.fields.equals(fields)) return previous.time;
  return managedFieldsTime(now);
}

const SERVER_SET_METADATA = ['name', 'namespace', 'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'selfLink'];

/** Keeps the live object's server-set identity and attaches the new managedFields. */
function finishObject(next: JsonObject, input: ServerSideApplyInput, managedFields: ManagedFieldsEntry[]): KubeObject {
  const object = structuredClone(next) as KubeObject;
  const liveMeta: Record<string, unknown> = input.live?.metadata ?? {};
  const identity = Object.fromEntries(SERVER_SET_METADATA.filter((k) => liveMeta[k] !== undefined).map((k) => [k, liveMeta[k]]));
  object.metadata = { ...(object.metadata ?? {}), ...identity };
  if (managedFields.length > 0) object.metadata.managedFields = managedFields;
  else delete object.metadata.managedFields;
  if (input.manager === KUBECTL_APPLY_MANAGER) syncLastApplied(object, input.applied);
  return object;
}

/** Maps schema-walk failures to the error kube-apiserver reports for them. */
function typed<T>(fn: () => T, what: 'patch' | 'live', applied: KubeObject | undefined, apiVersion: string): T {
  try {
    return fn();
  } catch (e) {
    if (!(e instanceof FieldPathError)) throw e;
    const meta = applied?.metadata ?? {};
    const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
    const subject = applied ? ` (${meta.namespace ?? ''}/${meta.name ?? ''}; ${group}/${version}, Kind=${applied.kind ?? ''})` : '';
    // kube-apiserver returns these as plain errors: a 500 with no reason.
    throw new StatusError(500, '', `failed to create typed ${what} object${subject}: ${e.message}`);
  }
}
