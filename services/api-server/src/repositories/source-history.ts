import type { Application, ApplicationSource } from '@flotilla/api-types';

/** A JSON value with what Go's encoding leaves out as zero (empty strings, false, 0, empty lists and maps) removed. */
function withoutZeros(v: unknown): unknown {
  if (Array.isArray(v)) return v.length ? v.map(withoutZeros) : undefined;
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      const kept = withoutZeros(x);
      if (kept !== undefined) out[k] = kept;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return v === '' || v === false || v === 0 || v === null ? undefined : v;
}

/** Sorted-key JSON, so two sources compare equal whatever order their fields came in. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/** ApplicationSource.Equals: field by field, where a field left out and its zero value are the same. */
export const sameSource = (a: ApplicationSource | undefined, b: ApplicationSource | undefined): boolean => canonical(withoutZeros(a)) === canonical(withoutZeros(b));

/**
 * Argo's isSourceInHistory: the source is one the app has now, or one it was synced to (a history
 * entry's source with its synced revision as targetRevision; for several sources, the entry with
 * id `versionId` and its source at `index`).
 */
export function sourceInHistory(app: Application, source: ApplicationSource, index: number, versionId: number): boolean {
  const current = app.spec.sources?.length ? app.spec.sources : app.spec.source ? [app.spec.source] : [];
  if (current.some((s) => sameSource(s, source))) return true;
  for (const h of app.status?.history ?? []) {
    if (h.sources?.length) {
      if (h.id !== versionId || !h.revisions || !h.sources[index]) continue;
      if (sameSource({ ...h.sources[index], targetRevision: h.revisions[index] }, source)) return true;
    } else if (h.source && sameSource({ ...h.source, targetRevision: h.revision }, source)) {
      return true;
    }
  }
  return false;
}
