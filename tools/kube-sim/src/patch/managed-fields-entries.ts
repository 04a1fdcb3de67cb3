import { ManagedFieldsEntry } from '../store/kube-object';
import { fieldToken } from './managed-fields-path';
import { FieldSet } from './managed-fields-set';
import { compareStrings, isPlainObject } from './managed-fields-value';

/** One manager's ownership, decoded from a managedFields entry. */
export interface ManagerFields {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  subresource?: string;
  time?: string;
  fields: FieldSet;
}

/** Managers keyed by managerKey(), which is how kube-apiserver tells entries apart. */
export type ManagerMap = Map<string, ManagerFields>;

/** kube-apiserver folds the oldest Update entries into this one past ten of them. */
export const ANCIENT_CHANGES_MANAGER = 'ancient-changes';
export const MAX_UPDATE_MANAGERS = 10;

/**
 * The entry's identity, the JSON kube-apiserver keys managers by: time and fields left out,
 * and apiVersion too for appliers, so re-applying at another version keeps one entry.
 */
export function managerKey(m: Pick<ManagerFields, 'manager' | 'operation' | 'apiVersion' | 'subresource'>): string {
  return JSON.stringify({
    manager: m.manager,
    operation: m.operation,
    ...(m.operation === 'Update' && m.apiVersion ? { apiVersion: m.apiVersion } : {}),
    ...(m.subresource ? { subresource: m.subresource } : {}),
  });
}

/** `managedFields: [{}]` in a request asks to drop all tracking. */
export function isResetRequest(entries: unknown): boolean {
  return Array.isArray(entries) && entries.length === 1 && isPlainObject(entries[0]) && Object.keys(entries[0]).length === 0;
}

/** Decodes metadata.managedFields; throws on an entry kube-apiserver could not decode. */
export function decodeManagedFields(entries: unknown): ManagerMap {
  const out: ManagerMap = new Map();
  if (entries === undefined || entries === null) return out;
  if (!Array.isArray(entries)) throw new Error('managedFields must be a list');
  for (const e of entries as Array<Partial<ManagedFieldsEntry>>) {
    if (!isPlainObject(e)) throw new Error('managedFields entries must be objects');
    if (e.operation !== 'Apply' && e.operation !== 'Update') throw new Error(`invalid operation ${JSON.stringify(e.operation)}`);
    if (e.fieldsType !== 'FieldsV1') throw new Error(`invalid fieldsType ${JSON.stringify(e.fieldsType)}`);
    const m: ManagerFields = {
      manager: String(e.manager ?? ''),
      operation: e.operation,
      apiVersion: String(e.apiVersion ?? ''),
      ...(e.subresource ? { subresource: e.subresource } : {}),
      ...(e.time ? { time: e.time } : {}),
      fields: FieldSet.fromFieldsV1(e.fieldsV1 ?? {}),
    };
    const key = managerKey(m);
    if (out.has(key)) throw new Error(`duplicate entries for manager ${key}`);
    out.set(key, m);
  }
  return out;
}

/** Decodes, treating an undecodable list as empty, as kube-apiserver does for live objects. */
export function decodeOrEmpty(entries: unknown): ManagerMap {
  try {
    return decodeManagedFields(entries);
  } catch {
    return new Map();
  }
}

/** Encodes managers as kube-apiserver orders them: Apply first, then oldest first, then by name. */
export function encodeManagedFields(managers: ManagerMap): ManagedFieldsEntry[] {
  return [...managers.values()]
    .filter((m) => !m.fields.isEmpty())
    .sort(compareEntries)
    .map((m) => ({
      manager: m.manager,
      operation: m.operation,
      apiVersion: m.apiVersion,
      ...(m.time ? { time: m.time } : {}),
      fieldsType: 'FieldsV1' as const,
      fieldsV1: m.fields.toFieldsV1(),
      ...(m.subresource ? { subresource: m.subresource } : {}),
    }));
}

const seconds = (time: string | undefined) => {
  const ms = time ? Date.parse(time) : NaN;
  return Number.isNaN(ms) ? 0 : Math.floor(ms / 1000);
};

function compareEntries(p: ManagerFields, q: ManagerFields): number {
  return (
    compareStrings(p.operation, q.operation) ||
    seconds(p.time) - seconds(q.time) ||
    compareStrings(p.manager, q.manager) ||
    compareStrings(p.apiVersion, q.apiVersion) ||
    compareStrings(p.subresource ?? '', q.subresource ?? '')
  );
}

/** Drops managers left owning nothing. */
export function withoutEmpty(managers: ManagerMap): ManagerMap {
  return new Map([...managers].filter(([, m]) => !m.fields.isEmpty()));
}

/**
 * Keeps at most ten Update entries: the oldest are merged, per apiVersion, into an
 * `ancient-changes` entry that takes the time of the newest update folded into it.
 */
export function capUpdateManagers(managers: ManagerMap, max = MAX_UPDATE_MANAGERS): ManagerMap {
  const out: ManagerMap = new Map(managers);
  const updaters = [...out].filter(([, m]) => m.operation === 'Update');
  if (updaters.length <= max) return out;
  updaters.sort(([ka, a], [kb, b]) => seconds(a.time) - seconds(b.time) || compareStrings(ka, kb));
  const firstOfVersion = new Map<string, string>();
  let count = updaters.length;
  for (const [key, m] of updaters) {
    if (count <= max) break;
    const first = firstOfVersion.get(m.apiVersion);
    if (first === undefined) {
      firstOfVersion.set(m.apiVersion, key);
      continue;
    }
    const bucketKey = managerKey({ manager: ANCIENT_CHANGES_MANAGER, operation: 'Update', apiVersion: m.apiVersion });
    const bucket = out.get(bucketKey) ?? { ...out.get(first)!, manager: ANCIENT_CHANGES_MANAGER, subresource: undefined };
    if (!out.has(bucketKey)) out.delete(first);
    out.set(bucketKey, { ...bucket, fields: bucket.fields.union(m.fields), time: m.time });
    out.delete(key);
    count--;
  }
  return out;
}

/** Fields kube-apiserver never records as owned: identity, server-set metadata, apiVersion, kind. */
const UNTRACKED = FieldSet.of(
  [fieldToken('apiVersion')],
  [fieldToken('kind')],
  [fieldToken('metadata')],
  ...['name', 'namespace', 'creationTimestamp', 'selfLink', 'uid', 'clusterName', 'generation', 'managedFields', 'resourceVersion'].map(
    (f) => [fieldToken('metadata'), fieldToken(f)],
  ),
);
const MANAGED_FIELDS = FieldSet.of([fieldToken('metadata'), fieldToken('managedFields')]);

export function withoutUntrackedFields(set: FieldSet): FieldSet {
  return set.difference(UNTRACKED).recursiveDifference(MANAGED_FIELDS);
}

export interface OwnershipScope {
  subresource?: string;
  /** The kind serves a `status` subresource, so the main resource does not own status. */
  hasStatusSubresource?: boolean;
}

const STATUS = FieldSet.of([fieldToken('status')]);

/** The fields a request may own: status only through /status, never through the main resource. */
export function ownableFields(set: FieldSet, scope: OwnershipScope): FieldSet {
  const tracked = withoutUntrackedFields(set);
  if (scope.subresource === 'status') return tracked.intersection(STATUS).union(onlyUnderStatus(tracked));
  if (!scope.subresource && scope.hasStatusSubresource) return tracked.recursiveDifference(STATUS);
  return tracked;
}

function onlyUnderStatus(set: FieldSet): FieldSet {
  const out = new FieldSet();
  const below = set.children.get(fieldToken('status'));
  if (below) out.children.set(fieldToken('status'), below.clone());
  return out;
}

/** Seconds-precision RFC 3339, the way metav1.Time serialises. */
export function managedFieldsTime(now: string): string {
  const ms = Date.parse(now);
  return Number.isNaN(ms) ? now : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
