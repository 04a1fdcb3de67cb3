/** The JSONPath subset CRD printer columns use: `.a.b`, `.a[0]`, `.a[-1]`, `.a[*].b`, `.a['x.y']`, `.a[?(@.type=="Ready")].b`. */
export type JsonPathStep =
  | { kind: 'field'; name: string }
  | { kind: 'index'; index: number }
  | { kind: 'all' }
  | { kind: 'wildcard' }
  | { kind: 'filter'; path: JsonPathStep[]; op: FilterOp; value: unknown };

type FilterOp = '==' | '!=' | '<' | '<=' | '>' | '>=' | 'exists';

const FIELD = /^\.([^.[\]\s]+)/;
const INDEX = /^\[\s*(-?\d+)\s*\]/;
const ALL = /^\[\s*\*\s*\]/;
const WILDCARD = /^\.\*/;
const QUOTED = /^\[\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")\s*\]/;
const FILTER =
  /^\[\?\(\s*@((?:\.[^.[\]\s=!<>)]+|\[[^\]]*\])+)\s*(?:(==|!=|<=|>=|<|>)\s*('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?|true|false|null))?\s*\)\]/;

function literal(text: string): unknown {
  if (text.startsWith("'") || text.startsWith('"')) return text.slice(1, -1).replace(/\\(.)/g, '$1');
  if (text === 'true' || text === 'false') return text === 'true';
  return text === 'null' ? null : Number(text);
}

/** Parses a column's jsonPath once per table; undefined when it is outside the subset (its cells then print `<none>`). */
export function compileJsonPath(expression: string): JsonPathStep[] | undefined {
  let rest = expression
    .trim()
    .replace(/^\{(.*)\}$/s, '$1')
    .trim();
  if (rest === '' || rest === '.' || rest === '$') return [];
  if (rest.startsWith('$')) rest = rest.slice(1);
  const steps: JsonPathStep[] = [];
  while (rest.length) {
    let m: RegExpExecArray | null;
    if ((m = ALL.exec(rest))) steps.push({ kind: 'all' });
    else if ((m = WILDCARD.exec(rest))) steps.push({ kind: 'wildcard' });
    else if ((m = FIELD.exec(rest))) steps.push({ kind: 'field', name: m[1] });
    else if ((m = INDEX.exec(rest))) steps.push({ kind: 'index', index: Number(m[1]) });
    else if ((m = QUOTED.exec(rest))) steps.push({ kind: 'field', name: (m[1] ?? m[2]).replace(/\\(.)/g, '$1') });
    else if ((m = FILTER.exec(rest))) {
      const path = compileJsonPath(m[1]);
      if (!path) return undefined;
      steps.push({
        kind: 'filter',
        path,
        op: (m[2] as FilterOp | undefined) ?? 'exists',
        value: m[3] === undefined ? undefined : literal(m[3]),
      });
    } else return undefined;
    rest = rest.slice(m[0].length);
  }
  return steps;
}

/** What evaluateJsonPath returns when nothing matches: kube's AllowMissingKeys makes that an empty cell, not an error. */
export const NOT_FOUND: unique symbol = Symbol('not found');

function passes(item: unknown, step: Extract<JsonPathStep, { kind: 'filter' }>): boolean {
  const v = firstMatch(item, step.path, 0);
  if (v === NOT_FOUND) return false;
  switch (step.op) {
    case 'exists':
      return true;
    case '==':
      return v === step.value;
    case '!=':
      return v !== step.value;
    default: {
      if (typeof v !== 'number' || typeof step.value !== 'number') return false;
      if (step.op === '<') return v < step.value;
      if (step.op === '<=') return v <= step.value;
      return step.op === '>' ? v > step.value : v >= step.value;
    }
  }
}

/** Depth-first, so the value found is the first of kube's FindResults, which is the one its table prints. */
function firstMatch(v: unknown, steps: JsonPathStep[], i: number): unknown {
  if (i === steps.length) return v;
  if (v === null || typeof v !== 'object') return NOT_FOUND;
  const step = steps[i];
  if (step.kind === 'field') {
    if (Array.isArray(v) || !Object.prototype.hasOwnProperty.call(v, step.name)) return NOT_FOUND;
    return firstMatch((v as Record<string, unknown>)[step.name], steps, i + 1);
  }
  if (step.kind === 'wildcard') return firstOf(Array.isArray(v) ? v : Object.values(v), steps, i + 1);
  if (!Array.isArray(v)) return NOT_FOUND;
  if (step.kind === 'index') {
    const index = step.index < 0 ? v.length + step.index : step.index;
    return index >= 0 && index < v.length ? firstMatch(v[index], steps, i + 1) : NOT_FOUND;
  }
  return firstOf(step.kind === 'all' ? v : v.filter((item) => passes(item, step)), steps, i + 1);
}

function firstOf(items: unknown[], steps: JsonPathStep[], i: number): unknown {
  for (const item of items) {
    const found = firstMatch(item, steps, i);
    if (found !== NOT_FOUND) return found;
  }
  return NOT_FOUND;
}

/** The first value the path selects in `obj`, or NOT_FOUND. */
export const evaluateJsonPath = (obj: unknown, steps: JsonPathStep[]): unknown => firstMatch(obj, steps, 0);
