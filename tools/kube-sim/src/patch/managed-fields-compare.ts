import { SchemaNode } from '../schema/schema-node';
import { FieldPath, fieldToken, PathToken } from './managed-fields-path';
import { fieldSchema, indexListItems, ListShape, pairShape } from './managed-fields-schema';
import { FieldSet } from './managed-fields-set';
import { deepEqual, hasField, isPlainObject, JsonObject, presentEntries } from './managed-fields-value';

/** What changed between two versions of an object, as sets of field paths. */
export interface Comparison {
  added: FieldSet;
  modified: FieldSet;
  removed: FieldSet;
}

/**
 * Compares two objects field by field under a schema. A granular map or list that appears or
 * disappears is itself added or removed (fieldsV1 shows it as `.`), besides its contents.
 */
export function compareObjects(lhs: unknown, rhs: unknown, schema: SchemaNode | undefined): Comparison {
  const out: Comparison = { added: new FieldSet(), modified: new FieldSet(), removed: new FieldSet() };
  walk(lhs, rhs, schema, [], out);
  return out;
}

/** Paths that a change set or added: the ones another manager loses, or conflicts on. */
export function changedFields(c: Comparison): FieldSet {
  return c.added.union(c.modified);
}

const isEmptyMap = (v: unknown) => v === undefined || v === null || (isPlainObject(v) && presentEntries(v).length === 0);
const isEmptyList = (v: unknown) => v === undefined || v === null || (Array.isArray(v) && v.length === 0);

function walk(lhs: unknown, rhs: unknown, schema: SchemaNode | undefined, path: FieldPath, out: Comparison): void {
  if (lhs === undefined && rhs === undefined) return;
  const shape = pairShape(schema, lhs, rhs);
  if (shape.kind === 'map' && !(isEmptyMap(lhs) && isEmptyMap(rhs))) {
    walkMap(asMap(lhs), asMap(rhs), shape.schema, path, out);
  } else if (shape.kind === 'list' && !(isEmptyList(lhs) && isEmptyList(rhs))) {
    walkList(lhs, rhs, shape, path, out);
  } else {
    compareLeaf(lhs, rhs, path, out);
    return;
  }
  if (path.length === 0) return;
  if (lhs === undefined) out.added.insert(path);
  else if (rhs === undefined) out.removed.insert(path);
}

function compareLeaf(lhs: unknown, rhs: unknown, path: FieldPath, out: Comparison): void {
  if (path.length === 0) return;
  if (lhs === undefined) out.added.insert(path);
  else if (rhs === undefined) out.removed.insert(path);
  else if (!deepEqual(lhs, rhs)) out.modified.insert(path);
}

const asMap = (v: unknown): JsonObject => (isPlainObject(v) ? v : {});

function walkMap(lhs: JsonObject, rhs: JsonObject, schema: SchemaNode | undefined, path: FieldPath, out: Comparison): void {
  const names = new Set([...presentEntries(lhs).map(([k]) => k), ...presentEntries(rhs).map(([k]) => k)]);
  for (const name of names) {
    const l = hasField(lhs, name) ? lhs[name] : undefined;
    const r = hasField(rhs, name) ? rhs[name] : undefined;
    walk(l, r, fieldSchema(schema, name), [...path, fieldToken(name)], out);
  }
}

function walkList(lhs: unknown, rhs: unknown, shape: ListShape, path: FieldPath, out: Comparison): void {
  const l = new Map(indexListItems(shape, lhs, path, false));
  const r = new Map(indexListItems(shape, rhs, path, false));
  const tokens = new Set<PathToken>([...l.keys(), ...r.keys()]);
  for (const token of tokens) walk(l.get(token), r.get(token), shape.items, [...path, token], out);
}
