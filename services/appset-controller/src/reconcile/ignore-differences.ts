// spec.ignoreApplicationDifferences: fields of generated Applications the ApplicationSet leaves as they
// are live (e.g. a targetRevision someone pins by hand). https://argo-cd.readthedocs.io/en/stable/operator-manual/applicationset/Controlling-Resource-Modification/#ignore-certain-changes-to-applications
import type { ApplicationSet } from '@flotilla/api-types';
import { cloneJson, isPlainObject, JsonObject } from '@flotilla/appset';
import type { JqPathsResult } from '@flotilla/platform';

/** A jq that answers `path(EXPR)` on a document (the platform's jq-wasm client). */
export interface JqPaths {
  paths(doc: unknown, expression: string): JqPathsResult;
}

/** `wanted` with every ignored field set back to its live value (or removed when live has none). */
export function keepIgnoredFields(appSet: ApplicationSet, appName: string, wanted: JsonObject, live: JsonObject, jq?: () => JqPaths): JsonObject {
  const rules = (appSet.spec.ignoreApplicationDifferences ?? []).filter((r) => !r.name || r.name === appName);
  if (rules.length === 0) return wanted;
  const out = cloneJson(wanted);
  for (const rule of rules) {
    for (const pointer of rule.jsonPointers ?? []) copyAt(parsePointer(pointer), live, out);
    for (const expression of rule.jqPathExpressions ?? []) {
      if (!jq) throw new Error(`ignoreApplicationDifferences: jqPathExpression ${JSON.stringify(expression)} cannot be evaluated: no jq`);
      // What the expression selects on either side keeps its live value, as Argo's normalisation does.
      const selected = [...selectedPaths(jq(), live, expression), ...selectedPaths(jq(), out, expression)];
      for (const path of deepestLast(selected)) copyAt(path, live, out);
    }
  }
  return out;
}

function selectedPaths(jq: JqPaths, doc: unknown, expression: string): string[][] {
  const result = jq.paths(doc, expression);
  const subject = `ignoreApplicationDifferences: jqPathExpression ${JSON.stringify(expression)}`;
  if (!result.ok) {
    // Failing on this document only (iterating over a list it lacks) selects nothing there, as in Argo.
    if (result.kind === 'runtime') return [];
    const problem = { compile: 'is not valid jq', path: 'does not select paths', timeout: 'timed out', unavailable: 'could not be evaluated' }[result.kind];
    throw new Error(`${subject} ${problem}: ${result.message}`);
  }
  return result.paths.map((path) => {
    // A slice (.a[1:3]) keeps the whole list it is part of.
    const cut = path.findIndex((step) => typeof step === 'object');
    const steps = (cut === -1 ? path : path.slice(0, cut)).map(String);
    if (steps.length === 0) throw new Error(`${subject} selects the whole Application; select fields within it`);
    return steps;
  });
}

/** Unique paths, array indexes high to low, so removing one list item does not shift the next one's. */
function deepestLast(paths: string[][]): string[][] {
  const unique = [...new Map(paths.map((p) => [JSON.stringify(p), p])).values()];
  return unique.sort((a, b) => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      if (a[i] === b[i]) continue;
      const [x, y] = [Number(a[i]), Number(b[i])];
      return Number.isInteger(x) && Number.isInteger(y) ? y - x : a[i] < b[i] ? -1 : 1;
    }
    return a.length - b.length;
  });
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
