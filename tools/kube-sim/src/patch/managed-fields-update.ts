import { SchemaNode } from '../schema/schema-node';
import { KubeObject, ManagedFieldsEntry } from '../store/kube-object';
import { changedFields, compareObjects } from './managed-fields-compare';
import {
  capUpdateManagers,
  decodeManagedFields,
  decodeOrEmpty,
  encodeManagedFields,
  isResetRequest,
  managedFieldsTime,
  managerKey,
  ManagerMap,
  ownableFields,
  OwnershipScope,
  withoutEmpty,
} from './managed-fields-entries';
import { FieldPathError } from './managed-fields-path';
import { withGoZeroValues, zeroValue } from './managed-fields-schema';
import { JsonObject } from './managed-fields-value';

export interface TrackUpdateInput extends OwnershipScope {
  /** The stored object; undefined on create. */
  live: KubeObject | undefined;
  /** The object about to be stored (after defaulting), possibly carrying managedFields sent by the client. */
  updated: KubeObject;
  manager: string;
  operation?: 'Update';
  /** The apiVersion the request was made at, e.g. `apps/v1`. */
  apiVersion: string;
  schema: SchemaNode | undefined;
  now: string;
}

/**
 * The managedFields to store after a create, update or non-apply patch: fields the request
 * added or changed become the manager's (and leave every other manager), removed fields leave
 * everyone. As in kube-apiserver, an existing object with no managedFields stays untracked
 * until the next apply, and a malformed object yields no managedFields rather than an error.
 */
export function trackUpdate(input: TrackUpdateInput): ManagedFieldsEntry[] {
  const managers = baselineManagers(input);
  const creating = !input.live || !input.live.metadata?.uid;
  if (managers.size === 0 && !creating) return [];
  try {
    return encodeManagedFields(capUpdateManagers(recordUpdate(managers, input)));
  } catch (e) {
    if (e instanceof FieldPathError) return [];
    throw e;
  }
}

/**
 * Ownership before the request: what the client sent if it sent a valid, non-empty list (that
 * is how clients rewrite managedFields), else what is stored. Subresources cannot rewrite it.
 */
function baselineManagers(input: TrackUpdateInput): ManagerMap {
  const stored = input.live?.metadata?.managedFields;
  if (input.subresource) return decodeOrEmpty(stored);
  const sent = input.updated.metadata?.managedFields;
  if (isResetRequest(sent)) return new Map();
  try {
    const decoded = decodeManagedFields(sent);
    if (decoded.size > 0) return decoded;
  } catch {
    // An undecodable list from the client is ignored in favour of the stored one.
  }
  return decodeOrEmpty(stored);
}

/** Applies one Update by `input.manager` to the ownership in `managers`. */
export function recordUpdate(managers: ManagerMap, input: Omit<TrackUpdateInput, 'operation'>): ManagerMap {
  const before = input.live ? withGoZeroValues(withoutManagedFields(input.live), input.schema) : zeroValue(input.schema);
  const after = withGoZeroValues(withoutManagedFields(input.updated), input.schema);
  const comparison = compareObjects(before, after, input.schema);
  const changed = ownableFields(changedFields(comparison), input);
  const removed = ownableFields(comparison.removed, input);
  const out: ManagerMap = new Map();
  for (const [key, m] of managers) out.set(key, { ...m, fields: m.fields.difference(changed).difference(removed) });
  if (!changed.isEmpty()) {
    const self = { manager: input.manager, operation: 'Update' as const, apiVersion: input.apiVersion, subresource: input.subresource };
    const key = managerKey(self);
    const previous = out.get(key)?.fields;
    out.set(key, { ...self, fields: previous ? previous.union(changed) : changed, time: managedFieldsTime(input.now) });
  }
  return withoutEmpty(out);
}

/** A shallow copy without metadata.managedFields, which is bookkeeping, not content. */
export function withoutManagedFields(obj: KubeObject): JsonObject {
  if (!obj.metadata || !('managedFields' in obj.metadata)) return obj;
  const metadata = { ...obj.metadata };
  delete metadata.managedFields;
  return { ...obj, metadata };
}
