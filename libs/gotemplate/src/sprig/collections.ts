// Sprig's list and dict functions.
import { eq } from '../exec/builtins';
import { GoInt, type GoMap, hasKey, isMap, kindOf, mapKeys, typeName, typedSlice } from '../values';
import { asList, empty, strval, toInt64 } from './conv';

const deepEqual = (a: unknown, b: unknown): boolean => {
  if (a instanceof GoInt && b instanceof GoInt) return a.n === b.n && a.kind === b.kind;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isMap(a) && isMap(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => hasKey(b, k) && deepEqual(a[k], b[k]));
  }
  return a === b;
};
export { deepEqual };

function mustList(fn: string, v: unknown): unknown[] {
  const l = asList(v);
  if (!l) {
    if (v === null || v === undefined) throw new Error('runtime error: invalid memory address or nil pointer dereference');
    const k = v === null || v === undefined ? 'invalid' : kindOf(v);
    if (fn === 'slice') throw new Error(`list should be type of slice or array but ${k}`);
    if (fn === 'chunk') throw new Error(`Cannot chunk type ${k}`);
    throw new Error(`Cannot ${fn} on type ${k}`);
  }
  return l;
}

export const list = (...v: unknown[]): unknown[] => v;

export function dict(...v: unknown[]): GoMap {
  const m: GoMap = {};
  for (let i = 0; i < v.length; i += 2) m[strval(v[i])] = i + 1 < v.length ? v[i + 1] : '';
  return m;
}

export const get = (d: GoMap, k: string): unknown => (hasKey(d, k) ? d[k] : '');
export const set = (d: GoMap, k: string, v: unknown): GoMap => ((d[k] = v), d);
export const unset = (d: GoMap, k: string): GoMap => (delete d[k], d);
export const hasKeyFn = (d: GoMap, k: string): boolean => hasKey(d, k);
export const pluck = (k: string, ...ds: GoMap[]): unknown[] => ds.filter((d) => hasKey(d, k)).map((d) => d[k]);
export const keys = (...ds: GoMap[]): string[] => typedSlice(ds.flatMap((d) => Object.keys(d)), 'string');
export const values = (d: GoMap): unknown[] => Object.values(d);
export function pick(d: GoMap, ...ks: string[]): GoMap {
  const m: GoMap = {};
  for (const k of ks) if (hasKey(d, k)) m[k] = d[k];
  return m;
}
export function omit(d: GoMap, ...ks: string[]): GoMap {
  const m: GoMap = {};
  for (const k of Object.keys(d)) if (!ks.includes(k)) m[k] = d[k];
  return m;
}

function deepMerge(dst: GoMap, src: GoMap, overwrite: boolean): void {
  for (const k of Object.keys(src)) {
    const sv = src[k];
    if (!hasKey(dst, k)) dst[k] = sv;
    else if (isMap(dst[k]) && isMap(sv)) deepMerge(dst[k], sv, overwrite);
    else if (overwrite || empty(dst[k])) dst[k] = sv;
  }
}
export function merge(dst: GoMap, ...srcs: GoMap[]): GoMap {
  for (const s of srcs) deepMerge(dst, s, false);
  return dst;
}
export function mergeOverwrite(dst: GoMap, ...srcs: GoMap[]): GoMap {
  for (const s of srcs) deepMerge(dst, s, true);
  return dst;
}

export function dig(...ps: unknown[]): unknown {
  if (ps.length < 3) throw new Error('dig needs at least three arguments');
  const d = ps[ps.length - 1] as GoMap;
  const def = ps[ps.length - 2];
  const ks = ps.slice(0, -2).map((k) => k as string);
  let cur: unknown = d;
  for (const k of ks) {
    if (!isMap(cur) || !hasKey(cur, k)) return def;
    cur = cur[k];
  }
  return cur;
}

export function deepCopy(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(deepCopy);
  if (isMap(v)) {
    const m: GoMap = {};
    for (const k of Object.keys(v)) m[k] = deepCopy(v[k]);
    return m;
  }
  return v;
}

export const mustPush = (l: unknown, v: unknown): unknown[] => [...mustList('push', l), v];
export const mustPrepend = (l: unknown, v: unknown): unknown[] => [v, ...mustList('prepend', l)];
export const mustFirst = (l: unknown): unknown => {
  const a = mustList('find first', l);
  return a.length === 0 ? null : a[0];
};
export const mustLast = (l: unknown): unknown => {
  const a = mustList('find last', l);
  return a.length === 0 ? null : a[a.length - 1];
};
export const mustRest = (l: unknown): unknown => {
  const a = mustList('find rest', l);
  return a.length === 0 ? null : a.slice(1);
};
export const mustInitial = (l: unknown): unknown => {
  const a = mustList('find initial', l);
  return a.length === 0 ? null : a.slice(0, -1);
};
export const mustReverse = (l: unknown): unknown[] => [...mustList('find reverse', l)].reverse();
export const mustCompact = (l: unknown): unknown[] => mustList('compact', l).filter((x) => !empty(x));
export function mustUniq(l: unknown): unknown[] {
  const out: unknown[] = [];
  for (const x of mustList('find uniq', l)) if (!out.some((y) => deepEqual(x, y))) out.push(x);
  return out;
}
export const mustWithout = (l: unknown, ...omit: unknown[]): unknown[] =>
  mustList('find without', l).filter((x) => !omit.some((o) => deepEqual(x, o)));
export function mustHas(needle: unknown, hay: unknown): boolean {
  if (hay === null || hay === undefined) return false;
  return mustList('find has', hay).some((x) => deepEqual(x, needle));
}
export function mustSlice(l: unknown, ...idx: unknown[]): unknown {
  const a = mustList('slice', l);
  const n = a.length;
  if (n === 0) return null;
  const start = idx.length > 0 ? toInt64(idx[0]) : 0;
  const end = idx.length > 1 ? toInt64(idx[1]) : n;
  return a.slice(start, end);
}
export function concat(...lists: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const l of lists) {
    const a = asList(l);
    if (!a) throw new Error(`Cannot concat type ${typeName(l)} as list`);
    // A loop, not push(...a): spreading a list of a few hundred thousand overflows the stack.
    for (const x of a) out.push(x);
  }
  return out;
}
export function mustChunk(size: number, l: unknown): unknown[][] {
  const a = mustList('chunk', l);
  const out: unknown[][] = [];
  for (let i = 0; i < a.length; i += size) out.push(a.slice(i, i + size));
  return out;
}
export function sortAlpha(l: unknown): string[] {
  const a = asList(l);
  if (!a) return typedSlice([strval(l)], 'string');
  return typedSlice(a.map(strval).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)), 'string');
}

/** Non-must variants panic; the panic message surfaces as the call error. */
export const lenient = <A extends unknown[], R>(fn: (...a: A) => R) => (...a: A): R => fn(...a);
export { eq, mapKeys };
