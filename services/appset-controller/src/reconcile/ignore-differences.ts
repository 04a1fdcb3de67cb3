// spec.ignoreApplicationDifferences: fields of generated Applications the ApplicationSet leaves as they
// are live (e.g. a targetRevision someone pins by hand). https://argo-cd.readthedocs.io/en/stable/operator-manual/applicationset/Controlling-Resource-Modification/#ignore-certain-changes-to-applications
import type { ApplicationSet } from '@flotilla/api-types';
import { cloneJson, isPlainObject, JsonObject } from '@flotilla/appset';

/** `wanted` with every ignored field set back to its live value (or removed when live has none). */
export function keepIgnoredFields(appSet: ApplicationSet, appName: string, wanted: JsonObject, live: JsonObject): JsonObject {
  const rules = (appSet.spec.ignoreApplicationDifferences ?? []).filter((r) => !r.name || r.name === appName);
  if (rules.length === 0) return wanted;
  const out = cloneJson(wanted);
  for (const rule of rules) {
    if (rule.jqPathExpressions?.length) throw new Error('ignoreApplicationDifferences: jqPathExpressions are not supported by Flotilla yet; use jsonPointers');
    for (const pointer of rule.jsonPointers ?? []) copyAt(parsePointer(pointer), live, out);
  }
  return out;
}

function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new Error(`ignoreApplicationDifferences: ${JSON.stringify(pointer)} is not a JSON pointer (it must start with /)`);
  return pointer.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Makes target's value at path equal source's; a path missing in source is removed from target. */
function copyAt(path: string[], source: unknown, target: JsonObject): void {
  if (path.length === 0) return;
  let from: unknown = source;
  let to: unknown = target;
  for (let i = 0; i < path.length - 1; i++) {
    from = child(from, path[i]);
    const next = child(to, path[i]);
    if (next === undefined) {
      if (from === undefined) return;
      setChild(to, path[i], Array.isArray(from) ? [] : {});
    }
    to = child(to, path[i]);
  }
  const last = path[path.length - 1];
  const value = child(from, last);
  if (value === undefined) deleteChild(to, last);
  else setChild(to, last, cloneJson(value));
}

const child = (v: unknown, key: string): unknown => (Array.isArray(v) ? v[Number(key)] : isPlainObject(v) ? v[key] : undefined);
const setChild = (v: unknown, key: string, value: unknown): void => {
  if (Array.isArray(v)) v[Number(key)] = value;
  else if (isPlainObject(v)) v[key] = value;
};
const deleteChild = (v: unknown, key: string): void => {
  if (Array.isArray(v)) v.splice(Number(key), 1);
  else if (isPlainObject(v)) delete v[key];
};
