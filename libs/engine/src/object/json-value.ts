// Type guards and readers for untyped Kubernetes JSON, so the engine never needs `any`.

export type JsonRecord = Record<string, unknown>;

export const isRecord = (v: unknown): v is JsonRecord => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads a nested field; undefined when any step is missing or of the wrong shape. */
export function getIn(obj: unknown, ...path: (string | number)[]): unknown {
  let cur: unknown = obj;
  for (const step of path) {
    if (typeof step === 'number') {
      if (!Array.isArray(cur)) return undefined;
      cur = cur[step];
    } else {
      if (!isRecord(cur)) return undefined;
      cur = cur[step];
    }
  }
  return cur;
}

export const asString = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
export const asNumber = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
export const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const asRecords = (v: unknown): JsonRecord[] => asArray(v).filter(isRecord);

/** Kubernetes status counters are omitted when zero. */
export const countOf = (obj: unknown, ...path: string[]): number => asNumber(getIn(obj, ...path)) ?? 0;

export const clone = <T>(v: T): T => structuredClone(v);

/** Structural equality of JSON values (key order does not matter). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => k in b && jsonEqual(a[k], b[k]));
  }
  return false;
}
