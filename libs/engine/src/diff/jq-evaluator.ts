// ignoreDifferences.jqPathExpressions are run by a real jq, as Argo CD runs them with gojq. jq is
// WebAssembly loaded at start-up, so services inject it; the engine only deletes what it selects.
// https://argo-cd.readthedocs.io/en/stable/user-guide/diffing/#application-level-configuration

/** One step of a jq path: an object key, an array index, or an array slice (`.a[1:3]`). */
export type JqPathStep = string | number | { start?: number | null; end?: number | null };
export type JqPath = JqPathStep[];

/**
 * Why an expression selected nothing: `compile` jq rejects it; `path` it yields values that are not
 * paths (so `del()` would fail too); `timeout` it ran past the time limit; `runtime` it failed on
 * this document only (e.g. iterating over a missing list); `unavailable` jq itself could not run.
 */
export type JqFailureKind = 'compile' | 'path' | 'timeout' | 'runtime' | 'unavailable';

export type JqPathsResult = { ok: true; paths: JqPath[] } | { ok: false; kind: JqFailureKind; message: string };

export interface JqEvaluator {
  /** The paths jq's `path(EXPR)` yields on `doc`: what Argo's `del(EXPR)` deletes. */
  paths(doc: unknown, expression: string): JqPathsResult;
}
