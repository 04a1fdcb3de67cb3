// A generator's inline `template` overrides the ApplicationSet's: every field it leaves empty is filled
// from the ApplicationSet template, recursively (mergo.Merge without override, as Argo uses).
import type { ApplicationSetTemplate } from '@flotilla/api-types';
import { cloneJson, isPlainObject, JsonObject } from '../json/json-value';

export function mergeTemplates(
  override: Partial<ApplicationSetTemplate> | undefined,
  base: ApplicationSetTemplate | undefined,
): ApplicationSetTemplate {
  return fillEmpty(cloneJson(override ?? {}), (base ?? {}) as unknown as JsonObject) as unknown as ApplicationSetTemplate;
}

function fillEmpty(dest: JsonObject, src: JsonObject): JsonObject {
  for (const [key, value] of Object.entries(src)) {
    const current = dest[key];
    if (isZero(current)) dest[key] = cloneJson(value);
    else if (isPlainObject(current) && isPlainObject(value)) fillEmpty(current, value);
  }
  return dest;
}

/** Go's zero values, which mergo treats as "not set": "", 0, false, nil, empty slices and maps. */
const isZero = (v: unknown): boolean =>
  v === undefined ||
  v === null ||
  v === '' ||
  v === 0 ||
  v === false ||
  (Array.isArray(v) && v.length === 0) ||
  (isPlainObject(v) && Object.keys(v).length === 0);
