// jq's `delpaths(PATHS)` (src/jv_aux.c), in place: paths are sorted and grouped by their first step,
// so deleting `.a[0]` and `.a[2]` removes both of the original elements, whatever the order given.
import { isRecord, jsonEqual } from '../object/json-value';
import type { JqPath, JqPathStep } from './jq-evaluator';

type Slice = { start?: number | null; end?: number | null };

const kindRank = (v: unknown): number =>
  v === null || v === undefined ? 0 : v === false ? 1 : v === true ? 2 : typeof v === 'number' ? 3 : typeof v === 'string' ? 4 : Array.isArray(v) ? 5 : 6;

/** jq's total order of JSON values: null < false < true < numbers < strings < arrays < objects. */
export function jqCompare(a: unknown, b: unknown): number {
  const ka = kindRank(a);
  const kb = kindRank(b);
  if (ka !== kb) return ka - kb;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const c = jqCompare(a[i], b[i]);
      if (c !== 0) return c;
    }
    return a.length - b.length;
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = jqCompare(Object.keys(a).sort(), Object.keys(b).sort());
    if (keys !== 0) return keys;
    for (const k of Object.keys(a).sort()) {
      const c = jqCompare(a[k], b[k]);
      if (c !== 0) return c;
    }
  }
  return 0;
}

/** The indices a slice covers in an array of `length`, as jq resolves `.[start:end]`. */
function sliceIndices(slice: Slice, length: number): number[] {
  const clamp = (n: number): number => Math.min(Math.max(n < 0 ? n + length : n, 0), length);
  const start = clamp(Math.floor(slice.start ?? 0));
  const end = Math.max(clamp(Math.ceil(slice.end ?? length)), start);
  return Array.from({ length: end - start }, (_, i) => start + i);
}

/** jq's jv_dels: removes keys of an object, or indices and slices of an array, all at once. */
function deleteKeys(target: unknown, keys: JqPathStep[]): void {
  if (Array.isArray(target)) {
    const doomed = new Set<number>();
    for (const key of keys) {
      if (typeof key === 'number') doomed.add(key < 0 ? Math.floor(key) + target.length : Math.floor(key));
      else if (isRecord(key)) sliceIndices(key, target.length).forEach((i) => doomed.add(i));
    }
    const kept: unknown[] = target.filter((_, i) => !doomed.has(i));
    target.splice(0, target.length, ...kept);
  } else if (isRecord(target)) {
    for (const key of keys) if (typeof key === 'string') delete target[key];
  }
}

function childOf(target: unknown, step: JqPathStep): unknown {
  if (typeof step === 'string') return isRecord(target) ? target[step] : undefined;
  if (typeof step === 'number' && Array.isArray(target)) return target[step < 0 ? step + target.length : step];
  return undefined; // a path through a slice deletes nothing deeper, as jq cannot set into it in place
}

function deleteSorted(target: unknown, paths: JqPath[], depth: number): void {
  const wholeKeys: JqPathStep[] = [];
  for (let i = 0; i < paths.length; ) {
    const key = paths[i][depth];
    let j = i;
    while (j < paths.length && jsonEqual(paths[j][depth], key)) j++;
    // A path that ends here deletes the whole key; longer ones under it no longer matter.
    if (paths[i].length === depth + 1) wholeKeys.push(key);
    else {
      const child = childOf(target, key);
      if (typeof child === 'object' && child !== null) deleteSorted(child, paths.slice(i, j), depth + 1);
    }
    i = j;
  }
  deleteKeys(target, wholeKeys);
}

/** Deletes every path from `doc` in place; the empty path (the whole document) is not deleted. */
export function deletePaths(doc: unknown, paths: JqPath[]): void {
  const sorted = paths.filter((p) => p.length > 0).sort(jqCompare);
  if (sorted.length > 0) deleteSorted(doc, sorted, 0);
}
