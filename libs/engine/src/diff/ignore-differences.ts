// spec.ignoreDifferences: fields left out of the comparison on both sides.
// https://argo-cd.readthedocs.io/en/stable/user-guide/diffing/
import type { KubeObject, ResourceIgnoreDifferences, ResourceRef } from '@flotilla/api-types';
import { type JsonRecord } from '../object/json-value';
import { deleteJqPath, parseJqPath } from './jq-path';
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
  /** Human-readable problems with rules, e.g. a jq expression outside the supported subset. */
  warnings: string[];
}

/** Removes ignored fields from each object in place; managed-field owners are read from live. */
export function applyIgnoreDifferences(
  rules: ResourceIgnoreDifferences[],
  ref: ResourceRef,
  live: KubeObject | undefined,
  targets: JsonRecord[],
): IgnoreResult {
  const warnings: string[] = [];
  for (const rule of rules.filter((r) => ruleApplies(r, ref))) {
    for (const p of rule.jsonPointers ?? []) for (const t of targets) deletePointer(t, p);
    for (const expr of rule.jqPathExpressions ?? []) {
      const segs = parseJqPath(expr);
      if (!segs) warnings.push(`unsupported jqPathExpression "${expr}": only paths like .a.b[]?.c and | select(.f == "v") are supported`);
      else for (const t of targets) deleteJqPath(t, segs);
    }
    if (rule.managedFieldsManagers?.length) {
      const sets = managedFieldSets(live, rule.managedFieldsManagers);
      for (const t of targets) removeManagedFields(t, sets);
    }
  }
  return { warnings };
}
