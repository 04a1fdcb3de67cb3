// One ignoreDifferences.jqPathExpressions entry applied to one document: what jq selects is deleted,
// as Argo's `del(EXPR)`. An expression that fails on this document only (a missing list, say) is
// skipped silently, as in Argo; one that can never work is reported.
import type { JqEvaluator, JqFailureKind } from './jq-evaluator';
import { deletePaths } from './delete-paths';

const PROBLEM: Record<Exclude<JqFailureKind, 'runtime'>, string> = {
  compile: 'is not valid jq',
  path: 'does not select paths',
  timeout: 'timed out',
  unavailable: 'could not be evaluated',
};

/** Deletes, in place, what `expression` selects in `doc`; returns a warning for a broken expression. */
export function deleteJqSelection(doc: unknown, expression: string, jq: JqEvaluator | undefined): string | undefined {
  const subject = `ignoreDifferences jqPathExpression ${JSON.stringify(expression)}`;
  if (!jq) return `${subject} was not evaluated: this component runs without jq`;
  const result = jq.paths(doc, expression);
  if (!result.ok) return result.kind === 'runtime' ? undefined : `${subject} ${PROBLEM[result.kind]}: ${result.message}`;
  if (result.paths.some((p) => p.length === 0)) return `${subject} selects the whole object, which cannot be ignored`;
  deletePaths(doc, result.paths);
  return undefined;
}
