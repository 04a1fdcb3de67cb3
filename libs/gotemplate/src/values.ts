// Go's value model over JS values.
//   undefined → an invalid reflect.Value (a missing map key: prints "<no value>")
//   null → nil interface;  string → string;  boolean → bool;  number → float64
//   GoInt → int/int64/…;  array → []interface{} (or a typed slice, see typedSlice)
//   plain object → map[string]interface{} (or a typed map);  function → func value
//   GoTime → time.Time;  other class instances → structs (own properties are fields, prototype
//   functions are methods).

export type IntKind = 'int' | 'int8' | 'int16' | 'int32' | 'int64' | 'uint' | 'uint8' | 'uint16' | 'uint32' | 'uint64';

/** A Go integer. Plain JS numbers are float64, as Go's encoding/json decodes them. */
export class GoInt {
  constructor(readonly n: number, readonly kind: IntKind = 'int') {}
  valueOf(): number {
    return this.n;
  }
  toString(): string {
    return String(this.n);
  }
}

export const goInt = (n: number, kind: IntKind = 'int'): GoInt => new GoInt(Math.trunc(n), kind);
export const int64 = (n: number): GoInt => new GoInt(wrapInt64(n), 'int64');

export function wrapInt64(n: number): number {
  if (!Number.isFinite(n)) return n !== n ? -(2 ** 63) : n > 0 ? -(2 ** 63) : -(2 ** 63);
  const t = Math.trunc(n);
  if (Number.isSafeInteger(t)) return t;
  return Number(BigInt.asIntN(64, BigInt(t)));
}

const TYPE = Symbol('goType');
type Tagged = { [TYPE]?: string };

/** Marks an array as a typed Go slice, e.g. typedSlice(['a'], 'string') is a []string. */
export function typedSlice<T extends unknown[]>(arr: T, elem: string): T {
  (arr as Tagged)[TYPE] = `[]${elem}`;
  return arr;
}

/** Marks a plain object as a typed Go map, e.g. map[string]string. */
export function typedMap<T extends object>(obj: T, type: string): T {
  Object.defineProperty(obj, TYPE, { value: type, enumerable: false, configurable: true });
  return obj;
}

export type GoMap = Record<string, unknown>;

export function isMap(v: unknown): v is GoMap {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const p = Object.getPrototypeOf(v) as unknown;
  return p === Object.prototype || p === null;
}

export function isStruct(v: unknown): v is object {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !isMap(v) && !(v instanceof GoInt)
    && !(v instanceof GoTime) && !(v instanceof Uint8Array);
}

export const hasKey = (m: GoMap, k: string): boolean => Object.prototype.hasOwnProperty.call(m, k);

export const mapKeys = (m: GoMap): string[] => Object.keys(m).sort(compareStrings);

/** Go compares strings bytewise; for UTF-16 this matches except for astral/BMP-high ordering. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * time.Time: epoch milliseconds plus extra nanoseconds, and a fixed zone: its abbreviation, offset and
 * the name of its *time.Location (undefined: Local, which is UTC here).
 */
export class GoTime {
  constructor(
    readonly ms: number,
    readonly nanos = 0,
    readonly zone: { name: string; offsetSeconds: number; location?: string } = { name: 'UTC', offsetSeconds: 0 },
  ) {}
}

export function sliceElemType(v: unknown[]): string {
  return (v as Tagged)[TYPE]?.slice(2) ?? 'interface {}';
}

export function mapType(v: GoMap): string {
  return (v as Tagged)[TYPE] ?? 'map[string]interface {}';
}

export type Kind =
  | 'invalid' | 'bool' | 'string' | 'float64' | IntKind | 'slice' | 'map' | 'func' | 'struct' | 'ptr' | 'interface';

/** A class may name its Go type: `static goType = '*semver.Version'` (a pointer) or 'sprig.certificate' (a value). */
export function declaredType(v: object): string | undefined {
  return (v.constructor as { goType?: string } | undefined)?.goType;
}

export function kindOf(v: unknown): Kind {
  switch (typeof v) {
    case 'undefined': return 'invalid';
    case 'string': return 'string';
    case 'boolean': return 'bool';
    case 'number': return 'float64';
    case 'function': return 'func';
    case 'bigint': return 'int64';
  }
  if (v === null) return 'invalid';
  if (v instanceof GoInt) return v.kind;
  if (Array.isArray(v) || v instanceof Uint8Array) return 'slice';
  if (isMap(v)) return 'map';
  if (v instanceof GoTime) return 'struct';
  const d = declaredType(v as object);
  return d !== undefined && !d.startsWith('*') ? 'struct' : 'ptr';
}

export function typeName(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (v instanceof Uint8Array) return '[]uint8';
  if (Array.isArray(v)) return '[]' + sliceElemType(v);
  if (isMap(v)) return mapType(v);
  if (v instanceof GoTime) return 'time.Time';
  if (typeof v === 'function') return 'func(...interface {}) interface {}';
  const k = kindOf(v);
  const d = typeof v === 'object' ? declaredType(v) : undefined;
  if (d !== undefined) return d;
  if (k === 'ptr') return `*main.${(v as { constructor?: { name?: string } }).constructor?.name ?? 'struct'}`;
  return k;
}

export const isIntKind = (k: Kind): k is IntKind => k.startsWith('int') || k.startsWith('uint');

/** Go's template truth: (truth, ok). */
export function isTrue(v: unknown): [boolean, boolean] {
  if (v === undefined || v === null) return [false, true];
  switch (typeof v) {
    case 'string': return [v.length > 0, true];
    case 'boolean': return [v, true];
    case 'number': return [v !== 0, true];
    case 'function': return [true, true];
  }
  if (v instanceof GoInt) return [v.n !== 0, true];
  if (Array.isArray(v)) return [v.length > 0, true];
  if (v instanceof Uint8Array) return [v.length > 0, true];
  if (isMap(v)) return [Object.keys(v).length > 0, true];
  return [true, true];
}

/** A number as float64 or int; undefined if not numeric. */
export function numericValue(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (v instanceof GoInt) return v.n;
  return undefined;
}
