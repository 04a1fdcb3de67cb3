/** One field: [json name, type, label] where label is `r` (repeated), `m` (map value) or `` (optional). */
export type ProtoField = [name: string, type: string, label: '' | 'r' | 'm', mapKeyType?: string];

/** Message full name → field number → field. */
export type ProtoMessages = Record<string, Record<string, ProtoField>>;

const SCALARS = new Set(['string', 'bytes', 'bool', 'int32', 'int64', 'uint32', 'uint64', 'sint32', 'sint64', 'double', 'float', 'fixed32', 'fixed64']);

/** Reads message fields from a proto2 file of k8s.io/api; types come back fully qualified. */
export function parseProtoFields(source: string): ProtoMessages {
  const text = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  const pkg = /package\s+([\w.]+)\s*;/.exec(text)?.[1] ?? '';
  const out: ProtoMessages = {};
  const stack: string[] = [];
  const qualify = (type: string): string => (SCALARS.has(type) ? type : type.startsWith('.') ? type.slice(1) : `${pkg}.${type}`);
  const tokens = text.match(/message\s+\w+\s*\{|\}|[^{};]+;/g) ?? [];
  for (const token of tokens) {
    const open = /^message\s+(\w+)/.exec(token);
    if (open) {
      stack.push(open[1]);
      out[`${pkg}.${stack.join('.')}`] = {};
      continue;
    }
    if (token === '}') {
      stack.pop();
      continue;
    }
    if (!stack.length) continue;
    const fields = out[`${pkg}.${stack.join('.')}`];
    const map = /map\s*<\s*(\w+)\s*,\s*([\w.]+)\s*>\s+(\w+)\s*=\s*(\d+)/.exec(token);
    if (map) {
      fields[map[4]] = [map[3], qualify(map[2]), 'm', map[1]];
      continue;
    }
    const f = /(optional|repeated|required)?\s*([\w.]+)\s+(\w+)\s*=\s*(\d+)/.exec(token.trim());
    if (f) fields[f[4]] = [f[3], qualify(f[2]), f[1] === 'repeated' ? 'r' : ''];
  }
  return out;
}
