import { KubeObject } from '../../store/kube-object';
import { TableColumnDefinition, TableOptions } from './table';

/** A printer: columns plus a function from one object to its cells (Name first, as kube does). */
export interface KindPrinter {
  columns: TableColumnDefinition[];
  cells(obj: KubeObject, opts: TableOptions): unknown[];
}

export const NAME_COLUMN: TableColumnDefinition = {
  name: 'Name',
  type: 'string',
  format: 'name',
  description: 'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically.',
  priority: 0,
};

export const AGE_DESCRIPTION = 'CreationTimestamp is a timestamp representing the server time when this object was created.';

/** `col('Ready', 'string', 'The aggregate readiness state')`; wide-only columns pass priority 1. */
export function col(name: string, type: TableColumnDefinition['type'], description: string, priority = 0): TableColumnDefinition {
  return { name, type, format: '', description, priority };
}

export const ageCol = (): TableColumnDefinition => col('Age', 'string', AGE_DESCRIPTION);

/** Reads a nested field without throwing: `at(obj, 'status', 'readyReplicas')`. */
export function at(obj: unknown, ...path: Array<string | number>): unknown {
  let v: unknown = obj;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[p];
  }
  return v;
}

export const num = (v: unknown): number => (typeof v === 'number' ? v : 0);
export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
/** A scalar printed as kubectl does; objects and absent values print as `fallback`. */
export const scalar = (v: unknown, fallback: string): string => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : fallback);
export const str = (v: unknown, none = '<none>'): string => (typeof v === 'string' && v !== '' ? v : none);

/** `app=web,tier=db`, as kubectl prints selectors and labels. */
export function labelsString(labels: unknown): string {
  if (!labels || typeof labels !== 'object') return '<none>';
  const entries = Object.entries(labels as Record<string, string>).sort(([a], [b]) => a.localeCompare(b));
  return entries.length ? entries.map(([k, v]) => `${k}=${v}`).join(',') : '<none>';
}

export function selectorString(selector: unknown): string {
  const s = selector as { matchLabels?: Record<string, string>; matchExpressions?: Array<{ key: string; operator: string; values?: string[] }> } | undefined;
  if (!s) return '<none>';
  const parts = Object.entries(s.matchLabels ?? {}).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${v}`);
  for (const e of s.matchExpressions ?? []) {
    const values = (e.values ?? []).join(',');
    if (e.operator === 'In') parts.push(`${e.key} in (${values})`);
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${values})`);
    else if (e.operator === 'Exists') parts.push(e.key);
    else parts.push(`!${e.key}`);
  }
  return parts.length ? parts.join(',') : '<none>';
}

export const containerNames = (podSpec: unknown): string => list(at(podSpec, 'containers')).map((c) => str(at(c, 'name'), '')).join(',');
export const containerImages = (podSpec: unknown): string => list(at(podSpec, 'containers')).map((c) => str(at(c, 'image'), '')).join(',');
