/** JSON value helpers shared by the managedFields and server-side apply walkers. */

export type JsonObject = Record<string, unknown>;

export function isPlainObject(v: unknown): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Own entries whose value is not `undefined` (JSON has no undefined; JS objects may). */
export function presentEntries(obj: JsonObject): Array<[string, unknown]> {
  return Object.entries(obj).filter(([, v]) => v !== undefined);
}

export function hasField(obj: JsonObject, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key) && obj[key] !== undefined;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = presentEntries(a);
    if (ka.length !== presentEntries(b).length) return false;
    return ka.every(([k, v]) => hasField(b, k) && deepEqual(v, b[k]));
  }
  return false;
}

/** JSON with object keys sorted, so equal values always serialise to equal text. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (isPlainObject(v)) {
    const keys = presentEntries(v).map(([k]) => k).sort(compareStrings);
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(v[k])}`).join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

/** Go's encoding/json output for an unstructured map: sorted keys and HTML-safe escapes. */
export function goJson(v: unknown): string {
  return canonicalJson(v).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const typeRank = (v: unknown): number => {
  if (typeof v === 'number') return 0;
  if (typeof v === 'string') return 1;
  if (typeof v === 'boolean') return 2;
  if (Array.isArray(v)) return 3;
  if (isPlainObject(v)) return 4;
  return 5;
};

/** structured-merge-diff's total order on values: numbers < strings < booleans < lists < maps < null. */
export function compareValues(a: unknown, b: unknown): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === 'number') return Math.sign(a - (b as number));
  if (typeof a === 'string') return compareStrings(a, b as string);
  if (typeof a === 'boolean') return Number(a) - Number(b);
  if (Array.isArray(a)) return compareSequences(a, b as unknown[], compareValues);
  if (isPlainObject(a)) return compareFieldLists(sortedEntries(a), sortedEntries(b as JsonObject));
  return 0;
}

export function sortedEntries(obj: JsonObject): Array<[string, unknown]> {
  return presentEntries(obj).sort(([x], [y]) => compareStrings(x, y));
}

/** Orders key field lists by name, then value, field by field; the shorter list sorts first. */
export function compareFieldLists(a: Array<[string, unknown]>, b: Array<[string, unknown]>): number {
  return compareSequences(a, b, ([na, va], [nb, vb]) => compareStrings(na, nb) || compareValues(va, vb));
}

function compareSequences<T>(a: readonly T[], b: readonly T[], cmp: (x: T, y: T) => number): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = cmp(a[i], b[i]);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

/** The way structured-merge-diff prints a value inside a path: strings quoted, numbers bare. */
export function valueToString(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(valueToString).join(',')}]`;
  if (isPlainObject(v)) return sortedEntries(v).map(([k, x]) => `${k}=${valueToString(x)}`).join('');
  return typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' ? String(v) : JSON.stringify(v);
}

/** Removes `null` map entries, as decoding into Go structs (or CRD pruning) would. */
export function withoutNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutNulls);
  if (!isPlainObject(v)) return v;
  const out: JsonObject = {};
  for (const [k, x] of presentEntries(v)) if (x !== null) out[k] = withoutNulls(x);
  return out;
}
