import {
  canonicalJson,
  compareFieldLists,
  compareStrings,
  compareValues,
  isPlainObject,
  JsonObject,
  sortedEntries,
  valueToString,
} from './managed-fields-value';

/**
 * One step of a field path, spelled as in fieldsV1: `f:<field>`, `k:<key fields as JSON>`,
 * `v:<set value as JSON>` or `i:<index>`. Tokens are canonical (key fields sorted by name,
 * as upstream serialises them) so equal paths are equal strings.
 */
export type PathToken = string;
export type FieldPath = readonly PathToken[];

export type PathElement =
  | { kind: 'field'; name: string }
  | { kind: 'key'; fields: Array<[string, unknown]> }
  | { kind: 'value'; value: unknown }
  | { kind: 'index'; index: number };

export class FieldPathError extends Error {
  constructor(
    readonly path: FieldPath,
    readonly detail: string,
  ) {
    super(`${pathToString(path)}: ${detail}`);
  }
}

export const fieldToken = (name: string): PathToken => `f:${name}`;
export const valueToken = (value: unknown): PathToken => `v:${canonicalJson(value)}`;
export const indexToken = (index: number): PathToken => `i:${index}`;
export const keyToken = (fields: JsonObject): PathToken => `k:${canonicalJson(fields)}`;

/** Reads a fieldsV1 key back into a canonical token; throws on anything malformed. */
export function canonicalToken(raw: string): PathToken {
  const el = parseToken(raw);
  switch (el.kind) {
    case 'field':
      return fieldToken(el.name);
    case 'key':
      return keyToken(Object.fromEntries(el.fields));
    case 'value':
      return valueToken(el.value);
    case 'index':
      return indexToken(el.index);
  }
}

const parsed = new Map<string, PathElement>();

export function parseToken(token: string): PathElement {
  const hit = parsed.get(token);
  if (hit) return hit;
  const el = parseUncached(token);
  if (parsed.size > 50_000) parsed.clear();
  parsed.set(token, el);
  return el;
}

function parseUncached(token: string): PathElement {
  const prefix = token.slice(0, 2);
  const body = token.slice(2);
  if (prefix === 'f:') return { kind: 'field', name: body };
  if (prefix === 'i:' && /^\d+$/.test(body)) return { kind: 'index', index: Number(body) };
  if (prefix === 'k:' || prefix === 'v:') {
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch {
      throw new Error(`invalid path element ${JSON.stringify(token)}`);
    }
    if (prefix === 'v:') return { kind: 'value', value };
    if (isPlainObject(value)) return { kind: 'key', fields: sortedEntries(value) };
  }
  throw new Error(`invalid path element ${JSON.stringify(token)}`);
}

const kindRank: Record<PathElement['kind'], number> = { field: 0, key: 1, value: 2, index: 3 };

/** structured-merge-diff's element order: fields, then keys, then values, then indexes. */
export function compareTokens(a: PathToken, b: PathToken): number {
  if (a === b) return 0;
  const x = parseToken(a);
  const y = parseToken(b);
  if (x.kind !== y.kind) return kindRank[x.kind] - kindRank[y.kind];
  if (x.kind === 'field') return compareStrings(x.name, (y as typeof x).name);
  if (x.kind === 'key') return compareFieldLists(x.fields, (y as typeof x).fields);
  if (x.kind === 'value') return compareValues(x.value, (y as typeof x).value);
  return x.index - (y as typeof x).index;
}

/** A path as kube-apiserver prints it in conflicts: `.spec.containers[name="web"].image`. */
export function pathToString(path: FieldPath): string {
  return path.map(elementToString).join('');
}

function elementToString(token: PathToken): string {
  const el = parseToken(token);
  switch (el.kind) {
    case 'field':
      return `.${el.name}`;
    case 'key':
      return `[${el.fields.map(([k, v]) => `${k}=${valueToString(v)}`).join(',')}]`;
    case 'value':
      return `[=${valueToString(el.value)}]`;
    case 'index':
      return `[${el.index}]`;
  }
}
