// Kubernetes label selectors (matchLabels + matchExpressions), evaluated in memory. Argo's generator
// `selector` uses the same semantics without label-value syntax checks, so cluster URLs can be matched.
// https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#resources-that-support-set-based-requirements
import type { LabelSelector } from '@flotilla/api-types';

type Requirement = (labels: Readonly<Record<string, string>>) => boolean;

/** A compiled selector; throws when an expression is malformed, as LabelSelectorAsSelector does. */
export function compileSelector(selector: LabelSelector): Requirement {
  const requirements: Requirement[] = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    requirements.push((labels) => labels[key] === value);
  }
  for (const expr of selector.matchExpressions ?? []) requirements.push(compileExpression(expr));
  return (labels) => requirements.every((r) => r(labels));
}

function compileExpression(expr: NonNullable<LabelSelector['matchExpressions']>[number]): Requirement {
  const values = expr.values ?? [];
  const op: string = expr.operator;
  switch (op) {
    case 'In':
    case 'NotIn': {
      if (values.length === 0)
        throw new Error(`invalid label selector: key ${expr.key}: for 'in', 'notin' operators, values set can't be empty`);
      const set = new Set(values);
      return op === 'In'
        ? (l) => Object.hasOwn(l, expr.key) && set.has(l[expr.key])
        : (l) => !Object.hasOwn(l, expr.key) || !set.has(l[expr.key]);
    }
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0)
        throw new Error(`invalid label selector: key ${expr.key}: values set must be empty for exists and does not exist`);
      return op === 'Exists' ? (l) => Object.hasOwn(l, expr.key) : (l) => !Object.hasOwn(l, expr.key);
    default:
      throw new Error(`invalid label selector: key ${expr.key}: "${expr.operator}" is not a valid label selector operator`);
  }
}

/** True when the selector has no requirement at all (it then selects everything). */
export const isEmptySelector = (s: LabelSelector | undefined): boolean =>
  !s || (Object.keys(s.matchLabels ?? {}).length === 0 && (s.matchExpressions ?? []).length === 0);
