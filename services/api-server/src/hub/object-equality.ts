import type { ObjectMeta } from '@flotilla/api-types';

type SpecObject = { metadata?: ObjectMeta; spec?: unknown };

/** JSON with object keys sorted, so equal documents compare equal whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  }
  return value;
}

const orEmpty = (v: Record<string, string> | undefined): Record<string, string> => v ?? {};

/** What decides whether re-creating an object changes it (Argo's upsert check): spec, labels, annotations, finalizers. */
export function sameObjectSpec(a: SpecObject, b: SpecObject): boolean {
  return (
    canonicalJson(a.spec ?? {}) === canonicalJson(b.spec ?? {}) &&
    canonicalJson(orEmpty(a.metadata?.labels)) === canonicalJson(orEmpty(b.metadata?.labels)) &&
    canonicalJson(orEmpty(a.metadata?.annotations)) === canonicalJson(orEmpty(b.metadata?.annotations)) &&
    canonicalJson(a.metadata?.finalizers ?? []) === canonicalJson(b.metadata?.finalizers ?? [])
  );
}
