import { at, list, str } from './printer-kit';

/** labels.FormatLabels: `a=1,b=2` sorted by key, `<none>` when empty. */
export function formatLabels(labels: unknown): string {
  if (!labels || typeof labels !== 'object') return '<none>';
  const keys = Object.keys(labels).sort();
  if (!keys.length) return '<none>';
  return keys.map((k) => `${k}=${String((labels as Record<string, unknown>)[k])}`).join(',');
}

const OPERATORS: Record<string, (key: string, values: string) => string> = {
  In: (key, values) => `${key} in (${values})`,
  NotIn: (key, values) => `${key} notin (${values})`,
  Exists: (key) => key,
  DoesNotExist: (key) => `!${key}`,
};

/** metav1.LabelSelectorAsSelector(s).String(): requirements sorted by key, values sorted; `` for none. */
export function selectorString(selector: unknown): string {
  const parts: Array<[key: string, text: string]> = [];
  const matchLabels = at(selector, 'matchLabels');
  if (matchLabels && typeof matchLabels === 'object') {
    for (const [k, v] of Object.entries(matchLabels)) parts.push([k, `${k}=${String(v)}`]);
  }
  for (const e of list(at(selector, 'matchExpressions'))) {
    const key = str(at(e, 'key'));
    const values = list(at(e, 'values')).map(String).sort().join(',');
    const format = OPERATORS[str(at(e, 'operator'))];
    if (format) parts.push([key, format(key, values)]);
  }
  return parts
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, text]) => text)
    .join(',');
}

/** metav1.FormatLabelSelector: like selectorString, but an empty selector reads `<none>`. */
export const formatLabelSelector = (selector: unknown): string => selectorString(selector) || '<none>';
