import { SelectorParseError } from './label-selector';

/** Field selectors: `metadata.name=x,status.phase!=Running`. */
export interface FieldRequirement {
  path: string;
  equal: boolean;
  value: string;
}

export function parseFieldSelector(text: string | undefined): FieldRequirement[] {
  if (!text || !text.trim()) return [];
  return text.split(',').map((part) => {
    const m = /^\s*([A-Za-z0-9_.\-[\]]+)\s*(==|=|!=)\s*(.*?)\s*$/.exec(part);
    if (!m) throw new SelectorParseError(`invalid selector: '${text}'; can't understand '${part}'`);
    return { path: m[1], equal: m[2] !== '!=', value: m[3] };
  });
}

export function matchesFields(reqs: FieldRequirement[], obj: Record<string, unknown>): boolean {
  return reqs.every((r) => (scalarText(valueAt(obj, r.path)) === r.value) === r.equal);
}

function valueAt(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const seg of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur;
}

/** Field selectors compare scalars; objects and absent fields match only the empty string. */
function scalarText(v: unknown): string {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
}
