// Sprig's defaults, math, regex, paths, reflection, UUIDs and random strings.
import { randomInt, randomUUID } from 'node:crypto';
import { sprint } from '../fmt/printf';
import { GoInt, isMap, kindOf, typeName, typedSlice, wrapInt64 } from '../values';
import { empty, toFloat64, toInt64 } from './conv';

export const dfault = (d: unknown, ...given: unknown[]): unknown => (given.length === 0 || empty(given[0]) ? d : given[0]);
export const coalesce = (...v: unknown[]): unknown => v.find((x) => !empty(x)) ?? null;
export const all = (...v: unknown[]): boolean => v.every((x) => !empty(x));
export const anyFn = (...v: unknown[]): boolean => v.some((x) => !empty(x));
export const ternary = (t: unknown, f: unknown, c: boolean): unknown => (c ? t : f);

const i64 = (n: number): GoInt => new GoInt(wrapInt64(n), 'int64');
export const add = (...v: unknown[]): GoInt => i64(v.reduce<number>((a, b) => a + toInt64(b), 0));
export const add1 = (v: unknown): GoInt => i64(toInt64(v) + 1);
export const sub = (a: unknown, b: unknown): GoInt => i64(toInt64(a) - toInt64(b));
export const mul = (a: unknown, ...v: unknown[]): GoInt => i64(v.reduce<number>((x, y) => x * toInt64(y), toInt64(a)));
export function div(a: unknown, b: unknown): GoInt {
  const d = toInt64(b);
  if (d === 0) throw new Error('runtime error: integer divide by zero');
  return i64(Math.trunc(toInt64(a) / d));
}
export function mod(a: unknown, b: unknown): GoInt {
  const d = toInt64(b);
  if (d === 0) throw new Error('runtime error: integer divide by zero');
  return i64(toInt64(a) % d);
}
export const max = (a: unknown, ...v: unknown[]): GoInt => i64(v.reduce<number>((x, y) => Math.max(x, toInt64(y)), toInt64(a)));
export const min = (a: unknown, ...v: unknown[]): GoInt => i64(v.reduce<number>((x, y) => Math.min(x, toInt64(y)), toInt64(a)));
export const maxf = (a: unknown, ...v: unknown[]): number => v.reduce<number>((x, y) => Math.max(x, toFloat64(y)), toFloat64(a));
export const minf = (a: unknown, ...v: unknown[]): number => v.reduce<number>((x, y) => Math.min(x, toFloat64(y)), toFloat64(a));

/** Sprig's float ops go through shopspring/decimal; decimal strings keep exactness. */
function decOp(a: unknown, rest: unknown[], op: (x: number, y: number) => number): number {
  let acc = toFloat64(a);
  for (const r of rest) acc = Number(op(acc, toFloat64(r)).toPrecision(15));
  return acc;
}
export const addf = (...v: unknown[]): number => decOp(0, v, (x, y) => x + y);
export const add1f = (v: unknown): number => decOp(v, [1], (x, y) => x + y);
export const subf = (a: unknown, ...v: unknown[]): number => decOp(a, v, (x, y) => x - y);
export const mulf = (a: unknown, ...v: unknown[]): number => decOp(a, v, (x, y) => x * y);
export function divf(a: unknown, ...v: unknown[]): number {
  return decOp(a, v, (x, y) => {
    if (y === 0) throw new Error('decimal division by 0');
    return x / y;
  });
}
export const floor = (a: unknown): number => Math.floor(toFloat64(a));
export const ceil = (a: unknown): number => Math.ceil(toFloat64(a));
export function round(a: unknown, p: GoInt, ...opt: number[]): number {
  const roundOn = opt.length > 0 ? opt[0] : 0.5;
  const pow = 10 ** p.n;
  const digit = pow * toFloat64(a);
  const frac = digit - Math.trunc(digit);
  return (frac >= roundOn ? Math.ceil(digit) : Math.floor(digit)) / pow;
}
export function untilStep(start: number, stop: number, step: number): GoInt[] {
  const v: GoInt[] = [];
  if (stop < start) {
    if (step >= 0) return typedSlice(v, 'int');
    for (let i = start; i > stop; i += step) v.push(new GoInt(i));
    return typedSlice(v, 'int');
  }
  if (step <= 0) return typedSlice(v, 'int');
  for (let i = start; i < stop; i += step) v.push(new GoInt(i));
  return typedSlice(v, 'int');
}
export const until = (n: number): GoInt[] => untilStep(0, n, n < 0 ? -1 : 1);
export function seq(...p: number[]): string {
  const join = (l: GoInt[]): string => l.map((x) => x.n).join(' ');
  switch (p.length) {
    case 1: {
      const inc = p[0] < 1 ? -1 : 1;
      return join(untilStep(1, p[0] + inc, inc));
    }
    case 2: {
      const step = p[1] < p[0] ? -1 : 1;
      return join(untilStep(p[0], p[1] + step, step));
    }
    case 3: {
      let inc = 1;
      if (p[2] < p[0]) {
        inc = -1;
        if (p[1] > 0) return '';
      }
      return join(untilStep(p[0], p[2] + inc, p[1]));
    }
  }
  return '';
}
export function toDecimal(v: unknown): GoInt {
  const s = sprint([v]);
  return i64(/^[+-]?[0-7]+$/.test(s) ? parseInt(s, 8) : 0);
}
export function atoi(s: string): GoInt {
  return new GoInt(/^[+-]?\d+$/.test(s) ? Number(s) : 0);
}

export function typeOf(v: unknown): string {
  return typeName(v);
}
export const kindOfFn = (v: unknown): string => {
  const k = kindOf(v);
  return k === 'invalid' ? 'invalid' : k === 'ptr' ? 'ptr' : k;
};

export const uuidv4 = (): string => randomUUID();

const ALPHA = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const NUM = '0123456789';
function rand(chars: string, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += chars[randomInt(chars.length)];
  return s;
}
export const randAlphaNum = (n: number): string => rand(ALPHA + NUM, n);
export const randAlpha = (n: number): string => rand(ALPHA, n);
export const randNumeric = (n: number): string => rand(NUM, n);
export const randAscii = (n: number): string => {
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(32 + randomInt(95));
  return s;
};

export function pathClean(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
    } else out.push(part);
  }
  const s = (rooted ? '/' : '') + out.join('/');
  return s === '' ? '.' : s;
}
export function pathBase(p: string): string {
  if (p === '') return '.';
  p = p.replace(/\/+$/, '');
  if (p === '') return '/';
  return p.slice(p.lastIndexOf('/') + 1);
}
export function pathDir(p: string): string {
  const i = p.lastIndexOf('/');
  return pathClean(p.slice(0, i + 1));
}
export function pathExt(p: string): string {
  for (let i = p.length - 1; i >= 0 && p[i] !== '/'; i--) if (p[i] === '.') return p.slice(i);
  return '';
}

export const isMapValue = isMap;
