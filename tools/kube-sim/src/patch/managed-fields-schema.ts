import { SchemaNode } from '../schema/schema-node';
import { FieldPath, FieldPathError, keyToken, parseToken, PathToken, valueToken } from './managed-fields-path';
import { FieldSet } from './managed-fields-set';
import { hasField, isPlainObject, JsonObject } from './managed-fields-value';

/**
 * How server-side apply sees a value: a leaf (scalar, atomic list or atomic map, owned whole),
 * a granular map (owned key by key), or a set / associative list (owned item by item).
 * A missing schema means "deduced", as upstream does it: maps granular, lists atomic.
 */
export type Shape =
  | { kind: 'leaf' }
  | { kind: 'map'; schema: SchemaNode | undefined }
  | { kind: 'list'; listType: 'set'; items: SchemaNode | undefined }
  | { kind: 'list'; listType: 'map'; keys: string[]; items: SchemaNode | undefined };

export type ListShape = Extract<Shape, { kind: 'list' }>;

const LEAF: Shape = { kind: 'leaf' };
const NON_OBJECT_TYPES = new Set(['string', 'integer', 'number', 'boolean', 'array']);

export function shapeOf(schema: SchemaNode | undefined, value: unknown): Shape {
  if (isPlainObject(value)) {
    if (!schema) return { kind: 'map', schema: undefined };
    if (schema['x-kubernetes-int-or-string'] || (schema.type && NON_OBJECT_TYPES.has(schema.type))) return LEAF;
    return schema['x-kubernetes-map-type'] === 'atomic' ? LEAF : { kind: 'map', schema };
  }
  if (Array.isArray(value)) {
    if (!schema || (schema.type && schema.type !== 'array')) return LEAF;
    const listType = schema['x-kubernetes-list-type'];
    if (listType === 'set') return { kind: 'list', listType, items: schema.items };
    const keys = schema['x-kubernetes-list-map-keys'] ?? [];
    if (listType === 'map' && keys.length > 0) return { kind: 'list', listType, keys, items: schema.items };
  }
  return LEAF;
}

/** The shape both sides of a merge or comparison share; differing kinds compare as leaves. */
export function pairShape(schema: SchemaNode | undefined, lhs: unknown, rhs: unknown): Shape {
  // A null map or list is an empty one when the other side has content, as Go decodes it.
  const l = lhs === undefined || (lhs === null && rhs != null) ? undefined : shapeOf(schema, lhs);
  const r = rhs === undefined || (rhs === null && lhs != null) ? undefined : shapeOf(schema, rhs);
  if (!l) return r ?? LEAF;
  if (!r) return l;
  return l.kind === r.kind ? l : LEAF;
}

/** True when a field is one of the schema's named properties (not a map key or unknown field). */
export function isDeclared(schema: SchemaNode | undefined, name: string): boolean {
  return !!schema?.properties && Object.prototype.hasOwnProperty.call(schema.properties, name);
}

export function fieldSchema(schema: SchemaNode | undefined, name: string): SchemaNode | undefined {
  if (isDeclared(schema, name)) return schema!.properties![name];
  const extra = schema?.additionalProperties;
  return typeof extra === 'object' ? extra : undefined;
}

/** The schema below one path token: a field's schema, or the list's item schema. */
export function schemaAt(schema: SchemaNode | undefined, token: PathToken): SchemaNode | undefined {
  const el = parseToken(token);
  return el.kind === 'field' ? fieldSchema(schema, el.name) : schema?.items;
}

/** The path token naming a list item: `v:` for set members, `k:` with key fields sorted by name. */
export function listItemToken(shape: ListShape, item: unknown, path: FieldPath, index: number): PathToken {
  if (shape.listType === 'set') return valueToken(item);
  if (item === null) throw new FieldPathError(path, `element ${index}: associative list with keys may not have a null element`);
  if (!isPlainObject(item)) throw new FieldPathError(path, `element ${index}: associative list with keys may not have non-map elements`);
  const key: JsonObject = {};
  for (const name of shape.keys) {
    const fallback = shape.items?.properties?.[name]?.default;
    if (hasField(item, name)) key[name] = item[name];
    else if (fallback !== undefined) key[name] = fallback;
    else {
      const why = `associative list with keys has an element that omits key field ${JSON.stringify(name)} (and doesn't have default value)`;
      throw new FieldPathError(path, `element ${index}: ${why}`);
    }
  }
  return keyToken(key);
}

/**
 * Indexes list items by token. Live objects may hold duplicates (the first wins); an applied
 * configuration may not.
 */
export function indexListItems(shape: ListShape, list: unknown, path: FieldPath, strict: boolean): Array<[PathToken, unknown]> {
  if (!Array.isArray(list)) return [];
  const seen = new Set<PathToken>();
  const out: Array<[PathToken, unknown]> = [];
  list.forEach((item, i) => {
    const token = listItemToken(shape, item, path, i);
    if (seen.has(token)) {
      if (strict) throw new FieldPathError(path, `duplicate entries for key ${describeToken(token)}`);
      return;
    }
    seen.add(token);
    out.push([token, item]);
  });
  return out;
}

function describeToken(token: PathToken): string {
  const el = parseToken(token);
  if (el.kind === 'key') return `[${el.fields.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(',')}]`;
  return token;
}

/**
 * The value as kube-apiserver's Go types would hold it, for comparisons: non-pointer struct
 * fields (marked `default: {}` in the OpenAPI v3 schema) present as `{}`, and required lists
 * (serialised without omitempty) present as null. That decides whether a change shows the
 * struct or list itself (`.` in fieldsV1) or only its contents, as upstream does.
 */
export function withGoZeroValues(value: unknown, schema: SchemaNode | undefined, depth = 0): unknown {
  const shape = shapeOf(schema, value);
  if (depth > 32) return value;
  if (shape.kind === 'list' && isPlainObject(shape.items?.properties)) {
    return (value as unknown[]).map((item) => withGoZeroValues(item, shape.items, depth + 1));
  }
  if (shape.kind !== 'map' || !shape.schema?.properties) return value;
  const out: JsonObject = { ...(value as JsonObject) };
  for (const [name, prop] of Object.entries(shape.schema.properties)) {
    if (hasField(out, name)) out[name] = withGoZeroValues(out[name], prop, depth + 1);
    else if (isEmptyStructDefault(prop)) out[name] = withGoZeroValues({}, prop, depth + 1);
    else if (prop.type === 'array' && shape.schema.required?.includes(name)) out[name] = null;
  }
  return out;
}

function isEmptyStructDefault(prop: SchemaNode): boolean {
  const d = prop.default;
  return isPlainObject(d) && Object.keys(d).length === 0 && (prop.type === undefined || prop.type === 'object');
}

/** The empty object of a kind, as a create compares the new object against. */
export function zeroValue(schema: SchemaNode | undefined): JsonObject {
  return withGoZeroValues({}, schema) as JsonObject;
}

/**
 * Adds, for every named (declared) field with owned paths below it, that field itself as a
 * member; map keys and list items are not added. Pruning uses this so that a struct whose
 * last owned field is dropped goes away with it.
 */
export function withNamedFieldMembers(set: FieldSet, schema: SchemaNode | undefined): FieldSet {
  const out = new FieldSet();
  for (const m of set.members) out.members.add(m);
  for (const [token, child] of set.children) {
    const el = parseToken(token);
    if (el.kind === 'field' && isDeclared(schema, el.name)) out.members.add(token);
    out.children.set(token, withNamedFieldMembers(child, schemaAt(schema, token)));
  }
  return out;
}
