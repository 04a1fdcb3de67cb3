import { SchemaNode } from '../schema/schema-node';

export type Json = Record<string, unknown>;

/**
 * A strategic merge patch kube-apiserver refuses. `code` is the HTTP status the server answers
 * with: 400 for malformed directive lists, 422 for lists of lists, 500 (a plain error, reason
 * unknown) for everything else, as apiserver's interpretStrategicMergePatchError does.
 */
export class StrategicMergePatchError extends Error {
  constructor(
    message: string,
    readonly code: 400 | 422 | 500 = 500,
  ) {
    super(message);
    this.name = 'StrategicMergePatchError';
  }
}

export const PATCH = '$patch';
export const RETAIN_KEYS = '$retainKeys';
export const SET_ORDER = '$setElementOrder';
export const DELETE_PRIMITIVE = '$deleteFromPrimitiveList';

export const isMap = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
export const has = (obj: Json, key: string): boolean => Object.prototype.hasOwnProperty.call(obj, key);

/** Plain assignment would turn a `__proto__` key from the wire into a prototype change. */
export function setKey(obj: Json, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

export const errors = {
  noMergeKey: (m: Json, key: string) => new StrategicMergePatchError(`map: ${goFormat(m)} does not contain declared merge key: ${key}`),
  badPatchType: (t: unknown, m: Json) => new StrategicMergePatchError(`unknown patch type: ${goFormat(t)} in map: ${goFormat(m)}`),
  badArgType: (expected: string, actual: unknown) =>
    new StrategicMergePatchError(`expected a ${expected}, but received a ${goType(actual)}`),
  primitiveListFormat: () => new StrategicMergePatchError('invalid patch format of primitive list', 400),
  retainKeysFormat: () => new StrategicMergePatchError('invalid patch format of retainKeys', 400),
  setElementOrderFormat: () => new StrategicMergePatchError('invalid patch format of setElementOrder list', 400),
  listOfLists: () => new StrategicMergePatchError('lists of lists are not supported', 422),
};

export const GO_MAP = 'map[string]interface {}';
export const GO_LIST = '[]interface {}';

/** Go's reflect type name of a decoded JSON value, as apimachinery's messages print it. */
export function goType(v: unknown): string {
  if (v === null || v === undefined) return '%!s(<nil>)';
  if (Array.isArray(v)) return GO_LIST;
  if (isMap(v)) return GO_MAP;
  if (typeof v === 'number') return 'float64';
  return typeof v;
}

/** Go's `%v` of a decoded JSON value: `map[k:v ...]` with sorted keys, `[a b]`, `<nil>`. */
export function goFormat(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goFormat).join(' ')}]`;
  if (isMap(v))
    return `map[${Object.keys(v)
      .sort()
      .map((k) => `${k}:${goFormat(v[k])}`)
      .join(' ')}]`;
  if (typeof v === 'number') return goNumber(v);
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** `%v` of a float64 switches to exponent form from 1e+06 on and below 1e-04. */
function goNumber(n: number): string {
  if (n === 0 || !Number.isFinite(n)) return String(n);
  const [mantissa, exp] = n.toExponential().split('e');
  const e = Number(exp);
  if (e >= -4 && e < 6) return String(n);
  return `${mantissa}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

/** The field a `$setElementOrder/<field>` or `$deleteFromPrimitiveList/<field>` key is about. */
export function directiveField(key: string, prefix: string): string | undefined {
  if (!key.startsWith(prefix)) return undefined;
  const slash = key.indexOf('/');
  if (slash < 0 || key.slice(0, slash) !== prefix) {
    throw prefix === SET_ORDER ? errors.setElementOrderFormat() : errors.primitiveListFormat();
  }
  return key.slice(slash + 1);
}

const isDirectiveKey = (k: string): boolean =>
  k === PATCH || k === RETAIN_KEYS || k.startsWith(SET_ORDER) || k.startsWith(DELETE_PRIMITIVE);

export const DROPPED = Symbol('dropped');

/**
 * A patch value taken as is (the live object has nothing to merge it with): maps that carry
 * `$patch` vanish, as apimachinery's removeDirectives does, `null` fields are discarded, and
 * no other directive key survives into the stored object.
 */
export function fresh(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fresh).filter((v) => v !== DROPPED);
  if (!isMap(value)) return value;
  if (has(value, PATCH)) return DROPPED;
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === null || isDirectiveKey(k)) continue;
    const kept = fresh(v);
    if (kept !== DROPPED) setKey(out, k, kept);
  }
  return out;
}

export interface PatchMeta {
  /** `merge`: lists merge (by merge key for maps, as a set for primitives). */
  merge: boolean;
  /** `replace`: the field is always replaced, never merged. */
  replace: boolean;
  mergeKey?: string;
}

/** Reads `x-kubernetes-patch-strategy`; `retainKeys` only matters through the `$retainKeys` directive. */
export function patchMeta(node: SchemaNode | undefined): PatchMeta {
  const raw = node?.['x-kubernetes-patch-strategy'];
  const strategies = raw ? raw.split(',').map((s) => s.trim()) : [];
  const others = strategies.filter((s) => s !== 'retainKeys');
  if (strategies.length > 2 || others.length > 1)
    throw new StrategicMergePatchError(`unexpected patch strategy: [${strategies.join(' ')}]`);
  return { merge: others[0] === 'merge', replace: others[0] === 'replace', mergeKey: node?.['x-kubernetes-patch-merge-key'] };
}

/** The schema of a map's field: a declared property, else the map's value schema (labels etc.). */
export function childSchema(node: SchemaNode | undefined, key: string): SchemaNode | undefined {
  if (!node) return undefined;
  const props = node.properties;
  if (props && has(props, key)) return props[key];
  return typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined;
}
