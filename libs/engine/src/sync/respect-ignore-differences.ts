// Sync option RespectIgnoreDifferences=true: what spec.ignoreDifferences leaves out of the
// comparison is also left alone by a sync — the applied object carries the live values there
// (an HPA's replicas, an injected sidecar), instead of resetting them to git's.
// https://argo-cd.readthedocs.io/en/stable/user-guide/sync-options/#respect-ignore-difference-configs
import type { KubeObject, ResourceIgnoreDifferences, ResourceRef } from '@flotilla/api-types';
import { deletePointer, ruleApplies } from '../diff/ignore-differences';
import { clone, type JsonRecord } from '../object/json-value';

const unescape = (s: string): string => s.replace(/~1/g, '/').replace(/~0/g, '~');

function valueAt(doc: unknown, parts: string[]): { found: boolean; value?: unknown } {
  let cur: unknown = doc;
  for (const part of parts) {
    if (Array.isArray(cur)) {
      const i = Number(part);
      if (!Number.isInteger(i) || i < 0 || i >= cur.length) return { found: false };
      cur = cur[i];
    } else if (cur && typeof cur === 'object' && part in cur) {
      cur = (cur as JsonRecord)[part];
    } else {
      return { found: false };
    }
  }
  return { found: true, value: cur };
}

/** Sets a value at a pointer, creating the maps on the way; an array index must already exist. */
function setAt(doc: JsonRecord, parts: string[], value: unknown): void {
  let cur: unknown = doc;
  for (const [i, part] of parts.entries()) {
    const last = i === parts.length - 1;
    if (Array.isArray(cur)) {
      const idx = Number(part);
      if (!Number.isInteger(idx) || idx < 0 || idx >= cur.length) return;
      if (last) cur[idx] = clone(value);
      else cur = cur[idx];
    } else if (cur && typeof cur === 'object') {
      const rec = cur as JsonRecord;
      if (last) rec[part] = clone<JsonRecord[string]>(value);
      else {
        if (rec[part] === undefined || rec[part] === null || typeof rec[part] !== 'object') rec[part] = {};
        cur = rec[part];
      }
    } else {
      return;
    }
  }
}

/**
 * The object to apply: desired, with the live value (or its absence) at every JSON pointer an
 * applicable ignoreDifferences rule names. Rules by jq expression or managed-fields manager are
 * left to the comparison.
 */
export function keepIgnoredLiveValues(rules: readonly ResourceIgnoreDifferences[], ref: ResourceRef, desired: KubeObject, live: KubeObject | undefined): KubeObject {
  if (!live) return desired;
  const applicable = rules.filter((r) => ruleApplies(r, ref) && r.jsonPointers?.length);
  if (!applicable.length) return desired;
  const out = clone(desired) as JsonRecord;
  for (const pointer of applicable.flatMap((r) => r.jsonPointers ?? [])) {
    const parts = pointer.split('/').slice(1).map(unescape);
    if (!parts.length) continue;
    const fromLive = valueAt(live, parts);
    if (fromLive.found) setAt(out, parts, fromLive.value);
    else deletePointer(out, pointer);
  }
  return out;
}
