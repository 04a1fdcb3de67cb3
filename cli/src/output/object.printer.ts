import { stringify } from 'yaml';

export type ObjectFormat = 'json' | 'yaml';

export const isObjectFormat = (output: string): output is ObjectFormat => output === 'json' || output === 'yaml';

/** One object as JSON (2-space indent) or YAML, as `argocd ... -o json|yaml` prints it. */
export function formatObject(value: unknown, format: ObjectFormat): string {
  return format === 'json' ? `${JSON.stringify(value, null, 2)}\n` : `${stringify(value)}\n`;
}

/** A list; with `single`, a one-item list prints as that item (argocd's PrintResourceList). */
export function formatObjectList(items: readonly unknown[], format: ObjectFormat, single = false): string {
  return formatObject(single && items.length === 1 ? items[0] : items, format);
}
