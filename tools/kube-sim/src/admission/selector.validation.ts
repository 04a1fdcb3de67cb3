import { StatusCause } from '../api/status-error';
import { goLabelSelector, goMap, immutable, invalid, required } from './field-errors';

type Json = Record<string, any>;

/** metav1.LabelSelectorAsSelector then Matches: a nil selector matches nothing, an empty one everything. */
export function selectorMatches(selector: Json | undefined, labels: Record<string, string> | undefined): boolean {
  if (!selector) return false;
  const have = labels ?? {};
  for (const [k, v] of Object.entries((selector.matchLabels ?? {}) as Record<string, string>)) if (have[k] !== v) return false;
  for (const e of (selector.matchExpressions ?? []) as Json[]) {
    const present = Object.prototype.hasOwnProperty.call(have, e.key);
    const values = (e.values ?? []) as string[];
    if (e.operator === 'In' && !(present && values.includes(have[e.key]))) return false;
    if (e.operator === 'NotIn' && present && values.includes(have[e.key])) return false;
    if (e.operator === 'Exists' && !present) return false;
    if (e.operator === 'DoesNotExist' && present) return false;
  }
  return true;
}

const isEmptySelector = (s: Json): boolean => !Object.keys(s.matchLabels ?? {}).length && !((s.matchExpressions ?? []) as unknown[]).length;

/**
 * The selector rules of apps/v1 workloads: required, not empty, matching the template labels
 * (`spec.template.metadata.labels: Invalid value: map[string]string{...}: \`selector\` does not match template \`labels\``).
 */
export function validateSelectorForTemplate(spec: Json, kindLower: string): StatusCause[] {
  const causes: StatusCause[] = [];
  const selector = spec.selector as Json | undefined;
  if (!selector) causes.push(required('spec.selector'));
  else if (isEmptySelector(selector)) causes.push(invalid('spec.selector', goLabelSelector(selector), `empty selector is invalid for ${kindLower}`));
  const labels = spec.template?.metadata?.labels as Record<string, string> | undefined;
  if ((!selector || !isEmptySelector(selector)) && !selectorMatches(selector, labels)) {
    causes.push(invalid('spec.template.metadata.labels', goMap(labels), '`selector` does not match template `labels`'));
  }
  return causes;
}

/** Semantic equality of selectors: nil and empty maps and lists are the same. */
export function sameSelector(a: Json | undefined, b: Json | undefined): boolean {
  const norm = (s: Json | undefined) => JSON.stringify([Object.entries((s?.matchLabels ?? {}) as Json).sort(), s?.matchExpressions ?? []]);
  return (!a) === (!b) && norm(a) === norm(b);
}

/** `spec.selector: Invalid value: v1.LabelSelector{...}: field is immutable`. */
export function validateSelectorUnchanged(spec: Json, old: Json): StatusCause[] {
  return sameSelector(spec.selector, old.selector) ? [] : [immutable('spec.selector', spec.selector ? goLabelSelector(spec.selector) : '"null"')];
}
