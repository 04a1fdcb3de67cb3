// Fields owned by given field managers (metadata.managedFields, fieldsV1), for ignoreDifferences.managedFieldsManagers.
// fieldsV1 keys: `f:<name>` a field, `k:<json>` a list item by key fields, `v:<json>` a set value, `.` the node itself.
import type { KubeObject } from '@flotilla/api-types';
import { asRecords, isRecord, type JsonRecord } from '../object/json-value';

function itemMatches(item: unknown, keyJson: string): boolean {
  try {
    const key: unknown = JSON.parse(keyJson);
    return isRecord(item) && isRecord(key) && Object.entries(key).every(([k, v]) => JSON.stringify(item[k]) === JSON.stringify(v));
  } catch {
    return false;
  }
}

/** Owned leaves are deleted; nodes with children are walked so unowned siblings stay. */
function removeOwned(target: unknown, fields: JsonRecord): void {
  for (const [fkey, sub] of Object.entries(fields)) {
    const leaf = !isRecord(sub) || Object.keys(sub).filter((k) => k !== '.').length === 0;
    if (fkey.startsWith('f:') && isRecord(target)) {
      const name = fkey.slice(2);
      if (leaf) delete target[name];
      else removeOwned(target[name], sub);
    } else if ((fkey.startsWith('k:') || fkey.startsWith('v:')) && Array.isArray(target)) {
      const json = fkey.slice(2);
      const match = fkey.startsWith('k:') ? (i: unknown) => itemMatches(i, json) : (i: unknown) => JSON.stringify(i) === json;
      const idx = target.findIndex(match);
      if (idx < 0) continue;
      if (leaf) target.splice(idx, 1);
      else removeOwned(target[idx], sub);
    }
  }
}

/** The fieldsV1 trees of the given managers, read from live. */
export function managedFieldSets(live: KubeObject | undefined, managers: string[]): JsonRecord[] {
  return asRecords(live?.metadata?.managedFields)
    .filter((e) => typeof e.manager === 'string' && managers.includes(e.manager))
    .map((e) => e.fieldsV1)
    .filter(isRecord);
}

/** Deletes, in place, the fields these managers own. */
export function removeManagedFields(target: JsonRecord, fieldSets: JsonRecord[]): void {
  for (const fs of fieldSets) removeOwned(target, fs);
}
