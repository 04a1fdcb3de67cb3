/**
 * A JSON document with the offsets of its values, as a streaming Go decoder meets them:
 * json-iterator quotes the bytes around where it stopped, so kube-sim needs to know where each
 * value starts and ends, and members in document order (a JS object puts integer keys first).
 */
export type JsonSource =
  | { kind: 'object'; start: number; end: number; members: Array<[string, JsonSource]> }
  | { kind: 'array'; start: number; end: number; items: JsonSource[] }
  | { kind: 'string'; start: number; end: number; value: string }
  | { kind: 'number' | 'true' | 'false' | 'null'; start: number; end: number };

/** Parses JSON text; offsets are string indexes. Returns undefined for text that is not JSON. */
export function parseJsonSource(text: string): JsonSource | undefined {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && ' \t\r\n'.includes(text[i])) i++;
  };
  const fail = (): never => {
    throw new SyntaxError(`invalid JSON at ${i}`);
  };
  const value = (): JsonSource => {
    ws();
    const start = i;
    const c = text[i];
    if (c === '{') {
      i++;
      const members: Array<[string, JsonSource]> = [];
      ws();
      if (text[i] === '}') i++;
      else {
        for (;;) {
          const key = value();
          if (key.kind !== 'string') fail();
          ws();
          if (text[i++] !== ':') fail();
          members.push([(key as { value: string }).value, value()]);
          ws();
          const sep = text[i++];
          if (sep === '}') break;
          if (sep !== ',') fail();
        }
      }
      return { kind: 'object', start, end: i, members };
    }
    if (c === '[') {
      i++;
      const items: JsonSource[] = [];
      ws();
      if (text[i] === ']') i++;
      else {
        for (;;) {
          items.push(value());
          ws();
          const sep = text[i++];
          if (sep === ']') break;
          if (sep !== ',') fail();
        }
      }
      return { kind: 'array', start, end: i, items };
    }
    if (c === '"') {
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      if (i >= text.length) fail();
      i++;
      return { kind: 'string', start, end: i, value: JSON.parse(text.slice(start, i)) as string };
    }
    for (const word of ['true', 'false', 'null'] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return { kind: word, start, end: i };
      }
    }
    const m = /^-?\d+(\.\d+)?([eE][-+]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) return fail();
    i += m[0].length;
    return { kind: 'number', start, end: i };
  };
  try {
    const root = value();
    ws();
    if (i !== text.length) return undefined;
    return root;
  } catch {
    return undefined;
  }
}

/** A decoded value seen as a JsonSource without positions, for a quick check before the text is parsed. */
export function jsonSourceOf(value: unknown): JsonSource {
  const at = { start: 0, end: 0 };
  if (Array.isArray(value)) return { kind: 'array', ...at, items: value.map(jsonSourceOf) };
  if (value && typeof value === 'object') return { kind: 'object', ...at, members: Object.entries(value).map(([k, v]) => [k, jsonSourceOf(v)]) };
  if (typeof value === 'string') return { kind: 'string', ...at, value };
  if (typeof value === 'number') return { kind: 'number', ...at };
  return { kind: value === true ? 'true' : value === false ? 'false' : 'null', ...at };
}

/** Go's json.Marshal of a decoded document: keys sorted, compact, `<`, `>` and `&` escaped. */
export function goJson(value: unknown): string {
  const sorted = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sorted);
    if (v && typeof v === 'object') {
      return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted((v as Record<string, unknown>)[k])]));
    }
    return v;
  };
  return JSON.stringify(sorted(value))
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
