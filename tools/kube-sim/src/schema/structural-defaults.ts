import { SchemaNode } from './schema-node';

/** The root fields the server owns; a CRD schema cannot default them. */
const ROOT_SKIPPED = new Set(['apiVersion', 'kind', 'metadata']);

/**
 * Fills in a CRD schema's `default`s, as apiextensions-apiserver's structural defaulting does
 * (apiserver/schema/defaulting/algorithm.go): each absent property that has a default gets a copy
 * of it, then defaulting descends into properties, additionalProperties and array items, so a
 * defaulted object is itself defaulted. A null in a non-nullable property counts as absent (it is
 * pruned before defaulting). Returns whether anything changed.
 */
export function applyStructuralDefaults(schema: SchemaNode | undefined, obj: Record<string, unknown>): boolean {
  if (!schema) return false;
  return defaultObject(schema, obj, ROOT_SKIPPED);
}

function defaultValue(node: SchemaNode, value: unknown): boolean {
  if (Array.isArray(value)) {
    let changed = false;
    if (node.items) for (const item of value) changed = defaultValue(node.items, item) || changed;
    return changed;
  }
  if (value && typeof value === 'object') return defaultObject(node, value as Record<string, unknown>, new Set());
  return false;
}

function defaultObject(node: SchemaNode, obj: Record<string, unknown>, skipped: Set<string>): boolean {
  let changed = false;
  for (const [key, prop] of Object.entries(node.properties ?? {})) {
    if (skipped.has(key) || prop.default === undefined) continue;
    const absent = !(key in obj) || (obj[key] === null && !(prop as { nullable?: boolean }).nullable);
    if (absent) {
      obj[key] = structuredClone(prop.default);
      changed = true;
    }
  }
  for (const [key, value] of Object.entries(obj)) {
    if (skipped.has(key)) continue;
    const child = node.properties?.[key] ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined);
    if (child) changed = defaultValue(child, value) || changed;
  }
  return changed;
}
