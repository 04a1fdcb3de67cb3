// Number literals as Go's parse.newNumber classifies them (int, uint, float; char constants).
import { goUnquote, unquoteChar, UnquoteError } from '../fmt/quote';

export interface NumberInfo { isInt: boolean; isUint: boolean; isFloat: boolean; isComplex: boolean; int: number; float: number }

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

function underscoreOK(s: string): boolean {
  // Go's rule: underscores only between digits (a base prefix counts as a digit).
  let saw = '^';
  let i = 0;
  if (s[0] === '+' || s[0] === '-') s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && /[bBoOxX]/.test(s[1])) {
    i = 2;
    saw = '0';
    hex = s[1] === 'x' || s[1] === 'X';
  }
  for (; i < s.length; i++) {
    const c = s[i];
    if (/[0-9]/.test(c) || (hex && /[a-fA-F]/.test(c))) saw = '0';
    else if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
    } else {
      if (saw === '_') return false;
      saw = '!';
    }
  }
  return saw !== '_';
}

/** strconv.ParseInt/ParseUint with base 0: a bigint, 'range' or null for bad syntax. */
function parseInteger(text: string, signed: boolean): bigint | 'range' | null {
  let s = text;
  let neg = false;
  if (signed && (s[0] === '+' || s[0] === '-')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '') return null;
  let base = 10;
  let digits = s;
  if (s[0] === '0' && s.length > 1) {
    const p = s[1].toLowerCase();
    if (p === 'x') [base, digits] = [16, s.slice(2)];
    else if (p === 'o') [base, digits] = [8, s.slice(2)];
    else if (p === 'b') [base, digits] = [2, s.slice(2)];
    else [base, digits] = [8, s.slice(1)];
  }
  if (digits.includes('_')) {
    if (!underscoreOK(text)) return null;
    digits = digits.replace(/_/g, '');
  }
  const valid = { 2: /^[01]+$/, 8: /^[0-7]+$/, 10: /^[0-9]+$/, 16: /^[0-9a-fA-F]+$/ }[base]!;
  if (!valid.test(digits)) return null;
  const prefix = { 2: '0b', 8: '0o', 10: '', 16: '0x' }[base]!;
  let v = BigInt(prefix + digits);
  if (neg) v = -v;
  if (signed ? v < INT64_MIN || v > INT64_MAX : v > UINT64_MAX) return 'range';
  return v;
}

function parseFloatGo(text: string): number | null {
  let s = text;
  if (s.includes('_')) {
    if (!underscoreOK(s)) return null;
    s = s.replace(/_/g, '');
  }
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return Number(s);
  const m = /^([+-]?)0[xX]([0-9a-fA-F]*)\.?([0-9a-fA-F]*)[pP]([+-]?\d+)$/.exec(s);
  if (m && (m[2] + m[3]).length > 0) {
    const mant = parseInt(m[2] + m[3] || '0', 16) / 16 ** m[3].length;
    const v = mant * 2 ** Number(m[4]);
    return m[1] === '-' ? -v : v;
  }
  return null;
}

export function parseNumber(text: string, isChar: boolean, isComplex: boolean): NumberInfo | string {
  const n: NumberInfo = { isInt: false, isUint: false, isFloat: false, isComplex: false, int: 0, float: 0 };
  if (isChar) {
    try {
      const [ch, next] = unquoteChar(text, 1, "'");
      if (text.slice(next) !== "'") return `malformed character constant: ${text}`;
      const cp = ch.codePointAt(0)!;
      return { ...n, isInt: true, isUint: true, isFloat: true, int: cp, float: cp };
    } catch (e) {
      if (e instanceof UnquoteError) return e.message;
      throw e;
    }
  }
  if (isComplex || text.endsWith('i')) return `complex constants are not supported: ${goUnquoteSafe(text)}`;
  const u = parseInteger(text, false);
  const i = parseInteger(text, true);
  if (typeof u === 'bigint') n.isUint = true;
  if (typeof i === 'bigint') {
    n.isInt = true;
    n.int = Number(i);
    if (i === 0n) n.isUint = true;
  }
  if (n.isInt) [n.isFloat, n.float] = [true, n.int];
  else if (n.isUint) [n.isFloat, n.float, n.int] = [true, Number(u), Number(u)];
  else {
    const f = parseFloatGo(text);
    if (f !== null && Number.isFinite(f)) {
      if (!/[.eEpP]/.test(text)) return `integer overflow: ${JSON.stringify(text)}`;
      n.isFloat = true;
      n.float = f;
      if (Number.isInteger(f) && f >= -(2 ** 63) && f < 2 ** 63) [n.isInt, n.int] = [true, f];
      if (Number.isInteger(f) && f >= 0 && f < 2 ** 64) [n.isUint, n.int] = [true, f];
    }
  }
  if (!n.isInt && !n.isUint && !n.isFloat) return `illegal number syntax: ${JSON.stringify(text)}`;
  return n;
}

function goUnquoteSafe(s: string): string {
  try {
    return goUnquote(`"${s}"`);
  } catch {
    return s;
  }
}
