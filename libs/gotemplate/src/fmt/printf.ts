// Go's fmt: Sprint, Sprintln, Sprintf with verbs, flags, width and precision over Go values.
import { formatFloat, formatFloatBinary, formatFloatHex } from './float';
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

/** fmt's badVerb: the operand is printed with %v but with the flags, width and precision given. */
const badVerb = (verb: string, v: unknown, f: Flags = noFlags()): string =>
  v === null || v === undefined ? `%!${verb}(<nil>)` : `%!${verb}(${typeName(v)}=${formatValue(v, 'v', { ...f, sharpV: false, plusV: false }, 0)})`;

function fmtInteger(n: number, verb: string, f: Flags, unsigned: boolean): string {
  if (verb === 'c') return pad(String.fromCodePoint(validRune(n)), f, false);
  if (verb === 'q') return pad(goQuoteRune(validRune(n), f.plus), f, false);
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

const FLOAT_DEFAULT_PREC: Record<string, number> = { v: -1, b: -1, g: -1, G: -1, x: -1, X: -1, f: 6, F: 6, e: 6, E: 6 };

/** fmt's fmtFloat: strconv's text, then sign, `#` (keep the point, pad significant digits) and padding. */
function fmtFloat(v: number, verb: string, f: Flags): string {
  if (FLOAT_DEFAULT_PREC[verb] === undefined) return badVerb(verb, v, f);
  const fmt = verb === 'v' ? 'g' : verb === 'F' ? 'f' : verb;
  const prec = f.prec >= 0 ? f.prec : FLOAT_DEFAULT_PREC[verb];
  let num = f.sharpV
    ? formatFloat(v, 'g', -1)
    : fmt === 'b' ? formatFloatBinary(v) : fmt === 'x' || fmt === 'X' ? formatFloatHex(v, fmt, prec) : formatFloat(v, fmt, prec);
  if (num[0] !== '-' && num[0] !== '+') num = '+' + num;
  if (f.space && num[0] === '+' && !f.plus) num = ' ' + num.slice(1);
  if (num[1] === 'I' || num[1] === 'N') {
    if (num[1] === 'N' && !f.space && !f.plus) num = num.slice(1);
    return pad(num, { ...f, zero: false });
  }
  if (f.sharp && fmt !== 'b') num = keepPoint(num, fmt, prec);
  if (f.plus || num[0] !== '+') {
    if (f.zero && f.width > num.length) return num[0] + '0'.repeat(f.width - num.length) + num.slice(1);
    return pad(num, { ...f, zero: false });
  }
  return pad(num.slice(1), f);
}

/** `%#g` and friends: always a decimal point, and for g/x the significant digits padded with zeros. */
function keepPoint(signed: string, fmt: string, prec: number): string {
  let digits = 'gGx'.includes(fmt) ? (prec === -1 ? 6 : prec) : 0;
  let num = signed;
  let tail = '';
  let hasPoint = false;
  let sawNonzero = false;
  for (let i = 1; i < num.length; i++) {
    const c = num[i];
    if (c === '.') hasPoint = true;
    else if (c === 'p' || c === 'P' || ((c === 'e' || c === 'E') && fmt !== 'x' && fmt !== 'X')) {
      tail = num.slice(i);
      num = num.slice(0, i);
    } else {
      if (c !== '0') sawNonzero = true;
      if (sawNonzero) digits--;
    }
  }
  if (!hasPoint) {
    if (num.length === 2 && num[1] === '0') digits--;
    num += '.';
  }
  return num + '0'.repeat(Math.max(digits, 0)) + tail;
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
  return badVerb(verb, s, f);
}

function truncate(s: string, f: Flags): string {
  if (f.prec < 0) return s;
  return [...s].slice(0, f.prec).join('');
}

function fmtBool(b: boolean, verb: string, f: Flags): string {
  if (verb === 't' || verb === 'v') return pad(b ? 'true' : 'false', f);
  return badVerb(verb, b, f);
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
    // Named integers with a String method (time.Duration, time.Month) print through it.
    const str = stringer(v);
    if (str !== undefined && !f.sharpV && 'vsxXq'.includes(verb)) return fmtString(str(), verb, f);
    if (!INT_VERBS.includes(verb)) return badVerb(verb, v, f);
    if (f.sharpV) return String(v.n);
    return fmtInteger(v.n, verb, f, v.kind.startsWith('u'));
  }
  if (v instanceof GoTime) return 'vsxXq'.includes(verb) ? fmtString(formatTime(v), verb, f) : badVerb(verb, v, f);
  if (v instanceof Uint8Array) return fmtBytes(v, verb, f);
  if (Array.isArray(v)) return fmtSlice(v, verb, f, depth);
  if (isMap(v)) return fmtMap(v, verb, f, depth);
  if (isStruct(v)) {
    const str = stringer(v);
    if (str !== undefined && !f.sharpV && 'vsxXq'.includes(verb)) return fmtString(str(), verb, f);
    return fmtStruct(v, verb, f, depth);
  }
  return badVerb(verb, v, f);
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

const tooLarge = (n: number): boolean => n > 1e6 || n < -1e6;

/** fmt's parsenum: digits from `start` up to `end`; a crazy long number consumes everything. */
function parseNum(s: string, start: number, end: number): { n: number; ok: boolean; next: number } {
  let n = 0;
  let ok = false;
  let i = start;
  for (; i < end && s[i] >= '0' && s[i] <= '9'; i++) {
    if (tooLarge(n)) return { n: 0, ok: false, next: end };
    n = n * 10 + (s.charCodeAt(i) - 48);
    ok = true;
  }
  return { n, ok, next: i };
}

/** fmt's intFromArg: a width or precision from an integer argument of at most a million. */
function intArg(args: unknown[], argNum: number): { n: number; ok: boolean; next: number } {
  if (argNum >= args.length) return { n: 0, ok: false, next: argNum };
  const a = args[argNum];
  if (a instanceof GoInt && !tooLarge(a.n)) return { n: a.n, ok: true, next: argNum + 1 };
  return { n: 0, ok: false, next: argNum + 1 };
}

/** State of one Sprintf: the next argument, and whether `[n]` indexes have reordered them. */
interface Scan { argNum: number; reordered: boolean; goodArgNum: boolean }

/** fmt's argNumber: an explicit `[n]` index (one-based) at i, if there is one. */
function argNumber(st: Scan, format: string, i: number, numArgs: number): { i: number; found: boolean } {
  if (format[i] !== '[') return { i, found: false };
  st.reordered = true;
  let wid = 1;
  let ok = false;
  let index = 0;
  if (format.length - i >= 3) {
    const close = format.indexOf(']', i + 1);
    if (close >= 0) {
      const num = parseNum(format, i + 1, close);
      wid = close - i + 1;
      if (num.ok && num.next === close) [ok, index] = [true, num.n - 1];
    }
  }
  if (ok && index >= 0 && index < numArgs) {
    st.argNum = index;
    return { i: i + wid, found: true };
  }
  st.goodArgNum = false;
  return { i: i + wid, found: ok };
}

/** fmt.Sprintf, following fmt's doPrintf step by step (flags, [n], width, precision, [n], verb). */
export function sprintf(format: string, args: unknown[]): string {
  let out = '';
  const st: Scan = { argNum: 0, reordered: false, goodArgNum: true };
  let i = 0;
  const end = format.length;
  while (i < end) {
    st.goodArgNum = true;
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
    let idx = argNumber(st, format, i, args.length);
    i = idx.i;
    let afterIndex = idx.found;
    if (format[i] === '*') {
      i++;
      const w = intArg(args, st.argNum);
      st.argNum = w.next;
      if (!w.ok) out += '%!(BADWIDTH)';
      else if (w.n < 0) [f.minus, f.zero, f.width] = [true, false, -w.n];
      else f.width = w.n;
      afterIndex = false;
    } else {
      const w = parseNum(format, i, end);
      i = w.next;
      if (w.ok) {
        f.width = w.n;
        if (afterIndex) st.goodArgNum = false; // "%[3]2d"
      }
    }
    if (i + 1 < end && format[i] === '.') {
      i++;
      if (afterIndex) st.goodArgNum = false; // "%[3].2d"
      idx = argNumber(st, format, i, args.length);
      i = idx.i;
      afterIndex = idx.found;
      if (format[i] === '*') {
        i++;
        const p = intArg(args, st.argNum);
        st.argNum = p.next;
        if (p.ok && p.n >= 0) f.prec = p.n;
        else out += '%!(BADPREC)';
        afterIndex = false;
      } else {
        const p = parseNum(format, i, end);
        i = p.next;
        f.prec = p.ok ? p.n : 0;
      }
    }
    if (!afterIndex) {
      idx = argNumber(st, format, i, args.length);
      i = idx.i;
      afterIndex = idx.found;
    }
    if (i >= end) {
      out += '%!(NOVERB)';
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i)!);
    i += verb.length;
    if (verb === '%') out += '%';
    else if (!st.goodArgNum) out += `%!${verb}(BADINDEX)`;
    else if (st.argNum >= args.length) out += `%!${verb}(MISSING)`;
    else {
      if (verb === 'v') {
        [f.sharpV, f.sharp] = [f.sharp, false];
        [f.plusV, f.plus] = [f.plus, false];
      }
      out += formatValue(args[st.argNum++], verb, f, 0);
    }
  }
  if (!st.reordered && st.argNum < args.length) {
    const extra = args.slice(st.argNum).map((a) => (a === null || a === undefined ? '<nil>' : `${typeName(a)}=${formatValue(a, 'v', noFlags(), 0)}`));
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
