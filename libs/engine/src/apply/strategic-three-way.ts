// kubectl's three-way strategic merge patch (apimachinery strategicpatch.CreateThreeWayMergePatch):
// the changes and additions from live (current) to desired (modified), plus the deletions from
// last-applied (original) to desired, so fields other writers set and git never had are kept.
import { isRecord, jsonEqual, type JsonRecord } from '../object/json-value';
import type { PatchMeta, PatchSchema } from './patch-schema';

interface DiffOptions {
  ignoreDeletions: boolean;
  ignoreChangesAndAdditions: boolean;
  buildRetainKeys: boolean;
}

const DIRECTIVE = '$patch';
const RETAIN_KEYS = '$retainKeys';
const SET_ORDER = '$setElementOrder';
const DELETE_FROM_PRIMITIVE_LIST = '$deleteFromPrimitiveList';

/** Go's reflect type as the JSON decoder yields it: every number is one float64. */
const typeOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
const text = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));
const byText = (a: unknown, b: unknown): number => (text(a) < text(b) ? -1 : text(a) > text(b) ? 1 : 0);

function strategyOf(meta: PatchMeta): { retainKeys: boolean; strategy: string } {
  const others = meta.strategies.filter((s) => s !== 'retainKeys');
  if (others.length > 1) throw new Error(`unexpected patch strategy: ${meta.strategies.join(',')}`);
  return { retainKeys: others.length < meta.strategies.length, strategy: others[0] ?? '' };
}

function diffMaps(original: JsonRecord, modified: JsonRecord, schema: PatchSchema, opts: DiffOptions): JsonRecord {
  const patch: JsonRecord = {};
  const retainKeys: string[] = [];
  for (const [key, modifiedValue] of Object.entries(modified)) {
    if (opts.buildRetainKeys && modifiedValue !== null) retainKeys.push(key);
    if (!(key in original)) {
      if (!opts.ignoreChangesAndAdditions) patch[key] = modifiedValue;
      continue;
    }
    const originalValue = original[key];
    if (key === DIRECTIVE) {
      if (originalValue !== modifiedValue) patch[key] = modifiedValue;
      continue;
    }
    if (typeOf(originalValue) !== typeOf(modifiedValue)) {
      if (!opts.ignoreChangesAndAdditions) patch[key] = modifiedValue;
      continue;
    }
    if (isRecord(originalValue)) diffNestedMap(key, originalValue, modifiedValue as JsonRecord, patch, schema, opts);
    else if (Array.isArray(originalValue)) diffNestedList(key, originalValue, modifiedValue as unknown[], patch, schema, opts);
    else replaceIfNotEqual(key, originalValue, modifiedValue, patch, opts);
  }
  if (!opts.ignoreDeletions) for (const key of Object.keys(original)) if (!(key in modified)) patch[key] = null;
  const originalHasMore = Object.entries(original).some(([k, v]) => v !== null && !(k in modified));
  if (retainKeys.length > 0 && (Object.keys(patch).length > 0 || originalHasMore)) patch[RETAIN_KEYS] = [...retainKeys].sort(byText);
  return patch;
}

function replaceIfNotEqual(key: string, original: unknown, modified: unknown, patch: JsonRecord, opts: DiffOptions): void {
  if (opts.ignoreChangesAndAdditions || jsonEqual(original, modified)) return;
  patch[key] = modified;
}

function diffNestedMap(key: string, original: JsonRecord, modified: JsonRecord, patch: JsonRecord, schema: PatchSchema, opts: DiffOptions): void {
  const { meta, schema: sub } = schema.lookup(key);
  const { retainKeys, strategy } = strategyOf(meta);
  if (strategy === 'replace') {
    // A map the schema says to replace whole is sent whole (unchanged ones too would be a no-op on the server).
    replaceIfNotEqual(key, original, modified, patch, opts);
    return;
  }
  const value = diffMaps(original, modified, sub, { ...opts, buildRetainKeys: retainKeys });
  if (Object.keys(value).length > 0) patch[key] = value;
}

function diffNestedList(key: string, original: unknown[], modified: unknown[], patch: JsonRecord, schema: PatchSchema, opts: DiffOptions): void {
  const { meta, schema: sub } = schema.lookup(key);
  const { retainKeys, strategy } = strategyOf(meta);
  if (strategy !== 'merge') {
    replaceIfNotEqual(key, original, modified, patch, opts);
    return;
  }
  const { patchList, deleteList, setOrderList } = diffLists(original, modified, sub, meta.mergeKey ?? '', { ...opts, buildRetainKeys: retainKeys });
  if (patchList.length > 0) patch[key] = patchList;
  if (deleteList.length > 0) patch[`${DELETE_FROM_PRIMITIVE_LIST}/${key}`] = deleteList;
  if (setOrderList.length > 0) patch[`${SET_ORDER}/${key}`] = setOrderList;
}

interface ListDiff {
  patchList: unknown[];
  deleteList: unknown[];
  setOrderList: unknown[];
}

function diffLists(original: unknown[], modified: unknown[], schema: PatchSchema, mergeKey: string, opts: DiffOptions): ListDiff {
  if (original.length === 0) {
    return { patchList: modified.length === 0 || opts.ignoreChangesAndAdditions ? [] : modified, deleteList: [], setOrderList: [] };
  }
  const kinds = new Set([...original, ...modified].map(typeOf));
  if (kinds.size > 1) throw new Error(`list element types are not identical: ${JSON.stringify([original, modified])}`);
  if (kinds.has('array')) throw new Error('lists of lists are not supported');
  if (kinds.has('object')) {
    if (!mergeKey) throw new Error('cannot merge lists without merge key');
    const { patch, deletions } = diffListsOfMaps(original as JsonRecord[], modified as JsonRecord[], schema, mergeKey, opts);
    const patchList = [...orderLike(patch, modified, (v) => (v as JsonRecord)[mergeKey]), ...deletions];
    const orderSame = original.length === modified.length && modified.every((m, i) => (m as JsonRecord)[mergeKey] === (original[i] as JsonRecord)[mergeKey]);
    const wantOrder = (!opts.ignoreChangesAndAdditions && (patchList.length > 0 || !orderSame)) || (!opts.ignoreDeletions && patchList.length > 0);
    return { patchList, deleteList: [], setOrderList: wantOrder ? modified.map((m) => ({ [mergeKey]: (m as JsonRecord)[mergeKey] })) : [] };
  }
  const { additions, deletions } = diffListsOfScalars(original, modified, opts);
  const wantOrder = (!opts.ignoreDeletions && deletions.length > 0) || (!opts.ignoreChangesAndAdditions && !jsonEqual(original, modified));
  return { patchList: orderLike(additions, modified, (v) => v), deleteList: deletions, setOrderList: wantOrder ? modified : [] };
}

/** Sorts items as they stand in `order` (stable; items not found go last). */
function orderLike(items: unknown[], order: unknown[], keyOf: (v: unknown) => unknown): unknown[] {
  const index = (v: unknown): number => {
    const i = order.findIndex((o) => keyOf(o) === keyOf(v));
    return i < 0 ? order.length : i;
  };
  return [...items].sort((a, b) => index(a) - index(b));
}

function keyed(items: JsonRecord[], mergeKey: string): JsonRecord[] {
  for (const item of items) if (!(mergeKey in item)) throw new Error(`map: ${JSON.stringify(item)} does not contain declared merge key: ${mergeKey}`);
  return [...items].sort((a, b) => byText(a[mergeKey], b[mergeKey]));
}

function diffListsOfMaps(original: JsonRecord[], modified: JsonRecord[], schema: PatchSchema, mergeKey: string, opts: DiffOptions): { patch: JsonRecord[]; deletions: JsonRecord[] } {
  const patch: JsonRecord[] = [];
  const deletions: JsonRecord[] = [];
  const o = keyed(original, mergeKey);
  const m = keyed(modified, mergeKey);
  let i = 0;
  let j = 0;
  while (i < o.length || j < m.length) {
    const cmp = i >= o.length ? 1 : j >= m.length ? -1 : byText(o[i][mergeKey], m[j][mergeKey]);
    if (cmp === 0) {
      const value = diffMaps(o[i], m[j], schema, opts);
      if (Object.keys(value).length > 0) patch.push({ ...value, [mergeKey]: m[j][mergeKey] });
      i++;
      j++;
    } else if (cmp > 0) {
      if (!opts.ignoreChangesAndAdditions) patch.push(m[j]);
      j++;
    } else {
      if (!opts.ignoreDeletions) deletions.push({ [DIRECTIVE]: 'delete', [mergeKey]: o[i][mergeKey] });
      i++;
    }
  }
  return { patch, deletions };
}

function diffListsOfScalars(original: unknown[], modified: unknown[], opts: DiffOptions): { additions: unknown[]; deletions: unknown[] } {
  const o = [...original].sort(byText);
  const m = [...modified].sort(byText);
  const additions: unknown[] = [];
  const deletions: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < o.length || j < m.length) {
    const cmp = i >= o.length ? 1 : j >= m.length ? -1 : byText(o[i], m[j]);
    if (cmp === 0) {
      i++;
      j++;
    } else if (cmp > 0) {
      if (!opts.ignoreChangesAndAdditions) additions.push(m[j]);
      j++;
    } else {
      if (!opts.ignoreDeletions && !deletions.some((d) => jsonEqual(d, o[i]))) deletions.push(o[i]);
      i++;
    }
  }
  return { additions, deletions };
}

/** Merges the additions-and-changes patch into the deletions patch (neither holds a conflicting value). */
function mergePatches(base: JsonRecord, extra: JsonRecord, schema: PatchSchema): JsonRecord {
  const out: JsonRecord = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const current = out[key];
    if (!(key in out) || key.startsWith('$')) out[key] = value;
    else if (isRecord(current) && isRecord(value)) out[key] = mergePatches(current, value, schema.lookup(key).schema);
    else if (Array.isArray(current) && Array.isArray(value)) out[key] = mergeLists(current, value, schema.lookup(key));
    else out[key] = value;
  }
  return out;
}

function mergeLists(base: unknown[], extra: unknown[], { meta, schema }: { meta: PatchMeta; schema: PatchSchema }): unknown[] {
  const key = meta.mergeKey;
  if (!key || !extra.every(isRecord) || !base.every(isRecord)) return [...extra, ...base.filter((b) => !extra.some((e) => jsonEqual(b, e)))];
  const merged: unknown[] = extra.map((e) => {
    const same = base.find((b) => b[key] === e[key] && b[DIRECTIVE] === undefined);
    return same ? mergePatches(same, e, schema) : e;
  });
  return [...merged, ...base.filter((b) => !extra.some((e) => e[key] === b[key]))];
}

/**
 * The strategic merge patch kubectl apply sends: `original` is the last-applied configuration
 * (empty when the object has none), `modified` the desired object (carrying the new annotation),
 * `current` the live object. Overwrites what others changed in fields git sets, as kubectl
 * apply's default (--overwrite) does.
 */
export function threeWayStrategicPatch(original: JsonRecord, modified: JsonRecord, current: JsonRecord, schema: PatchSchema): JsonRecord {
  const delta = diffMaps(current, modified, schema, { ignoreDeletions: true, ignoreChangesAndAdditions: false, buildRetainKeys: false });
  const deletions = diffMaps(original, modified, schema, { ignoreDeletions: false, ignoreChangesAndAdditions: true, buildRetainKeys: false });
  return mergePatches(deletions, delta, schema);
}
