// Go's fmt: Sprint, Sprintln, Sprintf with verbs, flags, width and precision over Go values.
import { formatFloat } from './float';
import { goQuote, goQuoteRune, isPrint, utf8Length } from './quote';
import { GoInt, GoTime, isMap, isStruct, kindOf, mapKeys, typeName } from '../values';
import { formatTime } from './time';

export interface Flags {
  plus: boolean; minus: boolean; sharp: boolean; space: boolean; zero: boolean;
  plusV: boolean; sharpV: boolean; width: number; prec: number; // -1: absent
}

const noFlags = (): Flags => ({
  plus: false, minus: false, sharp: false, space: false, zero: false, plusV: false, sharpV: false, width: -1, prec: -1,
});

const runeCount = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

function pad(s: string, f: Flags, zeroOK = true): string {
  if (f.width < 0) return s;
  const n = f.width - runeCount(s);
  if (n <= 0) return s;
  if (f.minus) return s + ' '.repeat(n);
  if (f.zero && zeroOK) {
    const sign = s[0] === '-' || s[0] === '+' || s[0] === ' ' ? s[0] : '';
    return sign + '0'.repeat(n) + s.slice(sign.length);
  }
  return ' '.repeat(n) + s;
}

const badVerb = (verb: string, v: unknown): string =>
  v === null || v === undefined ? `%!${verb}(<nil>)` : `%!${verb}(${typeName(v)}=${formatValue(v, 'v', noFlags(), 0)})`;

function fmtInteger(n: number, verb: string, f: Flags, unsigned: boolean): string {
  if (verb === 'c') return pad(String.fromCodePoint(validRune(n)), f, false);
  if (verb === 'q') return pad(goQuoteRune(validRune(n)), f, false);
  if (verb === 'U') {
    let s = 'U+' + Math.abs(n).toString(16).toUpperCase().padStart(Math.max(4, f.prec), '0');
    if (f.sharp && n >= 0 && n <= 0x10ffff && isPrint(n)) s += ` '${String.fromCodePoint(n)}'`;
    return pad(s, f, false);
  }
  const neg = n < 0;
  let big = BigInt(Math.trunc(n));
  if (neg) big = -big;
  const base = { d: 10, v: 10, b: 2, o: 8, O: 8, x: 16, X: 16 }[verb] ?? 10;
  let digits = big.toString(base);
  if (verb === 'X') digits = digits.toUpperCase();
  if (f.prec >= 0) {
    if (f.prec === 0 && n === 0) digits = '';
    digits = digits.padStart(f.prec, '0');
  } else if (f.zero && f.width > 0 && !f.minus) {
    const signLen = neg || f.plus || f.space ? 1 : 0;
    const prefixLen = f.sharp && (base === 16 || base === 2) ? 2 : 0;
    digits = digits.padStart(f.width - signLen - prefixLen, '0');
  }
  if (f.sharp) {
    if (base === 8 && digits[0] !== '0') digits = '0' + digits;
    if (base === 16) digits = (verb === 'X' ? '0X' : '0x') + digits;
    if (base === 2) digits = '0b' + digits;
  }
  if (verb === 'O') digits = '0o' + digits;
  const sign = neg ? '-' : f.plus ? '+' : f.space ? ' ' : '';
  void unsigned;
  return pad(sign + digits, { ...f, zero: false });
}

const validRune = (n: number): number => (n < 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff) ? 0xfffd : n);

function fmtFloat(v: number, verb: string, f: Flags): string {
  const fmt = verb === 'v' ? 'g' : verb === 'F' ? 'f' : verb;
  if (!'eEfgG'.includes(fmt)) return badVerb(verb, v);
  let prec = f.prec;
  if (prec < 0 && (fmt === 'e' || fmt === 'E' || fmt === 'f')) prec = 6;
  let s = formatFloat(v, fmt, prec);
  if (f.sharpV) s = formatFloat(v, 'g', -1);
  if (s[0] !== '-' && s[0] !== '+') {
    if (f.plus) s = '+' + s;
    else if (f.space) s = ' ' + s;
  } else if (s === '+Inf' && !f.plus) s = f.space ? ' Inf' : 'Inf';
  const finite = Number.isFinite(v);
  return pad(s, f, finite);
}

function hexBytes(s: string, f: Flags, upper: boolean): string {
  const bytes = new TextEncoder().encode(s);
  const parts: string[] = [];
  for (const b of bytes) {
    let h = b.toString(16).padStart(2, '0');
    if (upper) h = h.toUpperCase();
    parts.push(h);
  }
  const prefix = upper ? '0X' : '0x';
  if (f.space) return parts.map((p) => (f.sharp ? prefix + p : p)).join(' ');
  return (f.sharp && parts.length > 0 ? prefix : '') + parts.join('');
}

function fmtString(s: string, verb: string, f: Flags): string {
  switch (verb) {
    case 'v':
      if (f.sharpV) return pad(goQuote(s), f);
      return pad(truncate(s, f), f);
    case 's': return pad(truncate(s, f), f);
    case 'q': {
      const t = truncate(s, f);
      if (f.sharp && canBackquote(t)) return pad('`' + t + '`', f);
      return pad(goQuote(t, f.plus), f);
    }
    case 'x': return pad(hexBytes(truncate(s, f), f, false), f);
    case 'X': return pad(hexBytes(truncate(s, f), f, true), f);
  }
  return badVerb(verb, s);
}

function truncate(s: string, f: Flags): string {
  if (f.prec < 0) return s;
  return [...s].slice(0, f.prec).join('');
}

function fmtBool(b: boolean, verb: string, f: Flags): string {
  if (verb === 't' || verb === 'v') return pad(b ? 'true' : 'false', f);
  return badVerb(verb, b);
}

const INT_VERBS = 'bcdoOqxXUv';

/** Formats one operand with one verb (Go's printArg + printValue). */
export function formatValue(v: unknown, verb: string, f: Flags, depth: number): string {
  if (v === null || v === undefined) {
    if (verb === 'T' || verb === 'v' || depth > 0) return pad('<nil>', f);
    return badVerb(verb, v);
  }
  if (verb === 'T') return pad(typeName(v), f);
  switch (typeof v) {
    case 'boolean': return fmtBool(v, verb, f);
    case 'number': return fmtFloat(v, verb, f);
    case 'string': return fmtString(v, verb, f);
    case 'function': return verb === 'v' || verb === 'p' ? '0x1' : badVerb(verb, v);
  }
  if (v instanceof GoInt) {
    if (!INT_VERBS.includes(verb)) return badVerb(verb, v);
    if (f.sharpV) return String(v.n);
    return fmtInteger(v.n, verb, f, v.kind.startsWith('u'));
  }
  if (v instanceof GoTime) return 'vsxXq'.includes(verb) ? fmtString(formatTime(v), verb, f) : badVerb(verb, v);
  if (v instanceof Uint8Array) return fmtBytes(v, verb, f);
  if (Array.isArray(v)) return fmtSlice(v, verb, f, depth);
  if (isMap(v)) return fmtMap(v, verb, f, depth);
  if (isStruct(v)) {
    const str = stringer(v);
    if (str !== undefined && !f.sharpV && 'vsxXq'.includes(verb)) return fmtString(str(), verb, f);
    return fmtStruct(v, verb, f, depth);
  }
  return badVerb(verb, v);
}

function fmtBytes(v: Uint8Array, verb: string, f: Flags): string {
  if ('sqxX'.includes(verb)) return fmtString(new TextDecoder().decode(v), verb, f);
  return fmtSlice([...v].map((b) => new GoInt(b, 'uint8')), verb, f, 0);
}

function fmtSlice(v: unknown[], verb: string, f: Flags, depth: number): string {
  if (f.sharpV) {
    return typeName(v) + '{' + v.map((e) => formatValue(e, verb, f, depth + 1)).join(', ') + '}';
  }
  return '[' + v.map((e) => formatValue(e, verb, f, depth + 1)).join(' ') + ']';
}

function fmtMap(v: Record<string, unknown>, verb: string, f: Flags, depth: number): string {
  const keys = mapKeys(v);
  if (f.sharpV) {
    const parts = keys.map((k) => `${goQuote(k)}:${formatValue(v[k], verb, f, depth + 1)}`);
    return typeName(v) + '{' + parts.join(', ') + '}';
  }
  const parts = keys.map((k) => `${formatValue(k, verb, f, depth + 1)}:${formatValue(v[k], verb, f, depth + 1)}`);
  return 'map[' + parts.join(' ') + ']';
}

/** fmt's Stringer: a struct with a String() method prints through it. */
function stringer(v: object): (() => string) | undefined {
  const m = (Object.getPrototypeOf(v) as { String?: unknown } | null)?.String;
  return typeof m === 'function' && m.length === 0 ? () => String((m as () => unknown).call(v)) : undefined;
}

function fmtStruct(v: object, verb: string, f: Flags, depth: number): string {
  const fields = Object.entries(v).filter(([, x]) => typeof x !== 'function');
  const body = fields.map(([k, x]) => (f.plusV || f.sharpV ? `${k}:` : '') + formatValue(x, verb, f, depth + 1));
  const s = '{' + body.join(f.sharpV ? ', ' : ' ') + '}';
  if (kindOf(v) === 'struct') return s;
  return depth === 0 ? '&' + s : '0xc000010000';
}

/** fmt.Sprint: spaces between operands when neither side is a string. */
export function sprint(args: unknown[]): string {
  let out = '';
  args.forEach((a, i) => {
    if (i > 0 && typeof a !== 'string' && typeof args[i - 1] !== 'string') out += ' ';
    out += formatValue(a, 'v', noFlags(), 0);
  });
  return out;
}

/** fmt.Sprintln: always spaces, and a newline. */
export function sprintln(args: unknown[]): string {
  return args.map((a) => formatValue(a, 'v', noFlags(), 0)).join(' ') + '\n';
}

function parseNum(s: string, i: number): [number, number] {
  let n = -1;
  while (i < s.length && s[i] >= '0' && s[i] <= '9') {
    n = (n < 0 ? 0 : n) * 10 + (s.charCodeAt(i) - 48);
    if (n > 1e6) return [-2, i];
    i++;
  }
  return [n, i];
}

function intArg(args: unknown[], argNum: number): [number, boolean] {
  const a = args[argNum];
  if (a instanceof GoInt) return [a.n, Math.abs(a.n) <= 1e6];
  return [0, false];
}

/** fmt.Sprintf. */
export function sprintf(format: string, args: unknown[]): string {
  let out = '';
  let argNum = 0;
  let i = 0;
  const end = format.length;
  while (i < end) {
    const pct = format.indexOf('%', i);
    if (pct < 0) {
      out += format.slice(i);
      break;
    }
    out += format.slice(i, pct);
    i = pct + 1;
    const f = noFlags();
    for (; i < end; i++) {
      const c = format[i];
      if (c === '#') f.sharp = true;
      else if (c === '0') f.zero = !f.minus;
      else if (c === '+') f.plus = true;
      else if (c === '-') [f.minus, f.zero] = [true, false];
      else if (c === ' ') f.space = true;
      else break;
    }
    if (format[i] === '*') {
      i++;
      const [w, ok] = intArg(args, argNum++);
      if (!ok) out += '%!(BADWIDTH)';
      else if (w < 0) [f.minus, f.zero, f.width] = [true, false, -w];
      else f.width = w;
    } else {
      const [w, next] = parseNum(format, i);
      f.width = w;
      i = next;
    }
    if (format[i] === '.') {
      i++;
      if (format[i] === '*') {
        i++;
        const [p, ok] = intArg(args, argNum++);
        if (!ok || p < 0) {
          f.prec = -1;
          if (!ok) out += '%!(BADPREC)';
        } else f.prec = p;
      } else {
        const [p, next] = parseNum(format, i);
        f.prec = p < 0 ? 0 : p;
        i = next;
      }
    }
    if (i >= end) {
      out += '%!(NOVERB)';
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i)!);
    i += verb.length;
    if (verb === '%') {
      out += '%';
      continue;
    }
    if (argNum >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    if (verb === 'v') {
      if (f.sharp) [f.sharp, f.sharpV] = [false, true];
      if (f.plus) [f.plus, f.plusV] = [false, true];
    }
    if (f.zero && f.minus) f.zero = false;
    out += formatValue(args[argNum++], verb, f, 0);
  }
  if (argNum < args.length) {
    const extra = args.slice(argNum).map((a) => (a === null || a === undefined ? '<nil>' : `${typeName(a)}=${formatValue(a, 'v', noFlags(), 0)}`));
    out += `%!(EXTRA ${extra.join(', ')})`;
  }
  return out;
}

export { utf8Length };

function canBackquote(s: string): boolean {
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '`' || c === 0xfeff || c === 0x7f || (c < 0x20 && c !== 9)) return false;
  }
  return true;
}
