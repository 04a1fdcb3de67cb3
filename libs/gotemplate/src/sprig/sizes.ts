// What the functions that can turn a small call into a huge value would make, worked out from their
// arguments before they run (see GoFunc.makes): `repeat 100000000 "x"` is refused, not allocated.
import { printedSize } from '../exec/limits';
import type { GoFunc } from '../exec/types';
import { GoInt } from '../values';
import { asList } from './conv';

type Makes = NonNullable<GoFunc['makes']>;

const bytes = (size: Makes['size']): Makes => ({ kind: 'bytes', size });
const items = (size: Makes['size']): Makes => ({ kind: 'items', size });
const int = (v: unknown): number => (v instanceof GoInt ? v.n : 0);
const len = (v: unknown): number => (typeof v === 'string' ? v.length : 0);
const listLen = (v: unknown): number => asList(v)?.length ?? 0;
const printed = (args: unknown[], cap: number): number => args.reduce<number>((n, a) => n + printedSize(a, cap), 0);

/** How many numbers untilStep(start, stop, step) yields, without making them. */
export function untilStepCount(start: number, stop: number, step: number): number {
  if (stop < start ? step >= 0 : step <= 0) return 0;
  return Math.ceil(Math.abs(stop - start) / Math.abs(step));
}

/** How many numbers seq yields for its 1 to 3 arguments (mirrors misc.ts's seq). */
function seqCount(p: number[]): number {
  if (p.length === 1) return Math.abs(p[0] + (p[0] < 1 ? -1 : 1) - 1);
  if (p.length === 2) return Math.abs(p[1] + (p[1] < p[0] ? -1 : 1) - p[0]);
  if (p.length === 3) return p[2] < p[0] && p[1] > 0 ? 0 : untilStepCount(p[0], p[2] + (p[2] < p[0] ? -1 : 1), p[1]);
  return 0;
}

/** Lines in s (newlines plus one), counting no further than cap. */
function lines(s: string, cap: number): number {
  let n = 1;
  for (let i = s.indexOf('\n'); i >= 0 && n <= cap; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** strings.Replace(s, old, new, -1)'s length, counting occurrences no further than needed to pass cap. */
function replacedLength(old: string, repl: string, s: string, cap: number): number {
  if (repl.length <= old.length && old !== '') return s.length;
  if (old === '') return s.length + (s.length + 1) * repl.length;
  let size = s.length;
  for (let i = s.indexOf(old); i >= 0 && size <= cap; i = s.indexOf(old, i + old.length)) size += repl.length - old.length;
  return size;
}

/** The widths and precisions a format asks for (`%100000000d`, `%.*f`): what padding alone would add. */
export function formatPadding(format: string, args: unknown[]): number {
  let pad = 0;
  let next = 0;
  // A `*` takes its number from the next argument, or from the one an explicit [n] names.
  const take = (index: string | undefined): number => {
    if (index) next = Number(index) - 1;
    const n = Math.abs(int(args[next++]));
    return n > 1e6 ? 0 : n; // fmt ignores a width or precision argument past a million
  };
  // fmt's parsenum gives up (and the verb is lost) once a number passes a million.
  const literal = (digits: string | undefined): number => {
    let n = 0;
    for (const d of digits ?? '') {
      if (n > 1e6) return 0;
      n = n * 10 + Number(d);
    }
    return n;
  };
  for (const m of format.matchAll(/%[-+# 0]*(?:\[(\d+)\])?(\d+|\*)?(?:\.(?:\[(\d+)\])?(\d+|\*)?)?(?:\[(\d+)\])?([^]?)/g)) {
    if (m[6] === '%') continue;
    pad += m[2] === '*' ? take(m[1]) : literal(m[2]);
    pad += m[4] === '*' ? take(m[3]) : literal(m[4]);
    if (m[5]) next = Number(m[5]) - 1;
    next++;
  }
  return pad;
}

/** Sprig's amplifiers, by name. */
export const SPRIG_SIZES: Record<string, Makes> = {
  repeat: bytes(([c, s]) => Math.max(int(c), 0) * len(s)),
  until: items(([n]) => Math.abs(int(n))),
  untilStep: items(([a, b, c]) => untilStepCount(int(a), int(b), int(c))),
  seq: bytes((p) => {
    const nums = p.map(int);
    return seqCount(nums) * (Math.max(...nums.map((x) => String(Math.abs(x)).length), 1) + 2);
  }),
  indent: bytes(([n, s], cap) => len(s) + lines(s as string, cap) * Math.max(int(n), 0)),
  nindent: bytes(([n, s], cap) => 1 + len(s) + lines(s as string, cap) * Math.max(int(n), 0)),
  replace: bytes(([o, n, s], cap) => replacedLength(o as string, n as string, s as string, cap)),
  wrapWith: bytes(([w, sep, s]) => len(s) + Math.ceil(len(s) / Math.max(int(w), 1)) * len(sep)),
  randAlphaNum: bytes(([n]) => int(n)),
  randAlpha: bytes(([n]) => int(n)),
  randAscii: bytes(([n]) => int(n)),
  randNumeric: bytes(([n]) => int(n)),
  randBytes: bytes(([n]) => Math.ceil(Math.max(int(n), 0) / 3) * 4),
  cat: bytes((a, cap) => printed(a, cap)),
  quote: bytes((a, cap) => printed(a, cap)),
  squote: bytes((a, cap) => printed(a, cap)),
  toString: bytes((a, cap) => printed(a, cap)),
  join: bytes(([sep, l], cap) => printedSize(l, cap) + listLen(l) * len(sep)),
  toJson: bytes((a, cap) => printed(a, cap)),
  toPrettyJson: bytes((a, cap) => printed(a, cap)),
  toRawJson: bytes((a, cap) => printed(a, cap)),
  mustToJson: bytes((a, cap) => printed(a, cap)),
  mustToPrettyJson: bytes((a, cap) => printed(a, cap)),
  mustToRawJson: bytes((a, cap) => printed(a, cap)),
  list: items((a) => a.length),
  tuple: items((a) => a.length),
  append: items(([l]) => listLen(l) + 1),
  push: items(([l]) => listLen(l) + 1),
  mustAppend: items(([l]) => listLen(l) + 1),
  mustPush: items(([l]) => listLen(l) + 1),
  prepend: items(([l]) => listLen(l) + 1),
  mustPrepend: items(([l]) => listLen(l) + 1),
  concat: items((a) => a.reduce<number>((n, l) => n + listLen(l), 0)),
};

/** text/template's own printers: print, println, printf and the escapers print their arguments first. */
export const BUILTIN_SIZES: Record<string, Makes> = {
  print: bytes((a, cap) => printed(a, cap)),
  println: bytes((a, cap) => printed(a, cap)),
  printf: bytes(([format, ...a], cap) => len(format) + formatPadding(format as string, a) + printed(a, cap)),
  html: bytes((a, cap) => printed(a, cap)),
  js: bytes((a, cap) => printed(a, cap)),
  urlquery: bytes((a, cap) => printed(a, cap)),
};

/** funcs with each named function told what it makes. */
export function withSizes(funcs: Record<string, GoFunc>, sizes: Record<string, Makes>): Record<string, GoFunc> {
  for (const [name, makes] of Object.entries(sizes)) if (funcs[name]) funcs[name] = { ...funcs[name], makes };
  return funcs;
}
