// Argo's toYaml, fromYaml and fromYamlArray. Argo uses sigs.k8s.io/yaml, which goes through JSON:
// toYaml is encoding/json's output read back by go-yaml v2 (so numbers made in a template stay numbers,
// keys are sorted as go-yaml sorts them) and written by go-yaml v2; fromYaml is go-yaml v2's reading
// (YAML 1.1: yes/no/on/off are booleans) turned into JSON and decoded as encoding/json decodes, so every
// number comes back a float64.
import { isMap as isYamlMap, isScalar, isSeq, isAlias, parseAllDocuments, type Document, type Node } from 'yaml';
import { formatFloat } from '../fmt/float';
import { marshal } from '../sprig/encoding';
import { emitYaml, type YNode } from './yaml-emit';
import { plainReadsBack, resolvePlain } from './yaml-resolve';

/** go-yaml v2's order of string map keys: runs of digits compare as numbers, letters before others. */
export function yamlKeyLess(a: string, b: string): boolean {
  const ar = [...a].map((c) => c.codePointAt(0)!);
  const br = [...b].map((c) => c.codePointAt(0)!);
  const letter = (c: number): boolean => /\p{L}/u.test(String.fromCodePoint(c));
  const digit = (c: number): boolean => /\p{Nd}/u.test(String.fromCodePoint(c));
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = letter(ar[i]);
    const bl = letter(br[i]);
    if (al && bl) return ar[i] < br[i];
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (ar[i] === 0x30 || br[i] === 0x30) {
      for (let j = i - 1; j >= 0 && digit(ar[j]); j--) {
        if (ar[j] !== 0x30) {
          an = bn = 1;
          break;
        }
      }
    }
    let ai = i;
    let bi = i;
    for (; ai < ar.length && digit(ar[ai]); ai++) an = an * 10 + (ar[ai] - 0x30);
    for (; bi < br.length && digit(br[bi]); bi++) bn = bn * 10 + (br[bi] - 0x30);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i] < br[i];
  }
  return ar.length < br.length;
}

const stringNode = (s: string): YNode => ({
  kind: 'scalar',
  value: s,
  style: s.includes('\n') ? 'literal' : plainReadsBack(s) ? 'plain' : 'double',
});

/** A JSON number as go-yaml v2 re-reads and re-writes it: integers as written, the rest as %g. */
function numberNode(text: string): YNode {
  if (/^-?\d+$/.test(text)) {
    const n = BigInt(text);
    if (n >= -(2n ** 63n) && n < 2n ** 64n) return { kind: 'scalar', value: n.toString(), style: 'plain' };
  }
  return { kind: 'scalar', value: formatFloat(Number(text), 'g', -1), style: 'plain' };
}

const MAX_FLOW_KEY = 1024;

/**
 * encoding/json leaves U+0085 (NEL) unescaped, and YAML 1.1 reads it as a line break inside a quoted
 * scalar: folded to a space, or to n-1 newlines for n breaks, eating the blanks around them.
 */
const foldNel = (s: string): string =>
  // Only raw spaces are blanks there: encoding/json escapes tabs, and an escape is content.
  s.replace(/ *(?:\u0085 *)+/g, (m) => {
    const n = (m.match(/\u0085/g) ?? []).length;
    return n === 1 ? ' ' : '\n'.repeat(n - 1);
  });

/** Reads the JSON encoding/json wrote, keeping each number's text. */
function jsonToNode(json: string): YNode {
  let i = 0;
  const ws = (): void => {
    while (/\s/.test(json[i] ?? '')) i++;
  };
  const str = (): string => {
    const m = /^"(?:[^"\\]|\\.)*"/.exec(json.slice(i))!;
    i += m[0].length;
    return foldNel(JSON.parse(m[0]) as string);
  };
  // A key go-yaml cannot take as a simple key in the flow map encoding/json wrote fails to parse.
  const key = (): string => {
    const start = i;
    const k = str();
    const token = json.slice(start, i);
    if ([...token].length > MAX_FLOW_KEY || token.includes('\u0085')) {
      const line = (json.slice(0, i).match(/\u0085/g) ?? []).length;
      throw new Error(`yaml: ${line > 0 ? `line ${line}: ` : ''}did not find expected ',' or '}'`);
    }
    return k;
  };
  const value = (): YNode => {
    ws();
    const c = json[i];
    if (c === '"') return stringNode(str());
    if (c === '{' || c === '[') {
      i++;
      const entries: [string, YNode][] = [];
      const items: YNode[] = [];
      ws();
      while (json[i] !== '}' && json[i] !== ']') {
        if (c === '{') {
          ws();
          const k = key();
          ws();
          i++; // ':'
          entries.push([k, value()]);
        } else items.push(value());
        ws();
        if (json[i] === ',') i++;
        ws();
      }
      i++;
      if (c === '[') return { kind: 'seq', items };
      entries.sort(([a], [b]) => (yamlKeyLess(a, b) ? -1 : yamlKeyLess(b, a) ? 1 : 0));
      return { kind: 'map', entries: entries.map(([k, v]) => [stringNode(k), v]) };
    }
    const m = /^(true|false|null|-?[0-9][0-9.eE+-]*)/.exec(json.slice(i))!;
    i += m[0].length;
    return /^[tfn]/.test(m[0]) ? { kind: 'scalar', value: m[0], style: 'plain' } : numberNode(m[0]);
  };
  return value();
}

/** toYaml: YAML of the value (without the final line break), or an error as Argo's. */
export function toYaml(v: unknown): string {
  let json: string;
  try {
    json = marshal(v, true, '');
  } catch (e) {
    throw new Error(`error marshaling into JSON: ${(e as Error).message}`);
  }
  return emitYaml(jsonToNode(json)).replace(/\n$/, '');
}

class YamlToJsonError extends Error {}

/** A JSON map key from what go-yaml decoded as a key (sigs.k8s.io/yaml's conversion). */
function jsonKey(k: unknown): string {
  if (typeof k === 'string') return k;
  if (typeof k === 'boolean') return String(k);
  if (typeof k === 'number') {
    if (Number.isInteger(k)) return String(k);
    if (Number.isNaN(k)) return '.nan';
    if (!Number.isFinite(k)) return k > 0 ? '.inf' : '-.inf';
    return float32String(k);
  }
  throw new YamlToJsonError(`unsupported map key of type: <nil>, key: <nil>`);
}

/** strconv.FormatFloat(f, 'g', -1, 32). */
function float32String(f: number): string {
  const f32 = Math.fround(f);
  for (let p = 1; p <= 9; p++) {
    const s = f32.toPrecision(p);
    if (Math.fround(Number(s)) === f32) return formatFloat(Number(s), 'g', -1);
  }
  return formatFloat(f32, 'g', -1);
}

/** go-yaml's guard against alias bombs: how many nodes it decoded, and how many of them through aliases. */
interface Walk {
  doc: Document;
  source: string;
  decoded: number;
  aliased: number;
  expanding: Set<Node>;
}

function aliasRatio(decoded: number): number {
  if (decoded <= 400_000) return 0.99;
  if (decoded >= 4_000_000) return 0.1;
  return 0.99 - (0.89 * (decoded - 400_000)) / 3_600_000;
}

function jsonValue(n: Node | null, w: Walk): unknown {
  w.decoded++;
  if (w.expanding.size > 0) w.aliased++;
  if (w.aliased > 100 && w.decoded > 1000 && w.aliased / w.decoded > aliasRatio(w.decoded))
    throw new YamlToJsonError('yaml: document contains excessive aliasing');
  if (n === null) return null;
  if (isAlias(n)) {
    const target = n.resolve(w.doc);
    if (target === undefined) throw new YamlToJsonError(`yaml: unknown anchor '${n.source}' referenced`);
    if (w.expanding.has(n)) throw new YamlToJsonError(`yaml: anchor '${n.source}' value contains itself`);
    w.expanding.add(n);
    try {
      return jsonValue(target, w);
    } finally {
      w.expanding.delete(n);
    }
  }
  if (isScalar(n)) {
    let text = String(n.value);
    if ((n.type === 'BLOCK_LITERAL' || n.type === 'BLOCK_FOLDED') && n.range?.[1] === w.source.length && !/[\n\r]$/.test(w.source))
      text = text.replace(/\n$/, ''); // go-yaml adds no final break where the input has none
    const tag = n.tag?.replace(/^tag:yaml\.org,2002:/, '');
    // A tag go-yaml does not resolve (`!foo`) leaves the text as it is, even empty.
    const known = tag === undefined || ['int', 'float', 'bool', 'null', 'timestamp'].includes(tag);
    if (tag === 'str' || !known || (n.type !== 'PLAIN' && tag === undefined)) return text;
    const r = resolvePlain(text);
    if (tag !== undefined && tag !== r.tag && !(tag === 'float' && r.tag === 'int') && ['int', 'float', 'bool', 'null'].includes(tag))
      throw new YamlToJsonError(`yaml: cannot decode !!${r.tag} \`${text}\` as a !!${tag}`);
    return r.value;
  }
  if (isSeq(n)) return n.items.map((item) => jsonValue(item as Node | null, w));
  if (isYamlMap(n)) {
    const out: Record<string, unknown> = {};
    for (const pair of n.items) {
      const key = pair.key as Node | null;
      const value = pair.value as Node | null;
      if (isScalar(key) && key.type === 'PLAIN' && key.value === '<<') {
        for (const s of mergeSources(value, w.doc)) Object.assign(out, jsonValue(s, w));
        continue;
      }
      out[jsonKey(jsonValue(key, w))] = jsonValue(value, w);
    }
    return out;
  }
  return null;
}

/** What `<<: x` merges, last first: a map, an alias of one, or a (literal) list of those. */
function mergeSources(value: Node | null, doc: Document): Node[] {
  const isMapOrAliasOfMap = (n: unknown): boolean => isYamlMap(n) || (isAlias(n) && isYamlMap(n.resolve(doc)));
  if (value !== null && isMapOrAliasOfMap(value)) return [value];
  if (isSeq(value) && value.items.every(isMapOrAliasOfMap)) return [...(value.items as Node[])].reverse();
  throw new YamlToJsonError('yaml: map merge requires map or sequence of maps as the value');
}

/** The first NaN or infinity encoding/json would meet (maps in key order). */
function firstNonFinite(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? undefined : v;
  const items = Array.isArray(v)
    ? v
    : v !== null && typeof v === 'object'
      ? Object.keys(v)
          .sort()
          .map((k) => (v as Record<string, unknown>)[k])
      : [];
  for (const item of items) {
    const bad = firstNonFinite(item);
    if (bad !== undefined) return bad;
  }
  return undefined;
}

/** go-yaml v2 reads only the first document; what its YAML becomes as JSON. */
function yamlToJson(text: string): unknown {
  const docs = parseAllDocuments(text, { schema: 'failsafe', uniqueKeys: false, prettyErrors: false });
  const doc = Array.isArray(docs) ? docs[0] : undefined;
  if (doc === undefined) return null;
  // go-yaml stops reading after the first document's root node: a stray token past a flow or scalar
  // root goes unseen (past a block root it is still inside the block, and an error).
  const root = doc.contents;
  const closed = isScalar(root) || ((isYamlMap(root) || isSeq(root)) && root.flow === true);
  const end = closed ? (root.range?.[2] ?? Infinity) : Infinity;
  const err = doc.errors.find((e) => !(e.code === 'UNEXPECTED_TOKEN' && e.pos[0] >= end));
  if (err !== undefined) {
    const line = err.linePos?.[0].line ?? 1;
    throw new Error(`error converting YAML to JSON: yaml: line ${line}: ${err.message.replace(/ at line \d+, column \d+:[\s\S]*$/, '')}`);
  }
  try {
    const v = jsonValue(doc.contents, { doc, source: text, decoded: 1, aliased: 0, expanding: new Set() });
    // encoding/json refuses NaN and infinities that survive to the end (a later duplicate key may replace one).
    const bad = firstNonFinite(v);
    if (bad !== undefined) throw new YamlToJsonError(`json: unsupported value: ${formatFloat(bad, 'g', -1)}`);
    return v;
  } catch (e) {
    if (e instanceof YamlToJsonError) throw new Error(`error converting YAML to JSON: ${e.message}`);
    throw e;
  }
}

const jsonKind = (v: unknown): string =>
  Array.isArray(v) ? 'array' : typeof v === 'object' ? 'object' : typeof v === 'boolean' ? 'bool' : typeof v;

function decodeInto(text: string, want: 'object' | 'array', goType: string): unknown {
  const v = yamlToJson(text);
  if (v === null) return want === 'object' ? {} : [];
  if (jsonKind(v) !== want)
    throw new Error(`error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(v)} into Go value of type ${goType}`);
  return v;
}

/** fromYaml: a YAML map as map[string]interface{}. */
export const fromYaml = (text: string): unknown => decodeInto(text, 'object', 'map[string]interface {}');

/** fromYamlArray: a YAML sequence as []interface{}. */
export const fromYamlArray = (text: string): unknown => decodeInto(text, 'array', '[]interface {}');
