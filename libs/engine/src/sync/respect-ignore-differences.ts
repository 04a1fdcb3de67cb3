// Sync option RespectIgnoreDifferences=true: what spec.ignoreDifferences leaves out of the
// comparison is also left alone by a sync — the applied object carries the live values there
// (an HPA's replicas, an injected sidecar), instead of resetting them to git's.
// https://argo-cd.readthedocs.io/en/stable/user-guide/sync-options/#respect-ignore-difference-configs
import type { KubeObject, ResourceIgnoreDifferences, ResourceRef } from '@flotilla/api-types';
import { deletePointer, ruleApplies } from '../diff/ignore-differences';
import type { JqEvaluator, JqPath } from '../diff/jq-evaluator';
import { deletePaths } from '../diff/delete-paths';
import { clone, type JsonRecord } from '../object/json-value';

const unescape = (s: string): string => s.replace(/~1/g, '/').replace(/~0/g, '~');

type Part = string | number;

function valueAt(doc: unknown, parts: readonly Part[]): { found: boolean; value?: unknown } {
  let cur: unknown = doc;
  for (const part of parts) {
    if (Array.isArray(cur)) {
      const i = Number(part);
      if (!Number.isInteger(i) || i < 0 || i >= cur.length) return { found: false };
      cur = cur[i];
    } else if (cur && typeof cur === 'object' && part in cur) {
      cur = (cur as JsonRecord)[String(part)];
    } else {
      return { found: false };
    }
  }
  return { found: true, value: cur };
}

/**
 * Sets a value at a path, creating the maps on the way; an array index on the way must exist. With
 * `insert`, a last step that indexes an array inserts there (up to the end) instead of replacing:
 * the element git had there was taken out first, or git never had it (an injected sidecar).
 */
function setAt(doc: JsonRecord, parts: readonly Part[], value: unknown, insert = false): void {
  let cur: unknown = doc;
  for (const [i, part] of parts.entries()) {
    const last = i === parts.length - 1;
    if (Array.isArray(cur)) {
      const idx = Number(part);
      if (!Number.isInteger(idx) || idx < 0) return;
      if (last && insert) cur.splice(Math.min(idx, cur.length), 0, clone(value));
      else if (idx >= cur.length) return;
      else if (last) cur[idx] = clone(value);
      else cur = cur[idx];
    } else if (cur && typeof cur === 'object') {
      const rec = cur as JsonRecord;
      const key = String(part);
      if (last) rec[key] = clone<JsonRecord[string]>(value);
      else {
        if (rec[key] === undefined || rec[key] === null || typeof rec[key] !== 'object') rec[key] = {};
        cur = rec[key];
      }
    } else {
      return;
    }
  }
}

/** The paths jq selects, without slices (they name no single place to copy a value to). */
function jqPaths(doc: unknown, expression: string, jq: JqEvaluator): Part[][] {
  const result = jq.paths(doc, expression);
  if (!result.ok) return [];
  return result.paths.filter((p): p is Part[] => p.length > 0 && p.every((step: JqPath[number]) => typeof step !== 'object'));
}

/**
 * The object to apply: desired, with the live value (or its absence) at every place an applicable
 * ignoreDifferences rule names, by JSON pointer or by jq expression (Argo normalises both objects
 * and carries the live side's ignored fields into the target). Rules by managed-fields manager
 * are left to the comparison.
 */
export function keepIgnoredLiveValues(rules: readonly ResourceIgnoreDifferences[], ref: ResourceRef, desired: KubeObject, live: KubeObject | undefined, jq?: JqEvaluator): KubeObject {
  if (!live) return desired;
  const applicable = rules.filter((r) => ruleApplies(r, ref));
  const pointers = applicable.flatMap((r) => r.jsonPointers ?? []);
  const expressions = jq ? applicable.flatMap((r) => r.jqPathExpressions ?? []) : [];
  if (!pointers.length && !expressions.length) return desired;
  const out = clone(desired) as JsonRecord;
  for (const pointer of pointers) {
    const parts = pointer.split('/').slice(1).map(unescape);
    if (!parts.length) continue;
    const fromLive = valueAt(live, parts);
    if (fromLive.found) setAt(out, parts, fromLive.value);
    else deletePointer(out, pointer);
  }
  if (jq && expressions.length) {
    // Git's side of what the rules select goes first, then the live side is copied in.
    for (const expression of expressions) deletePaths(out, jqPaths(out, expression, jq));
    for (const expression of expressions) {
      for (const path of jqPaths(live, expression, jq)) {
        const fromLive = valueAt(live, path);
        if (fromLive.found) setAt(out, path, fromLive.value, true);
      }
    }
  }
  return out;
}
