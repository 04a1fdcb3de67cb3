// What live would look like after applying desired: a three-way merge of live, desired and last-applied.
// Fields desired does not mention stay as live has them (server defaults), fields last-applied had but
// desired dropped are removed, and equivalent values (quantities, null vs absent) keep live's spelling.
import { clone, isRecord, jsonEqual, type JsonRecord } from '../object/json-value';
import { listMergeKey } from './list-merge-key';
import { isQuantityPath, quantitiesEqual } from './quantity';

type Path = readonly (string | number)[];

const isEmpty = (v: unknown): boolean => (Array.isArray(v) && v.length === 0) || (isRecord(v) && Object.keys(v).length === 0);

function leafEqual(live: unknown, desired: unknown, path: Path): boolean {
  if (jsonEqual(live, desired)) return true;
  return isQuantityPath(path) && quantitiesEqual(live, desired);
}

function mergeRecord(live: unknown, desired: JsonRecord, last: unknown, path: Path): JsonRecord | undefined {
  const out: JsonRecord = isRecord(live) ? clone(live) : {};
  for (const [k, d] of Object.entries(desired)) {
    const merged = mergeValue(out[k], d, isRecord(last) ? last[k] : undefined, [...path, k]);
    if (merged === undefined) delete out[k];
    else out[k] = merged;
  }
  if (isRecord(last)) {
    for (const k of Object.keys(last)) if (!(k in desired)) delete out[k];
  }
  // An empty map or list the server would not keep is the same as no field at all.
  return !isRecord(live) && Object.keys(out).length === 0 ? undefined : out;
}

function mergeKeyedList(
  live: unknown[],
  desired: unknown[],
  last: unknown,
  path: Path,
  key: (i: JsonRecord) => string | undefined,
): unknown[] {
  const keyOf = (item: unknown): string | undefined => (isRecord(item) ? key(item) : undefined);
  const desiredByKey = new Map(desired.map((d) => [keyOf(d), d] as const));
  const lastByKey = new Map((Array.isArray(last) ? last : []).map((l) => [keyOf(l), l] as const));
  const out: unknown[] = [];
  const matched = new Set<string | undefined>();
  live.forEach((item, i) => {
    const k = keyOf(item);
    if (desiredByKey.has(k)) {
      matched.add(k);
      out.push(mergeValue(item, desiredByKey.get(k), lastByKey.get(k), [...path, i]) ?? {});
    } else if (k === undefined || !lastByKey.has(k)) {
      out.push(item); // added by the server or someone else: not ours to remove
    }
  });
  desired.forEach((d, i) => {
    if (!matched.has(keyOf(d))) out.push(mergeValue(undefined, d, lastByKey.get(keyOf(d)), [...path, live.length + i]) ?? {});
  });
  return out;
}

function mergeList(live: unknown, desired: unknown[], last: unknown, path: Path): unknown[] | undefined {
  if (!Array.isArray(live))
    return desired.length === 0 ? undefined : desired.map((d, i) => mergeValue(undefined, d, undefined, [...path, i]) ?? {});
  const key = listMergeKey(path[path.length - 1], desired, live);
  if (key) return mergeKeyedList(live, desired, last, path, key);
  // Atomic lists of the same length merge item by item, so server-defaulted fields inside items do not count.
  if (live.length === desired.length) {
    const lastItems = Array.isArray(last) && last.length === desired.length ? last : [];
    return desired.map((d, i) => mergeValue(live[i], d, lastItems[i], [...path, i]) ?? (isRecord(d) ? {} : null));
  }
  return desired.map((d, i) => mergeValue(undefined, d, undefined, [...path, i]) ?? {});
}

/** The merged value at one path; undefined means the field is absent. */
export function mergeValue(live: unknown, desired: unknown, last: unknown, path: Path): unknown {
  if (desired === null || desired === undefined) return undefined;
  if (isRecord(desired)) return mergeRecord(live, desired, last, path);
  if (Array.isArray(desired))
    return isEmpty(desired) && (live === undefined || isEmpty(live)) ? live : mergeList(live, desired, last, path);
  return leafEqual(live, desired, path) ? live : desired;
}

/** The predicted live object; `lastApplied` is what was applied before, if known. */
export function predictLive(live: JsonRecord, desired: JsonRecord, lastApplied?: JsonRecord): JsonRecord {
  return mergeRecord(live, desired, lastApplied, []) ?? {};
}
