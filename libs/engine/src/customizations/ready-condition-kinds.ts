// Flotilla's own argocd-cm key `flotilla.health.readyCondition.kinds`: the group/Kind patterns whose
// health the generic "a Ready condition decides" rule assesses when neither argocd-cm nor a built-in
// check knows the kind. It lives outside `resource.customizations.*` so no Argo key can mean it.
import { parse } from 'yaml';
import { globIsValid, globMatch, overrideKeyOf } from './override-key';

export const READY_CONDITION_KINDS_KEY = 'flotilla.health.readyCondition.kinds';

export interface ParsedReadyConditionKinds {
  /** Override-key globs (`<group>/<Kind>`, `<Kind>` for the core group). */
  patterns: string[];
  warnings: string[];
}

/** The items of the value: a YAML list, or text separated by commas and newlines. */
function itemsOf(value: string, warnings: string[]): unknown[] | undefined {
  const text = value.trim();
  if (!text.startsWith('-') && !text.startsWith('[')) return text.split(/[,\n]/);
  let doc: unknown;
  try {
    doc = parse(text) as unknown;
  } catch (err) {
    warnings.push(
      `${READY_CONDITION_KINDS_KEY}: not valid YAML, no kind gets the Ready condition rule: ${(err as Error).message.split('\n')[0]}`,
    );
    return undefined;
  }
  if (!Array.isArray(doc)) {
    warnings.push(`${READY_CONDITION_KINDS_KEY}: must be a list of <group>/<Kind> patterns`);
    return undefined;
  }
  return doc as unknown[];
}

/** The pattern an item stands for, or a warning about it. */
function patternOf(item: unknown): { pattern: string } | { error: string } | undefined {
  if (typeof item !== 'string') return { error: `${JSON.stringify(item)} is not a <group>/<Kind> pattern (a string)` };
  const text = item.trim().replace(/^\//, '');
  if (text === '') return undefined;
  const parts = text.split('/');
  if (parts.length > 2 || parts.some((p) => p === '')) return { error: `"${item.trim()}" is not a <group>/<Kind> pattern` };
  if (!globIsValid(text)) return { error: `"${item.trim()}" is not a valid pattern (only *, ?, [..] and {a,b} are special)` };
  return { pattern: text };
}

/** The patterns in the key's value; a bad item is a warning and the others still apply. */
export function parseReadyConditionKinds(value: string | undefined): ParsedReadyConditionKinds {
  const warnings: string[] = [];
  const patterns: string[] = [];
  for (const item of (value && itemsOf(value, warnings)) || []) {
    const p = patternOf(item);
    if (!p) continue;
    if ('error' in p) warnings.push(`${READY_CONDITION_KINDS_KEY}: ${p.error}`);
    else if (!patterns.includes(p.pattern)) patterns.push(p.pattern);
  }
  return { patterns, warnings };
}

/** Whether a group/Kind is one the Ready condition rule was configured for. */
export const readyConditionConfigured = (patterns: readonly string[] | undefined, group: string, kind: string): boolean => {
  if (!patterns?.length) return false;
  const key = overrideKeyOf(group, kind);
  return patterns.some((p) => globMatch(p, key));
};
