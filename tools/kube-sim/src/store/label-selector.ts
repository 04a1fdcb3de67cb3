/** Kubernetes label selectors: `a=b,c!=d,e in (f,g),h notin (i),j,!k`. */
export type Requirement =
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: 'exists' | '!' };

export class SelectorParseError extends Error {}

export type Labels = Record<string, string> | undefined;

export function parseLabelSelector(text: string | undefined): Requirement[] {
  if (!text || !text.trim()) return [];
  return splitTopLevel(text).map(parseRequirement);
}

export function matchesLabels(reqs: Requirement[], labels: Labels): boolean {
  const l = labels ?? {};
  return reqs.every((r) => {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    switch (r.op) {
      case 'exists':
        return has;
      case '!':
        return !has;
      case 'in':
        return has && r.values.includes(l[r.key]);
      case 'notin':
        return !has || !r.values.includes(l[r.key]);
    }
  });
}

/** metav1.LabelSelector (matchLabels + matchExpressions) as requirements. */
export function fromLabelSelectorObject(sel: {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
}): Requirement[] {
  const reqs: Requirement[] = Object.entries(sel.matchLabels ?? {}).map(([key, v]) => ({ key, op: 'in', values: [v] }));
  for (const e of sel.matchExpressions ?? []) {
    const op = e.operator.toLowerCase();
    if (op === 'in' || op === 'notin') reqs.push({ key: e.key, op, values: e.values ?? [] });
    else if (op === 'exists') reqs.push({ key: e.key, op: 'exists' });
    else if (op === 'doesnotexist') reqs.push({ key: e.key, op: '!' });
    else throw new SelectorParseError(`"${e.operator}" is not a valid label selector operator`);
  }
  return reqs;
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

const KEY = /^([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?\/)?[a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?$/;

function checkKey(key: string, whole: string): string {
  if (!KEY.test(key)) throw new SelectorParseError(`unable to parse requirement: invalid label key "${key}" in "${whole}"`);
  return key;
}

function parseRequirement(part: string): Requirement {
  const set = /^(\S+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(part);
  if (set) {
    const values = set[3].split(',').map((v) => v.trim()).filter((v) => v !== '');
    return { key: checkKey(set[1], part), op: set[2] as 'in' | 'notin', values };
  }
  const eq = /^([^=!\s]+)\s*(==|=|!=)\s*(\S*)$/.exec(part);
  if (eq) {
    const key = checkKey(eq[1], part);
    return { key, op: eq[2] === '!=' ? 'notin' : 'in', values: [eq[3]] };
  }
  if (part.startsWith('!')) return { key: checkKey(part.slice(1).trim(), part), op: '!' };
  return { key: checkKey(part, part), op: 'exists' };
}
