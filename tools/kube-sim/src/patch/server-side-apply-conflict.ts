import { StatusError } from '../api/status-error';
import { managerKey, ManagerMap } from './managed-fields-entries';
import { pathToString } from './managed-fields-path';
import { FieldSet } from './managed-fields-set';
import { compareStrings } from './managed-fields-value';

/** A field the applier would change that another manager owns. */
export interface ApplyConflict {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  subresource?: string;
  /** The path as kube-apiserver prints it, e.g. `.spec.replicas`. */
  field: string;
}

/** Lists the conflicts, grouped by manager in kube-apiserver's order (by identity, then path). */
export function collectConflicts(owners: ManagerMap, changed: FieldSet, exceptKey: string): ApplyConflict[] {
  const out: ApplyConflict[] = [];
  const keys = [...owners.keys()].filter((k) => k !== exceptKey).sort(compareStrings);
  for (const key of keys) {
    const m = owners.get(key)!;
    for (const path of m.fields.intersection(changed).paths()) {
      out.push({
        manager: m.manager,
        operation: m.operation,
        apiVersion: m.apiVersion,
        ...(m.subresource ? { subresource: m.subresource } : {}),
        field: pathToString(path),
      });
    }
  }
  return out;
}

/** `"kubectl"`, `"kube-controller-manager" with subresource "status" using apps/v1`, as upstream prints managers. */
export function describeManager(c: Omit<ApplyConflict, 'field'>): string {
  let text = JSON.stringify(c.manager);
  if (c.subresource) text += ` with subresource ${JSON.stringify(c.subresource)}`;
  if (c.operation === 'Update') text += ` using ${c.apiVersion}`;
  return text;
}

/** kube-apiserver's message: one line for one conflict, else a list per manager. */
export function conflictMessage(conflicts: ApplyConflict[]): string {
  if (conflicts.length === 1) {
    return `Apply failed with 1 conflict: conflict with ${describeManager(conflicts[0])}: ${conflicts[0].field}`;
  }
  const groups = new Map<string, ApplyConflict[]>();
  for (const c of conflicts) {
    const key = managerKey(c);
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const lines: string[] = [];
  for (const key of [...groups.keys()].sort(compareStrings)) {
    const group = groups.get(key)!;
    lines.push(`conflicts with ${describeManager(group[0])}:`, ...group.map((c) => `- ${c.field}`));
  }
  return `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`;
}

/** The 409 kube-apiserver answers with; its details carry only the causes. */
export function applyConflictError(conflicts: ApplyConflict[]): StatusError {
  const causes = conflicts.map((c) => ({ reason: 'FieldManagerConflict', message: `conflict with ${describeManager(c)}`, field: c.field }));
  return new StatusError(409, 'Conflict', conflictMessage(conflicts), { causes });
}
