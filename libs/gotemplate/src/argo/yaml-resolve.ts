// How go-yaml v2 (under sigs.k8s.io/yaml, Argo's toYaml/fromYaml) reads a plain YAML scalar: YAML 1.1
// booleans (yes/no/on/off/y/n), nulls, Go-syntax integers (0x, 0o, 0b, leading-0 octal, `_`), floats and
// timestamps. Writing, a string that would read back as anything but a string is double-quoted.
import { parseTime } from '../fmt/time-parse';

export type Resolved =
  | { tag: 'str'; value: string }
  | { tag: 'bool'; value: boolean }
  | { tag: 'null'; value: null }
  | { tag: 'int' | 'float'; value: number }
  | { tag: 'timestamp'; value: string };

const WORDS: Record<string, Resolved> = {};
const word = (r: Resolved, ...ws: string[]): void => ws.forEach((w) => (WORDS[w] = r));
word({ tag: 'bool', value: true }, 'y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON');
word({ tag: 'bool', value: false }, 'n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF');
word({ tag: 'null', value: null }, '', '~', 'null', 'Null', 'NULL');
word({ tag: 'float', value: NaN }, '.nan', '.NaN', '.NAN');
word({ tag: 'float', value: Infinity }, '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF');
word({ tag: 'float', value: -Infinity }, '-.inf', '-.Inf', '-.INF');

const INT64 = 2n ** 63n;
const UINT64 = 2n ** 64n;

/** strconv.ParseInt/ParseUint(s, 0, 64) (underscores already removed): the value, or undefined. */
function parseGoInt(s: string): bigint | undefined {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return undefined;
  let body = m[2];
  if (/^0[0-7]+$/.test(body)) body = '0o' + body.slice(1);
  const n = BigInt(body.toLowerCase());
  const v = m[1] === '-' ? -n : n;
  if (v >= -INT64 && v < INT64) return v;
  return m[1] !== '-' && v < UINT64 ? v : undefined;
}

/** strconv.ParseFloat(s, 64) for decimal text (with Go's `_` digit separators); undefined if out of range. */
function parseGoFloat(s: string): number | undefined {
  if (!/^[+-]?(?=\.?\d)(\d+(_\d+)*)?(\.(\d+(_\d+)*)?)?([eE][+-]?\d+(_\d+)*)?$/.test(s)) return undefined;
  const f = Number(s.replace(/_/g, ''));
  return Number.isFinite(f) ? f : undefined;
}

const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const TIMESTAMP_LAYOUTS = ['2006-1-2T15:4:5.999999999Z07:00', '2006-1-2t15:4:5.999999999Z07:00', '2006-1-2 15:4:5.999999999', '2006-1-2'];

function isTimestamp(s: string): boolean {
  if (!/^[0-9]{4}-/.test(s)) return false;
  return TIMESTAMP_LAYOUTS.some((layout) => {
    try {
      parseTime(layout, s);
      return true;
    } catch {
      return false;
    }
  });
}

/** go-yaml v2's resolve of an untagged plain scalar. */
export function resolvePlain(s: string): Resolved {
  const first = s[0] ?? '';
  const hinted = s === '' || /[-+0-9yYnNtTfFoO~.]/.test(first);
  if (!hinted) return { tag: 'str', value: s };
  if (Object.prototype.hasOwnProperty.call(WORDS, s)) return WORDS[s];
  if (first === '.') {
    const f = parseGoFloat(s);
    return f === undefined ? { tag: 'str', value: s } : { tag: 'float', value: f };
  }
  if (!/[-+0-9]/.test(first)) return { tag: 'str', value: s };
  if (isTimestamp(s)) return { tag: 'timestamp', value: s };
  const plain = s.replace(/_/g, '');
  const i = parseGoInt(plain);
  if (i !== undefined) return { tag: 'int', value: Number(i) };
  if (YAML_FLOAT.test(plain)) {
    const f = parseGoFloat(plain);
    if (f !== undefined) return { tag: 'float', value: f };
  }
  const bin = /^(-?)0b([01]+)$/.exec(plain);
  if (bin) {
    const v = BigInt('0b' + bin[2]) * (bin[1] ? -1n : 1n);
    if (v >= -INT64 && v < (bin[1] ? INT64 : UINT64)) return { tag: 'int', value: Number(v) };
  }
  return { tag: 'str', value: s };
}

const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/** go-yaml v2 writes a string plain only when it reads back as that string and is no base-60 float. */
export function plainReadsBack(s: string): boolean {
  return resolvePlain(s).tag === 'str' && !BASE60_FLOAT.test(s);
}
