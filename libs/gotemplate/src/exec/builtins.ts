// text/template's predefined functions (funcs.go).
import { sprint, sprintf, sprintln } from '../fmt/printf';
import { utf8Length } from '../fmt/quote';
import { GoInt, isMap, isTrue, mapType, sliceElemType, typeName } from '../values';
import { BUILTIN_SIZES, withSizes } from '../sprig/sizes';
import { IfaceResult } from './eval';
import { ANY, type GoFunc, VALUE } from './types';

const intKinds = (v: unknown): 'int' | 'uint' | 'float' | 'string' | 'bool' | 'invalid' => {
  if (v instanceof GoInt) return v.kind.startsWith('u') ? 'uint' : 'int';
  switch (typeof v) {
    case 'number': return 'float';
    case 'string': return 'string';
    case 'boolean': return 'bool';
  }
  return 'invalid';
};

const num = (v: unknown): number => (v instanceof GoInt ? v.n : (v as number));

export function eq(a: unknown, ...rest: unknown[]): boolean {
  if (rest.length === 0) throw new Error('missing argument for comparison');
  const k1 = intKinds(a);
  for (const b of rest) {
    const k2 = intKinds(b);
    let truth = false;
    if (k1 !== k2) {
      if ((k1 === 'int' && k2 === 'uint') || (k1 === 'uint' && k2 === 'int')) truth = num(a) === num(b);
      else if (a !== undefined && a !== null && b !== undefined && b !== null) throw new Error('incompatible types for comparison');
    } else if (k1 === 'invalid') {
      const n1 = a === undefined || a === null;
      const n2 = b === undefined || b === null;
      if (n1 || n2) truth = n1 === n2;
      else if (typeName(a) !== typeName(b) && (Array.isArray(a) !== Array.isArray(b) || isMap(a) !== isMap(b))) {
        throw new Error(`non-comparable types ${sprintf("%s", [a])}: ${typeName(a)}, ${typeName(b)}: ${sprint([b])}`);
      } else throw new Error(`non-comparable type ${sprintf('%s', [b])}: ${typeName(b)}`);
    } else truth = k1 === 'int' || k1 === 'uint' || k1 === 'float' ? num(a) === num(b) : a === b;
    if (truth) return true;
  }
  return false;
}

export function lt(a: unknown, b: unknown): boolean {
  const k1 = intKinds(a);
  if (k1 === 'invalid') throw new Error('invalid type for comparison');
  const k2 = intKinds(b);
  if (k2 === 'invalid') throw new Error('invalid type for comparison');
  if (k1 !== k2) {
    if ((k1 === 'int' && k2 === 'uint') || (k1 === 'uint' && k2 === 'int')) return num(a) < num(b);
    throw new Error('incompatible types for comparison');
  }
  if (k1 === 'bool') throw new Error('invalid type for comparison');
  if (k1 === 'string') return (a as string) < (b as string);
  return num(a) < num(b);
}

const le = (a: unknown, b: unknown): boolean => lt(a, b) || eq(a, b);

function indexArg(i: unknown, cap: number): number {
  if (!(i instanceof GoInt)) {
    if (i === undefined || i === null) throw new Error('cannot index slice/array with nil');
    throw new Error(`cannot index slice/array with type ${typeName(i)}`);
  }
  if (i.n < 0 || i.n > cap) throw new Error(`index out of range: ${i.n}`);
  return i.n;
}

function index(item: unknown, ...indexes: unknown[]): unknown {
  if (item === undefined || item === null) throw new Error('index of untyped nil');
  let cur: unknown = item;
  let iface = false;
  for (let idx of indexes) {
    if (idx === null) idx = undefined;
    if (cur === null) throw new Error('index of nil pointer');
    if (typeof cur === 'string') {
      const bytes = new TextEncoder().encode(cur);
      const x = indexArg(idx, bytes.length);
      if (x >= bytes.length) throw new Error('reflect: string index out of range');
      cur = new GoInt(bytes[x], 'uint8');
      iface = false;
    } else if (Array.isArray(cur)) {
      const x = indexArg(idx, cur.length);
      if (x >= cur.length) throw new Error('reflect: slice index out of range');
      iface = sliceElemType(cur) === ANY;
      cur = cur[x];
    } else if (isMap(cur)) {
      if (idx === undefined) throw new Error('value is nil; should be of type string');
      if (typeof idx !== 'string') throw new Error(`value has type ${typeName(idx)}; should be string`);
      const elemAny = mapType(cur).endsWith(']interface {}');
      iface = elemAny;
      cur = Object.prototype.hasOwnProperty.call(cur, idx) ? cur[idx] : elemAny ? null : '';
    } else throw new Error(`can't index item of type ${typeName(cur)}`);
  }
  return iface ? new IfaceResult(cur) : cur;
}

function length(item: unknown): GoInt {
  if (item === null) throw new Error('len of nil pointer');
  if (item === undefined) throw new Error('reflect: call of reflect.Value.Type on zero Value');
  if (typeof item === 'string') return new GoInt(utf8Length(item));
  if (Array.isArray(item)) return new GoInt(item.length);
  if (isMap(item)) return new GoInt(Object.keys(item).length);
  throw new Error(`len of type ${typeName(item)}`);
}

function sliceFn(item: unknown, ...idx: unknown[]): unknown {
  if (item === undefined || item === null) throw new Error('slice of untyped nil');
  if (idx.length > 3) throw new Error(`too many slice indexes: ${idx.length}`);
  let len: number;
  if (typeof item === 'string') {
    if (idx.length === 3) throw new Error('cannot 3-index slice a string');
    len = utf8Length(item);
  } else if (Array.isArray(item)) len = item.length;
  else throw new Error(`can't slice item of type ${typeName(item)}`);
  const ix = [0, len];
  idx.forEach((v, i) => (ix[i] = indexArg(v, len)));
  if (ix[0] > ix[1]) throw new Error(`invalid slice index: ${ix[0]} > ${ix[1]}`);
  if (typeof item === 'string') return new TextDecoder().decode(new TextEncoder().encode(item).slice(ix[0], ix[1]));
  return Object.assign(item.slice(ix[0], ix[1]), {});
}

function evalArgs(args: unknown[]): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  return sprint(args.map((a) => (a === undefined || a === null ? '<no value>' : a)));
}

const HTML: Record<string, string> = { '\0': '\ufffd', '"': '&#34;', "'": '&#39;', '&': '&amp;', '<': '&lt;', '>': '&gt;' };
export const htmlEscape = (s: string): string => s.replace(/["'&<>\0]/g, (c) => HTML[c]);

const JS: Record<string, string> = { '\\': '\\\\', "'": "\\'", '"': '\\"', '<': '\\u003C', '>': '\\u003E', '&': '\\u0026', '=': '\\u003D' };
export function jsEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (JS[ch]) out += JS[ch];
    else if (cp < 0x20) out += '\\u00' + cp.toString(16).toUpperCase().padStart(2, '0');
    else if (cp < 0x80) out += ch;
    else if (/^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(ch)) out += ch;
    else out += '\\u' + cp.toString(16).toUpperCase().padStart(4, '0');
  }
  return out;
}

export function queryEscape(s: string): string {
  let out = '';
  for (const b of new TextEncoder().encode(s)) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

function call(fn: unknown, ...args: unknown[]): unknown {
  if (fn === undefined || fn === null) throw new Error('call of nil');
  if (typeof fn !== 'function') throw new Error(`non-function of type ${typeName(fn)}`);
  return (fn as (...a: unknown[]) => unknown)(...args);
}

const f = (fn: (...a: never[]) => unknown, params: string[], variadic?: string): GoFunc => ({ fn, params, variadic });

export const BUILTINS: Record<string, GoFunc> = withSizes({
  and: f(() => undefined, [VALUE], VALUE),
  or: f(() => undefined, [VALUE], VALUE),
  not: f((a: unknown) => !isTrue(a)[0], [VALUE]),
  call: f(call, [VALUE], VALUE),
  html: f((...a: unknown[]) => htmlEscape(evalArgs(a)), [], ANY),
  index: f(index, [VALUE], VALUE),
  slice: f(sliceFn, [VALUE], VALUE),
  js: f((...a: unknown[]) => jsEscape(evalArgs(a)), [], ANY),
  len: f(length, [VALUE]),
  print: f((...a: unknown[]) => sprint(a), [], ANY),
  printf: f((fmt: string, ...a: unknown[]) => sprintf(fmt, a), ['string'], ANY),
  println: f((...a: unknown[]) => sprintln(a), [], ANY),
  urlquery: f((...a: unknown[]) => queryEscape(evalArgs(a)), [], ANY),
  eq: f(eq, [VALUE], VALUE),
  ge: f((a: unknown, b: unknown) => !lt(a, b), [VALUE, VALUE]),
  gt: f((a: unknown, b: unknown) => !le(a, b), [VALUE, VALUE]),
  le: f(le, [VALUE, VALUE]),
  lt: f(lt, [VALUE, VALUE]),
  ne: f((a: unknown, b: unknown) => !eq(a, b), [VALUE, VALUE]),
}, BUILTIN_SIZES);
