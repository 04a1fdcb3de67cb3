// spec.ignoreDifferences: fields left out of the comparison on both sides.
// https://argo-cd.readthedocs.io/en/stable/user-guide/diffing/
import type { KubeObject, ResourceIgnoreDifferences, ResourceRef } from '@flotilla/api-types';
import { isRecord, type JsonRecord } from '../object/json-value';
import { deleteJqSelection } from './jq-selection';
import type { JqEvaluator } from './jq-evaluator';
import { managedFieldSets, removeManagedFields } from './managed-fields';

const matchesField = (rule: string | undefined, value: string): boolean => rule === undefined || rule === '*' || rule === value;

/** Whether a rule applies to a resource (group and kind may be `*`, name/namespace optional). */
export const ruleApplies = (rule: ResourceIgnoreDifferences, ref: ResourceRef): boolean =>
  matchesField(rule.group ?? '', ref.group) &&
  matchesField(rule.kind, ref.kind) &&
  matchesField(rule.name || undefined, ref.name) &&
  matchesField(rule.namespace || undefined, ref.namespace);

const unescapePointer = (s: string): string => s.replace(/~1/g, '/').replace(/~0/g, '~');

/** Deletes the value at an RFC 6901 pointer, in place; a missing path is not an error. */
export function deletePointer(target: unknown, pointer: string): void {
  const parts = pointer.split('/').slice(1).map(unescapePointer);
  let cur: unknown = target;
  for (const [i, part] of parts.entries()) {
    const last = i === parts.length - 1;
    if (Array.isArray(cur)) {
      const idx = Number(part);
      if (!Number.isInteger(idx)) return;
      if (last) cur.splice(idx, 1);
      cur = cur[idx];
    } else if (typeof cur === 'object' && cur !== null) {
      const rec = cur as JsonRecord;
      if (last) delete rec[part];
      cur = rec[part];
    } else {
      return;
    }
  }
}

export interface IgnoreResult {
  /** Problems with rules, e.g. a jq expression jq rejects: to surface as a condition. */
  warnings: string[];
}

/** The documents a comparison normalises, in place. */
export interface IgnoreTargets {
  /** Live without server-owned fields. */
  live: JsonRecord;
  desired: JsonRecord;
  lastApplied?: JsonRecord;
}

/** Argo's removeEmptyObjects: maps left empty, and lists left empty of maps, go after a rule applied. */
export function removeEmptyObjects(obj: JsonRecord): void {
  for (const [key, value] of Object.entries(obj)) {
    if (isRecord(value)) {
      removeEmptyObjects(value);
      if (Object.keys(value).length === 0) delete obj[key];
    } else if (Array.isArray(value)) {
      const kept = value.filter((item) => {
        if (!isRecord(item)) return true;
        removeEmptyObjects(item);
        return Object.keys(item).length > 0;
      });
      if (kept.length === 0) delete obj[key];
      else if (kept.length !== value.length) obj[key] = kept;
    }
  }
}

/**
 * Removes ignored fields in place, in Argo's order: fields owned by managedFieldsManagers (read from
 * the raw live object), then each rule's jsonPointers and jqPathExpressions (run by `jq`).
 */
export function applyIgnoreDifferences(
  rules: ResourceIgnoreDifferences[],
  ref: ResourceRef,
  rawLive: KubeObject | undefined,
  targets: IgnoreTargets,
  jq?: JqEvaluator,
): IgnoreResult {
  const applicable = rules.filter((r) => ruleApplies(r, ref));
  const docs = [targets.live, targets.desired, ...(targets.lastApplied ? [targets.lastApplied] : [])];
  const managers = applicable.flatMap((r) => r.managedFieldsManagers ?? []);
  if (managers.length > 0) removeManagedFields(managedFieldSets(rawLive, managers), targets.live, targets.desired, docs);
  const warnings = new Set<string>();
  let patched = false;
  for (const rule of applicable) {
    for (const pointer of rule.jsonPointers ?? []) {
      patched = true;
      for (const doc of docs) deletePointer(doc, pointer);
    }
    for (const expr of rule.jqPathExpressions ?? []) {
      patched = true;
      for (const doc of docs) {
        const warning = deleteJqSelection(doc, expr, jq);
        if (warning) warnings.add(warning);
      }
    }
  }
  if (patched) docs.forEach(removeEmptyObjects);
  return { warnings: [...warnings] };
}
