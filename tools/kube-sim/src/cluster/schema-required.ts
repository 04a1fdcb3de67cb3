// Required fields of a custom resource, checked as kube-apiserver checks them: after nulls the schema
// does not allow are dropped (so `destination: null` is as missing as no destination), at every level
// including the root and inside subtrees that preserve unknown fields.
// https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#defaulting-and-nullable
import { StatusCause } from '../api/status-error';
import { SchemaNode } from '../schema/schema-node';

type Obj = Record<string, unknown>;
type NullableNode = SchemaNode & { nullable?: boolean };

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function childSchema(node: SchemaNode, key: string): SchemaNode | undefined {
  return node.properties?.[key] ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined);
}

/** Removes null values of fields that are neither nullable nor defaulted, as the API server does before validating. */
export function pruneNonNullableNulls(node: SchemaNode, value: unknown, skip: ReadonlySet<string> = new Set()): void {
  if (Array.isArray(value)) {
    if (node.items) for (const item of value) pruneNonNullableNulls(node.items, item);
    return;
  }
  if (!isObject(value)) return;
  for (const [key, v] of Object.entries(value)) {
    const child = skip.has(key) ? undefined : childSchema(node, key);
    if (!child) continue;
    if (v === null && !(child as NullableNode).nullable && child.default === undefined) delete value[key];
    else pruneNonNullableNulls(child, v);
  }
}

/** One `Required value` cause for each required field that is absent, with its path (`spec.destination`). */
export function missingRequired(node: SchemaNode, value: unknown, path = ''): StatusCause[] {
  const at = (key: string): string => (path ? `${path}.${key}` : key);
  if (Array.isArray(value)) return node.items ? value.flatMap((item, i) => missingRequired(node.items!, item, `${path}[${i}]`)) : [];
  if (!isObject(value)) return [];
  const causes: StatusCause[] = (node.required ?? []).filter((key) => value[key] === undefined).map((key) => ({ reason: 'FieldValueRequired', field: at(key), message: 'Required value' }));
  for (const [key, v] of Object.entries(value)) {
    const child = childSchema(node, key);
    if (child) causes.push(...missingRequired(child, v, at(key)));
  }
  return causes;
}
