import { SchemaNode } from '../schema/schema-node';
import { deleteFromList, mergeList } from './strategic-merge-patch-list';
import { normalizeElementOrder, partitionByPresence, validateSetElementOrder } from './strategic-merge-patch-order';
import {
  childSchema,
  DELETE_PRIMITIVE,
  directiveField,
  DROPPED,
  errors,
  fresh,
  GO_LIST,
  has,
  isMap,
  Json,
  PATCH,
  patchMeta,
  RETAIN_KEYS,
  SET_ORDER,
  setKey,
  StrategicMergePatchError,
} from './strategic-merge-patch-values';

export { StrategicMergePatchError } from './strategic-merge-patch-values';

/**
 * kube-apiserver's strategic merge patch (what `kubectl apply` and `kubectl patch` send), after
 * k8s.io/apimachinery/pkg/util/strategicpatch: maps merge, `null` deletes, lists merge by their
 * patch merge key where the schema says so (others are replaced), and the `$patch`,
 * `$retainKeys`, `$setElementOrder/` and `$deleteFromPrimitiveList/` directives apply. Fields the
 * schema does not know behave as in a JSON merge patch. Inputs are left untouched.
 */
export function applyStrategicMergePatch(original: Json, patch: Json, schema: SchemaNode | undefined): Json {
  if (patch[PATCH] === 'delete') throw new StrategicMergePatchError('the patch deletes the whole object');
  return mergeMap(structuredClone(original), structuredClone(patch), schema);
}

/** Merges `patch` into `live`, which this owns and mutates. */
function mergeMap(live: Json, patch: Json, schema: SchemaNode | undefined): Json {
  if (has(patch, PATCH)) return mapDirective(patch);
  applyRetainKeys(live, patch);
  const ordered = applyElementOrders(live, patch, schema);
  for (const [key, value] of Object.entries(patch)) {
    if (key === RETAIN_KEYS || key.startsWith(SET_ORDER) || ordered.has(key)) continue;
    const deleteFrom = directiveField(key, DELETE_PRIMITIVE);
    if (deleteFrom !== undefined) {
      const current = live[deleteFrom];
      if (has(live, deleteFrom) && Array.isArray(current) && Array.isArray(value)) live[deleteFrom] = deleteFromList(current, value);
      continue;
    }
    mergeField(live, key, value, childSchema(schema, key));
  }
  return live;
}

/** `$patch` on a map: `replace` keeps only the patch's content, `delete` empties the map. */
function mapDirective(patch: Json): Json {
  const directive = patch[PATCH];
  if (directive === 'delete') return {};
  if (directive !== 'replace') throw errors.badPatchType(directive, patch);
  const { [PATCH]: _directive, ...content } = patch;
  return fresh(content) as Json;
}

const shape = (v: unknown): string => (Array.isArray(v) ? 'list' : isMap(v) ? 'map' : 'scalar');

function mergeField(live: Json, key: string, value: unknown, node: SchemaNode | undefined): void {
  if (value === null) {
    delete live[key];
    return;
  }
  const current = live[key];
  const meta = patchMeta(node);
  if (!has(live, key) || shape(current) !== shape(value) || shape(value) === 'scalar' || meta.replace) {
    const taken = fresh(value);
    if (taken === DROPPED) delete live[key];
    else setKey(live, key, taken);
  } else if (isMap(value)) {
    live[key] = mergeMap(current as Json, value, node);
  } else {
    live[key] = mergeListField(current as unknown[], value as unknown[], key, node);
  }
}

function mergeListField(current: unknown[], value: unknown[], key: string, node: SchemaNode | undefined): unknown[] {
  const meta = patchMeta(node);
  if (!meta.merge) return fresh(value) as unknown[];
  return mergeList(current, value, { name: key, mergeKey: meta.mergeKey, items: node?.items }, mergeMap);
}

/** `$retainKeys`: live keys the list does not name are dropped before the patch merges in. */
function applyRetainKeys(live: Json, patch: Json): void {
  if (!has(patch, RETAIN_KEYS)) return;
  const retain = patch[RETAIN_KEYS];
  if (!Array.isArray(retain)) throw errors.retainKeysFormat();
  for (const [k, v] of Object.entries(patch)) {
    if (k === RETAIN_KEYS || v === null || k.startsWith(DELETE_PRIMITIVE) || k.startsWith(SET_ORDER)) continue;
    if (!retain.includes(k)) throw errors.retainKeysFormat();
  }
  for (const k of Object.keys(live)) if (!retain.includes(k)) delete live[k];
}

/**
 * `$setElementOrder/<field>`: merges that field's patch list (if any) and orders the result by
 * the directive, server-only items keeping their place. Returns the fields it has merged.
 */
function applyElementOrders(live: Json, patch: Json, schema: SchemaNode | undefined): Set<string> {
  const done = new Set<string>();
  for (const [key, order] of Object.entries(patch)) {
    const field = directiveField(key, SET_ORDER);
    if (field === undefined) continue;
    if (!Array.isArray(order)) throw errors.badArgType(GO_LIST, order);
    const liveList = listAt(live, field);
    const patchList = listAt(patch, field);
    const node = childSchema(schema, field);
    const meta = patchMeta(node);
    validateSetElementOrder(patchList ?? [], order, meta.mergeKey);
    if (!liveList && !patchList) continue;
    let merged: unknown[];
    if (!patchList) merged = liveList!;
    else if (!liveList) merged = fresh(patchList) as unknown[];
    else merged = mergeListField(liveList, patchList, field, node);
    const maps = [...(liveList ?? []), ...(patchList ?? [])].find(isMap);
    if (maps && !meta.mergeKey) throw errors.noMergeKey(maps, '');
    const id = { maps: maps !== undefined, mergeKey: meta.mergeKey };
    const { named, serverOnly } = partitionByPresence(merged, order, id);
    live[field] = normalizeElementOrder(named, serverOnly, order, liveList ?? [], id);
    done.add(field);
  }
  return done;
}

function listAt(obj: Json, field: string): unknown[] | undefined {
  if (!has(obj, field)) return undefined;
  const v = obj[field];
  if (!Array.isArray(v)) throw errors.badArgType(GO_LIST, v);
  return v as unknown[];
}
