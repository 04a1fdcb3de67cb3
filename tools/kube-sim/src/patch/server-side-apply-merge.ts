import { SchemaNode } from '../schema/schema-node';
import { FieldPath, fieldToken, PathToken } from './managed-fields-path';
import { fieldSchema, indexListItems, ListShape, listItemToken, pairShape, shapeOf, withNamedFieldMembers } from './managed-fields-schema';
import { FieldSet, unionAll } from './managed-fields-set';
import { hasField, isPlainObject, JsonObject, presentEntries, withoutNulls } from './managed-fields-value';

const isEmptyMap = (v: unknown) => v === undefined || v === null || (isPlainObject(v) && presentEntries(v).length === 0);
const isEmptyList = (v: unknown) => v === undefined || v === null || (Array.isArray(v) && v.length === 0);
const asMap = (v: unknown): JsonObject => (isPlainObject(v) ? v : {});

/**
 * Merges an applied configuration into the live object: granular maps key by key, sets and
 * associative lists item by item (in the applied order, live-only items kept near their
 * neighbours), everything else replaced. A null in the configuration clears a scalar.
 */
export function mergeApplied(live: unknown, applied: unknown, schema: SchemaNode | undefined): unknown {
  return mergeValue(live, applied, schema, []);
}

function mergeValue(lhs: unknown, rhs: unknown, schema: SchemaNode | undefined, path: FieldPath): unknown {
  if (rhs === undefined) return lhs;
  if (lhs === undefined) return withoutNulls(rhs);
  if (rhs === null && shapeOf(schema, lhs).kind !== 'leaf') return lhs;
  const shape = pairShape(schema, lhs, rhs);
  if (shape.kind === 'map' && !(isEmptyMap(lhs) && isEmptyMap(rhs))) return mergeMap(asMap(lhs), asMap(rhs), shape.schema, path);
  if (shape.kind === 'list' && !(isEmptyList(lhs) && isEmptyList(rhs))) return mergeList(lhs, rhs, shape, path);
  return rhs;
}

function mergeMap(lhs: JsonObject, rhs: JsonObject, schema: SchemaNode | undefined, path: FieldPath): JsonObject {
  const out: JsonObject = {};
  const put = (name: string, v: unknown) => {
    if (v !== undefined && !(v === null && rhs[name] === null)) out[name] = v;
  };
  for (const [name, l] of presentEntries(lhs)) {
    put(name, hasField(rhs, name) ? mergeValue(l, rhs[name], fieldSchema(schema, name), [...path, fieldToken(name)]) : l);
  }
  for (const [name, r] of presentEntries(rhs)) if (!hasField(lhs, name)) put(name, withoutNulls(r));
  return out;
}

function mergeList(lhs: unknown, rhs: unknown, shape: ListShape, path: FieldPath): unknown[] {
  const left = indexListItems(shape, lhs, path, false);
  const right = indexListItems(shape, rhs, path, false);
  const leftByToken = new Map(left);
  const rightByToken = new Map(right);
  const merge = (token: PathToken) => mergeValue(leftByToken.get(token), rightByToken.get(token), shape.items, [...path, token]);
  return orderMerged(left.map(([t]) => t), right.map(([t]) => t)).map((t) => (rightByToken.has(t) ? merge(t) : leftByToken.get(t)));
}

/**
 * The item order after a merge: applied items in applied order; a live-only item stays after the
 * live item it followed, so unrelated items are not reshuffled.
 */
export function orderMerged(left: PathToken[], right: PathToken[]): PathToken[] {
  const inRight = new Set(right);
  const inLeft = new Set(left);
  const shared = right.filter((t) => inLeft.has(t));
  const out: PathToken[] = [];
  const emitted = new Set<PathToken>();
  const emit = (t: PathToken) => {
    out.push(t);
    emitted.add(t);
    if (shared[0] === t) shared.shift();
  };
  let li = 0;
  let ri = 0;
  while (li < left.length || ri < right.length) {
    const l = left[li];
    if (li < left.length && ri < right.length && l === right[ri]) {
      emit(l);
      li++;
      ri++;
    } else if (li < left.length && (!inRight.has(l) || emitted.has(l) || (ri < right.length && shared[0] !== l))) {
      if (!inRight.has(l)) emit(l);
      li++;
    } else {
      emit(right[ri++]);
    }
  }
  return out;
}

/** Protected from pruning even though untracked: dropping them would unmake the object. */
const NEVER_PRUNED = FieldSet.of([fieldToken('apiVersion')], [fieldToken('kind')], [fieldToken('metadata')]);

/**
 * Removes what the applier owned before but no longer applies, unless some manager (the
 * applier's new configuration included) still owns it.
 */
export function pruneApplied(merged: JsonObject, previous: FieldSet, owners: Iterable<FieldSet>, schema: SchemaNode | undefined): JsonObject {
  const owned = withNamedFieldMembers(unionAll(owners), schema);
  const toRemove = withNamedFieldMembers(previous, schema).difference(owned).difference(NEVER_PRUNED);
  if (toRemove.isEmpty()) return merged;
  return (removeFields(merged, toRemove, schema) as JsonObject | undefined) ?? {};
}

/**
 * Removes the member paths of `set` (and all below them) from a value. A map or list emptied by
 * the removal goes too, as upstream leaves it null and Go drops it.
 */
export function removeFields(value: unknown, set: FieldSet, schema: SchemaNode | undefined): unknown {
  const shape = shapeOf(schema, value);
  if (shape.kind === 'map') {
    const out: JsonObject = {};
    for (const [name, v] of presentEntries(value as JsonObject)) {
      const token = fieldToken(name);
      if (set.members.has(token)) continue;
      const below = set.children.get(token);
      const kept = below ? removeFields(v, below, fieldSchema(shape.schema, name)) : v;
      if (kept !== undefined) out[name] = kept;
    }
    return Object.keys(out).length === 0 && presentEntries(value as JsonObject).length > 0 ? undefined : out;
  }
  if (shape.kind === 'list') {
    const items = value as unknown[];
    const out = items.flatMap((item, i) => {
      const token = tokenOrUndefined(shape, item, i);
      if (token === undefined) return [item];
      if (set.members.has(token)) return [];
      const below = set.children.get(token);
      const kept = below ? removeFields(item, below, shape.items) : item;
      return kept === undefined ? [] : [kept];
    });
    return out.length === 0 && items.length > 0 ? undefined : out;
  }
  return value;
}

/** Live items that cannot be keyed are left alone rather than failing the whole apply. */
function tokenOrUndefined(shape: ListShape, item: unknown, index: number): PathToken | undefined {
  try {
    return listItemToken(shape, item, [], index);
  } catch {
    return undefined;
  }
}
