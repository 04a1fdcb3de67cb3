import { SchemaNode } from '../schema/schema-node';
import { ItemIdentity, normalizeElementOrder, partitionByPresence } from './strategic-merge-patch-order';
import { errors, fresh, goFormat, has, isMap, Json, PATCH, StrategicMergePatchError } from './strategic-merge-patch-values';

/** Merges a patch map into an owned live map; the list code recurses through it into items. */
export type MapMerger = (live: Json, patch: Json, schema: SchemaNode | undefined) => Json;

export interface ListField {
  /** The field's name, for messages. */
  name: string;
  mergeKey?: string;
  items?: SchemaNode;
}

/**
 * A list whose strategy is `merge`: maps merge item by item on the merge key (honouring
 * `$patch: delete` / `$patch: replace` items), primitives are unioned; the result is ordered
 * by the patch, server-only items keeping their place (apimachinery's mergeSlice).
 */
export function mergeList(live: unknown[], patch: unknown[], field: ListField, mergeMap: MapMerger): unknown[] {
  if (!live.length && !patch.length) return [];
  const maps = elementKind(live, patch) === 'map';
  if (!maps) {
    const merged = dedupe([...live, ...patch]);
    const id: ItemIdentity = { maps: false };
    const { named, serverOnly } = partitionByPresence(merged, patch, id);
    return normalizeElementOrder(named, serverOnly, patch, live, id);
  }
  const mergeKey = field.mergeKey;
  if (!mergeKey) throw new StrategicMergePatchError(`cannot merge lists without merge key for ${field.name}`);
  const { base, items } = applySpecialItems(live, patch as Json[], mergeKey);
  const merged = mergeItems(base, items, mergeKey, field.items, mergeMap);
  const id: ItemIdentity = { maps: true, mergeKey };
  const { named, serverOnly } = partitionByPresence(merged, items, id);
  return normalizeElementOrder(named, serverOnly, items, base, id);
}

/** `$deleteFromPrimitiveList/<field>`: drops the listed values from a live list of primitives. */
export function deleteFromList(live: unknown[], values: unknown[]): unknown[] {
  if (!live.length && !values.length) return live;
  if (elementKind(live, values) === 'map') return live;
  return live.filter((v) => !values.includes(v));
}

type ElementKind = 'map' | 'string' | 'number' | 'boolean' | 'null';

/** apimachinery refuses lists of lists and lists whose items differ in type. */
function elementKind(...lists: unknown[][]): ElementKind {
  let kind: ElementKind | undefined;
  for (const list of lists) {
    for (const v of list) {
      if (Array.isArray(v)) throw errors.listOfLists();
      const k: ElementKind = v === null ? 'null' : isMap(v) ? 'map' : (typeof v as ElementKind);
      if (kind && k !== kind) throw new StrategicMergePatchError(`list element types are not identical: ${goFormat(lists)}`);
      kind = k;
    }
  }
  return kind ?? 'null';
}

function dedupe(list: unknown[]): unknown[] {
  return list.filter((v, i) => list.indexOf(v) === i);
}

/**
 * Patch items carrying `$patch`: `delete` removes every live item with that key, `replace`
 * makes the other patch items the whole list; they never reach the result themselves.
 */
function applySpecialItems(live: unknown[], patch: Json[], mergeKey: string): { base: unknown[]; items: Json[] } {
  let base = live;
  let replace = false;
  const items: Json[] = [];
  for (const p of patch) {
    if (!has(p, PATCH)) {
      items.push(p);
      continue;
    }
    switch (p[PATCH]) {
      case 'delete':
        if (!has(p, mergeKey)) throw errors.noMergeKey(p, mergeKey);
        base = base.filter((v) => !(isMap(v) && v[mergeKey] === p[mergeKey]));
        break;
      case 'replace':
        replace = true;
        break;
      case 'merge':
        throw new StrategicMergePatchError('merging lists cannot yet be specified in the patch');
      default:
        throw errors.badPatchType(p[PATCH], p);
    }
  }
  if (replace) return { base: items.map(fresh), items: [] };
  return { base, items };
}

/** Patch items merge into the first live item with the same key, or are appended. */
function mergeItems(base: unknown[], items: Json[], mergeKey: string, schema: SchemaNode | undefined, mergeMap: MapMerger): unknown[] {
  const out = [...base];
  for (const p of items) {
    if (!has(p, mergeKey)) throw errors.noMergeKey(p, mergeKey);
    const idx = out.findIndex((v) => isMap(v) && v[mergeKey] === p[mergeKey]);
    if (idx >= 0) out[idx] = mergeMap(out[idx] as Json, p, schema);
    else out.push(fresh(p));
  }
  return out;
}
