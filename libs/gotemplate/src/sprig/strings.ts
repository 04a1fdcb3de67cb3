// Sprig's string functions.
import { sprintf } from '../fmt/printf';
import { goQuote } from '../fmt/quote';
import { sliceElemType, typedMap, typedSlice } from '../values';
import { asList, strval } from './conv';

const enc = new TextEncoder();
const dec = new TextDecoder();
const isAscii = (s: string): boolean => !/[^\p{ASCII}]/u.test(s);
export const byteLen = (s: string): number => (isAscii(s) ? s.length : enc.encode(s).length);
export const byteSlice = (s: string, a: number, b?: number): string =>
  isAscii(s) ? s.slice(a, b) : dec.decode(enc.encode(s).slice(a, b));

export function trunc(c: number, s: string): string {
  const n = byteLen(s);
  if (c < 0 && n + c > 0) return byteSlice(s, n + c);
  if (c >= 0 && n > c) return byteSlice(s, 0, c);
  return s;
}

export function substr(start: number, end: number, s: string): string {
  const n = byteLen(s);
  if (start < 0) {
    if (end > n || end < 0) throw new Error(`runtime error: slice bounds out of range [:${end}] with length ${n}`);
    return byteSlice(s, 0, end);
  }
  if (end < 0 || end > n) {
    if (start > n) throw new Error(`runtime error: slice bounds out of range [${start}:${n}]`);
    return byteSlice(s, start);
  }
  if (start > end) throw new Error(`runtime error: slice bounds out of range [${start}:${end}]`);
  return byteSlice(s, start, end);
}

export const quote = (...v: unknown[]): string => v.filter((x) => x !== null).map((x) => goQuote(strval(x))).join(' ');
export const squote = (...v: unknown[]): string => v.filter((x) => x !== null).map((x) => sprintf("'%v'", [x])).join(' ');
export const cat = (...v: unknown[]): string => {
  const xs = v.filter((x) => x !== null);
  return sprintf('%v '.repeat(xs.length).trim(), xs);
};
export const indent = (n: number, s: string): string => {
  const pad = ' '.repeat(Math.max(n, 0));
  return pad + s.split('\n').join('\n' + pad);
};

export function strslice(v: unknown): string[] {
  const l = asList(v);
  if (Array.isArray(v) && sliceElemType(v) === 'string') return v as string[];
  if (l) return typedSlice(l.filter((x) => x !== null).map(strval), 'string');
  if (v === null || v === undefined) return typedSlice([], 'string');
  return typedSlice([strval(v)], 'string');
}

export const splitMap = (parts: string[]): Record<string, string> => {
  const m: Record<string, string> = {};
  parts.forEach((p, i) => (m[`_${i}`] = p));
  return typedMap(m, 'map[string]string');
};

/** strings.Split */
export function goSplit(s: string, sep: string, n = -1): string[] {
  if (n === 0) return [];
  if (sep === '') {
    const chars = [...s];
    if (n > 0 && chars.length > n) return [...chars.slice(0, n - 1), chars.slice(n - 1).join('')];
    return chars;
  }
  const parts = s.split(sep);
  if (n > 0 && parts.length > n) return [...parts.slice(0, n - 1), parts.slice(n - 1).join(sep)];
  return parts;
}

/** strings.Title: uppercases the first letter of each word (words split at non-letters). */
export function title(s: string): string {
  let prev = ' ';
  let out = '';
  for (const ch of s) {
    out += isSeparator(prev) ? ch.toUpperCase() : ch;
    prev = ch;
  }
  return out;
}
function isSeparator(c: string): boolean {
  if (/^[A-Za-z0-9_]$/.test(c)) return false;
  if (c.codePointAt(0)! < 0x80) return true;
  if (/^[\p{L}\p{Nd}]$/u.test(c)) return false;
  return /^\s$/u.test(c);
}

export const untitle = (s: string): string => (s === '' ? s : [...s][0].toLowerCase() + [...s].slice(1).join(''));

export function swapcase(s: string): string {
  let out = '';
  let ws = true;
  for (const ch of s) {
    if (/\s/.test(ch)) [out, ws] = [out + ch, true];
    else if (ch !== ch.toLowerCase()) [out, ws] = [out + ch.toLowerCase(), false];
    else if (ch !== ch.toUpperCase()) {
      out += ws ? ch.toUpperCase() : ch.toUpperCase();
      ws = false;
    } else [out, ws] = [out + ch, false];
  }
  return out;
}

export function initials(s: string): string {
  return s.split(/\s+/).filter((w) => w !== '').map((w) => [...w][0]).join('');
}

export const nospace = (s: string): string => s.replace(/\s/gu, '');

export function goTrim(s: string, cutset: string): string {
  const set = new Set([...cutset]);
  const chars = [...s];
  let a = 0;
  let b = chars.length;
  while (a < b && set.has(chars[a])) a++;
  while (b > a && set.has(chars[b - 1])) b--;
  return chars.slice(a, b).join('');
}

export const trimSpace = (s: string): string => s.replace(/^[\s\u0085]+|[\s\u0085]+$/gu, '').replace(/^\ufeff|\ufeff$/g, (m) => m);

export function plural(one: string, many: string, count: number): string {
  return count === 1 ? one : many;
}

export function wrap(width: number, s: string, sep = '\n', wrapLong = true): string {
  if (width < 1) width = 1;
  const out: string[] = [];
  for (const line of s.split('\n')) out.push(wrapLine(line, width, sep, wrapLong));
  return out.join('\n');
}
function wrapLine(str: string, width: number, sep: string, wrapLong: boolean): string {
  let out = '';
  let offset = 0;
  const n = str.length;
  while (n - offset > width) {
    if (str[offset] === ' ') {
      offset++;
      continue;
    }
    let space = str.lastIndexOf(' ', width + offset);
    if (space >= offset) {
      out += str.slice(offset, space) + sep;
      offset = space + 1;
    } else if (wrapLong) {
      out += str.slice(offset, width + offset) + sep;
      offset += width;
    } else {
      space = str.indexOf(' ', width + offset);
      if (space >= 0) {
        out += str.slice(offset, space) + sep;
        offset = space + 1;
      } else {
        out += str.slice(offset);
        offset = n;
      }
    }
  }
  return out + str.slice(offset);
}

const isConnector = (c: string): boolean => c === '-' || c === '_' || /^\s$/u.test(c);

/** xstrings.ToCamelCase */
export function camelcase(str: string): string {
  const rs = [...str];
  if (rs.length === 0) return '';
  let out = '';
  let i = 0;
  let r0 = '';
  for (; i < rs.length; i++) {
    r0 = rs[i];
    if (!isConnector(r0)) {
      r0 = r0.toUpperCase();
      i++;
      break;
    }
    out += r0;
  }
  if (i >= rs.length) return isConnector(r0) ? out : out + r0;
  for (; i < rs.length; i++) {
    const r1 = r0;
    r0 = rs[i];
    if (isConnector(r0) && isConnector(r1)) {
      out += r1;
      continue;
    }
    if (isConnector(r1)) r0 = r0.toUpperCase();
    else {
      r0 = r0.toLowerCase();
      out += r1;
    }
  }
  return out + r0;
}
