// kubectl's three-way JSON merge patch (apimachinery jsonmergepatch.CreateThreeWayJSONMergePatch),
// used for kinds without strategic merge metadata (custom resources): lists are replaced whole.
import { isRecord, jsonEqual, type JsonRecord } from '../object/json-value';

const typeOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** RFC 7386: the merge patch that turns `from` into `to`. */
export function mergePatchBetween(from: JsonRecord, to: JsonRecord): JsonRecord {
  const patch: JsonRecord = {};
  for (const [key, value] of Object.entries(to)) {
    const before = from[key];
    if (!(key in from) || typeOf(before) !== typeOf(value)) patch[key] = value;
    else if (isRecord(before) && isRecord(value)) {
      const nested = mergePatchBetween(before, value);
      if (Object.keys(nested).length > 0) patch[key] = nested;
    } else if (!jsonEqual(before, value)) patch[key] = value;
  }
  for (const key of Object.keys(from)) if (!(key in to)) patch[key] = null;
  return patch;
}

/** Keeps only the deletions (nulls) of a merge patch, or only what it adds and changes. */
function deletionsOnly(patch: JsonRecord, keepNulls: boolean): JsonRecord {
  const out: JsonRecord = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      if (keepNulls) out[key] = null;
    } else if (isRecord(value) && Object.keys(value).length > 0) {
      const nested = deletionsOnly(value, keepNulls);
      if (Object.keys(nested).length > 0) out[key] = nested;
    } else if (!keepNulls) out[key] = value;
  }
  return out;
}

function applyMergePatch(target: JsonRecord, patch: JsonRecord): JsonRecord {
  const out: JsonRecord = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else if (isRecord(value) && isRecord(out[key])) out[key] = applyMergePatch(out[key], value);
    else out[key] = value;
  }
  return out;
}

/** The merge patch kubectl apply sends for a custom resource: changes from live, deletions from last-applied. */
export function threeWayJsonMergePatch(original: JsonRecord, modified: JsonRecord, current: JsonRecord): JsonRecord {
  const addAndChange = deletionsOnly(mergePatchBetween(current, modified), false);
  const deletions = deletionsOnly(mergePatchBetween(original, modified), true);
  return applyMergePatch(deletions, addAndChange);
}
