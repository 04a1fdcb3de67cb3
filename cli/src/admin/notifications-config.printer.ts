import { parse } from 'yaml';
import { formatTable } from '../output/tab-writer';

// `trigger list` and `template list` of argocd-notifications-cm's keys, as `argocd admin notifications` prints them.

export interface TriggerRow {
  readonly name: string;
  readonly templates: readonly string[];
  readonly condition: string;
  readonly oncePer?: string;
  readonly description?: string;
}

export interface TemplateRow {
  readonly name: string;
  readonly preview: string;
}

const PREVIEW = 60;

/** One row per condition of every `trigger.<name>` key; a value that does not read names its key. */
export function triggerRows(data: Readonly<Record<string, string>>): TriggerRow[] {
  return keysWith(data, 'trigger.').flatMap(([name, text]) => {
    const conditions = parse(text) as unknown;
    if (!Array.isArray(conditions)) throw new Error(`trigger.${name}: expected a list of conditions`);
    return conditions.map((c: { when?: unknown; send?: unknown; oncePer?: unknown; description?: unknown }) => ({
      name,
      templates: Array.isArray(c?.send) ? c.send.map(String) : [],
      condition: typeof c?.when === 'string' ? c.when : '',
      ...(typeof c?.oncePer === 'string' ? { oncePer: c.oncePer } : {}),
      ...(typeof c?.description === 'string' ? { description: c.description } : {}),
    }));
  });
}

/** Every `template.<name>` key with the first line of its message (or of its email subject). */
export function templateRows(data: Readonly<Record<string, string>>): TemplateRow[] {
  return keysWith(data, 'template.').map(([name, text]) => {
    const template = (parse(text) ?? {}) as { message?: unknown; email?: { subject?: unknown } };
    const source = typeof template.message === 'string' ? template.message : typeof template.email?.subject === 'string' ? template.email.subject : '';
    const first = source.trim().split('\n')[0] ?? '';
    return { name, preview: first.length > PREVIEW ? `${first.slice(0, PREVIEW - 3)}...` : first };
  });
}

export function formatTriggerTable(rows: readonly TriggerRow[]): string {
  return formatTable([['NAME', 'TEMPLATE', 'CONDITION'], ...rows.map((r) => [r.name, r.templates.join(', '), r.condition.replace(/\s+/g, ' ')])]);
}

export function formatTemplateTable(rows: readonly TemplateRow[]): string {
  return formatTable([['NAME', 'PREVIEW'], ...rows.map((r) => [r.name, r.preview])]);
}

function keysWith(data: Readonly<Record<string, string>>, prefix: string): [string, string][] {
  return Object.entries(data)
    .filter(([key]) => key.startsWith(prefix))
    .map(([key, text]): [string, string] => [key.slice(prefix.length), text])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
