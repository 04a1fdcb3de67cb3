// JSON merge patch (RFC 7386): applying one, and computing the one that turns `from` into `to`.
import { cloneJson, isPlainObject, JsonObject } from './json-value';

export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return cloneJson(patch);
  const out: JsonObject = isPlainObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = applyMergePatch(out[key], value);
  }
  return out;
}

/** The merge patch from `from` to `to`: changed keys set, removed keys null, lists replaced whole. */
export function createMergePatch(from: JsonObject, to: JsonObject): JsonObject {
  const patch: JsonObject = {};
  for (const key of Object.keys(from)) if (!(key in to) || to[key] === undefined) patch[key] = null;
  for (const [key, value] of Object.entries(to)) {
    if (value === undefined) continue;
    const before = from[key];
    if (isPlainObject(before) && isPlainObject(value)) {
      const nested = createMergePatch(before, value);
      if (Object.keys(nested).length > 0) patch[key] = nested;
    } else if (JSON.stringify(before) !== JSON.stringify(value)) {
      patch[key] = cloneJson(value);
    }
  }
  return patch;
}
