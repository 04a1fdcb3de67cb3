import { SchemaNode } from '../schema/schema-node';

/** A strategic merge patch the server cannot apply: bad directive, missing merge key. */
export class StrategicMergePatchError extends Error {}

type Json = Record<string, unknown>;

const PATCH = '$patch';
const RETAIN_KEYS = '$retainKeys';
const SET_ORDER = '$setElementOrder/';
const DELETE_PRIMITIVE = '$deleteFromPrimitiveList/';

const isMap = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * kube-apiserver's strategic merge patch (what `kubectl apply` and `kubectl patch` send):
 * maps merge, lists merge by their patch merge key where the schema says so, `null` deletes,
 * and `$patch`, `$retainKeys`, `$setElementOrder`, `$deleteFromPrimitiveList` directives apply.
 * Fields the schema does not know behave as in a JSON merge patch.
 */
export function applyStrategicMergePatch(original: Json, patch: Json, schema: SchemaNode | undefined): Json {
  const result = mergeMap(structuredClone(original), patch, schema);
  if (result === undefined) throw new StrategicMergePatchError('the patch deletes the whole object');
  return result;
}

function strategyOf(node: SchemaNode | undefined): string[] {
  return (node?.['x-kubernetes-patch-strategy'] ?? '').split(',').filter(Boolean);
}

function childSchema(node: SchemaNode | undefined, key: string): SchemaNode | undefined {
  if (!node) return undefined;
  const prop = node.properties?.[key];
  if (prop) return prop;
  return typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined;
}

/** Merges `patch` into `target` (owned, mutated); undefined means the map is deleted. */
function mergeMap(target: Json, patch: Json, schema: SchemaNode | undefined): Json | undefined {
  const directive = patch[PATCH];
  if (directive !== undefined) {
    if (directive === 'delete') return undefined;
    if (directive === 'replace') return stripDirectives(withoutKey(patch, PATCH), schema);
    if (directive !== 'merge') throw new StrategicMergePatchError(`unknown patch type: ${JSON.stringify(directive)} in map: ${JSON.stringify(patch)}`);
  }
  const retain = patch[RETAIN_KEYS];
  if (retain !== undefined) {
    if (!Array.isArray(retain)) throw new StrategicMergePatchError(`invalid $retainKeys: ${JSON.stringify(retain)}: must be a list`);
    for (const k of Object.keys(target)) if (!retain.includes(k)) delete target[k];
  }
  for (const [key, value] of Object.entries(patch)) {
    if (key === PATCH || key === RETAIN_KEYS || key.startsWith(SET_ORDER) || key.startsWith(DELETE_PRIMITIVE)) continue;
    const node = childSchema(schema, key);
    if (value === null) {
      delete target[key];
    } else if (isMap(value)) {
      const merged = mergeMap(isMap(target[key]) ? (target[key]) : {}, value, node);
      if (merged === undefined) delete target[key];
      else target[key] = merged;
    } else if (Array.isArray(value)) {
      target[key] = mergeList(Array.isArray(target[key]) ? (target[key] as unknown[]) : [], value, node);
    } else {
      target[key] = value;
    }
  }
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith(DELETE_PRIMITIVE)) deleteFromPrimitiveList(target, key.slice(DELETE_PRIMITIVE.length), value);
  }
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith(SET_ORDER)) applyElementOrder(target, key.slice(SET_ORDER.length), value, childSchema(schema, key.slice(SET_ORDER.length)));
  }
  return target;
}

function mergeList(live: unknown[], patch: unknown[], node: SchemaNode | undefined): unknown[] {
  const strategy = strategyOf(node);
  const replaceAll = patch.some((p) => isMap(p) && p[PATCH] === 'replace');
  if (replaceAll) return patch.filter((p) => !(isMap(p) && p[PATCH] === 'replace')).map((p) => (isMap(p) ? stripDirectives(p, node?.items) : p));
  if (!strategy.includes('merge')) return patch.map((p) => (isMap(p) ? stripDirectives(p, node?.items) : p));
  const mergeKey = node?.['x-kubernetes-patch-merge-key'];
  if (!mergeKey) return unionPrimitives(live, patch);
  return mergeKeyedList(live, patch, mergeKey, node?.items);
}

function unionPrimitives(live: unknown[], patch: unknown[]): unknown[] {
  const out = [...live];
  for (const p of patch) {
    if (isMap(p)) throw new StrategicMergePatchError(`list of primitives cannot hold a map: ${JSON.stringify(p)}`);
    if (!out.includes(p)) out.push(p);
  }
  return out;
}

function mergeKeyedList(live: unknown[], patch: unknown[], mergeKey: string, item: SchemaNode | undefined): unknown[] {
  const out = live.map((v) => v);
  for (const p of patch) {
    if (!isMap(p)) throw new StrategicMergePatchError(`the list item ${JSON.stringify(p)} is not a map; list merge key is "${mergeKey}"`);
    if (!(mergeKey in p)) throw new StrategicMergePatchError(`map: ${JSON.stringify(p)} does not contain declared merge key: ${mergeKey}`);
    const idx = out.findIndex((v) => isMap(v) && sameKey(v[mergeKey], p[mergeKey]));
    if (p[PATCH] === 'delete') {
      if (idx >= 0) out.splice(idx, 1);
      continue;
    }
    if (idx < 0) {
      const added = mergeMap({}, p, item);
      if (added) out.push(added);
      continue;
    }
    const merged = mergeMap(out[idx] as Json, p, item);
    if (merged === undefined) out.splice(idx, 1);
    else out[idx] = merged;
  }
  return out;
}

const sameKey = (a: unknown, b: unknown): boolean => a === b || (a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b));

function deleteFromPrimitiveList(target: Json, field: string, values: unknown): void {
  if (!Array.isArray(values)) throw new StrategicMergePatchError(`invalid ${DELETE_PRIMITIVE}${field}: must be a list`);
  const list = target[field];
  if (!Array.isArray(list)) return;
  target[field] = list.filter((v) => !values.includes(v));
}

/**
 * Orders a merged list as `$setElementOrder` says: the listed items in that order, items only
 * the server has keep their place relative to the listed ones (apimachinery's normalizeElementOrder).
 */
function applyElementOrder(target: Json, field: string, order: unknown, node: SchemaNode | undefined): void {
  if (!Array.isArray(order)) throw new StrategicMergePatchError(`invalid ${SET_ORDER}${field}: must be a list`);
  const list: unknown = target[field];
  if (!Array.isArray(list)) return;
  const mergeKey = node?.['x-kubernetes-patch-merge-key'];
  const keyOf = (v: unknown): unknown => (mergeKey && isMap(v) ? v[mergeKey] : v);
  const wanted: unknown[] = (order as unknown[]).map((o) => (mergeKey && isMap(o) ? o[mergeKey] : o));
  const rank = (v: unknown): number => wanted.findIndex((w) => sameKey(w, keyOf(v)));
  const listed = list.filter((v) => rank(v) >= 0).sort((a, b) => rank(a) - rank(b));
  const result: unknown[] = [];
  let next = 0;
  for (const v of list) {
    if (rank(v) >= 0) result.push(listed[next++]);
    else result.push(v);
  }
  target[field] = result;
}

/** A replaced value must not carry directives into the stored object. */
function stripDirectives(value: Json, schema: SchemaNode | undefined): Json {
  const merged = mergeMap({}, withoutKey(value, PATCH), schema);
  return merged ?? {};
}

function withoutKey(obj: Json, key: string): Json {
  const copy = { ...obj };
  delete copy[key];
  return copy;
}
