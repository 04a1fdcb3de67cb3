/**
 * A JSON document with the byte offsets of its values, as a streaming Go decoder meets them:
 * json-iterator quotes the bytes around where it stopped, so kube-sim needs to know where each
 * value starts and ends, and members in document order (a JS object puts integer keys first).
 */
export type JsonSource =
  | { kind: 'object'; start: number; end: number; members: Array<[string, JsonSource]> }
  | { kind: 'array'; start: number; end: number; items: JsonSource[] }
  | { kind: 'string'; start: number; end: number; value: string }
  | { kind: 'number' | 'true' | 'false' | 'null'; start: number; end: number };

/** Parses JSON text; offsets count UTF-8 bytes. Returns undefined for text that is not JSON. */
export function parseJsonSource(text: string): JsonSource | undefined {
  const bytes = Buffer.from(text, 'utf8');
  // Offsets are found on the string, then mapped to bytes once.
  const byteAt = (i: number): number => Buffer.byteLength(text.slice(0, i), 'utf8');
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
    return bytes.length === text.length ? root : toBytes(root, byteAt);
  } catch {
    return undefined;
  }
}

function toBytes(node: JsonSource, byteAt: (i: number) => number): JsonSource {
  const at = { start: byteAt(node.start), end: byteAt(node.end) };
  if (node.kind === 'object') return { ...node, ...at, members: node.members.map(([k, v]) => [k, toBytes(v, byteAt)]) };
  if (node.kind === 'array') return { ...node, ...at, items: node.items.map((v) => toBytes(v, byteAt)) };
  return { ...node, ...at };
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
