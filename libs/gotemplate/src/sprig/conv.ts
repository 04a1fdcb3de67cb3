// Sprig's conversions: strval, cast.ToInt64/ToFloat64, empty, list coercion.
import { sprintf } from '../fmt/printf';
import { formatTime } from '../fmt/time';
import { GoInt, GoTime, isMap, wrapInt64 } from '../values';

export function strval(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v instanceof Uint8Array) return new TextDecoder().decode(v);
  if (v instanceof GoTime) return formatTime(v);
  return sprintf('%v', [v]);
}

function parseIntBase0(s: string): number | undefined {
  const m = /^([+-]?)(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|0[0-7_]*|[1-9][0-9_]*)$/.exec(s);
  if (!m) return undefined;
  let body = m[2].replace(/_/g, '');
  if (/^0[0-7]+$/.test(body)) body = '0o' + body.slice(1);
  const v = Number(body);
  return m[1] === '-' ? -v : v;
}

function trimZeroDecimal(s: string): string {
  let foundZero = false;
  for (let i = s.length; i > 0; i--) {
    const c = s[i - 1];
    if (c === '.') {
      if (foundZero) return s.slice(0, i - 1);
    } else if (c === '0') foundZero = true;
    else return s;
  }
  return s;
}

export function toInt64(v: unknown): number {
  if (v instanceof GoInt) return v.n;
  // int64(f) on amd64: out-of-range and NaN floats give the "integer indefinite" value, MinInt64.
  if (typeof v === 'number') return Number.isNaN(v) || Math.abs(v) >= 2 ** 63 ? -(2 ** 63) : wrapInt64(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') return parseIntBase0(trimZeroDecimal(v)) ?? 0;
  return 0;
}

export function toFloat64(v: unknown): number {
  if (v instanceof GoInt) return v.n;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    const s = v.replace(/_/g, '');
    // strconv.ParseFloat fails on out-of-range text ("1e400"), and cast then gives 0.
    if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s) && v === s) return Number.isFinite(Number(s)) ? Number(s) : 0;
    if (/^[+-]?(inf|infinity)$/i.test(v)) return v.startsWith('-') ? -Infinity : Infinity;
    if (/^nan$/i.test(v)) return NaN;
    return 0;
  }
  return 0;
}

export function empty(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  switch (typeof v) {
    case 'string': return v.length === 0;
    case 'boolean': return !v;
    case 'number': return v === 0;
    case 'function': return false;
  }
  if (v instanceof GoInt) return v.n === 0;
  if (Array.isArray(v) || v instanceof Uint8Array) return v.length === 0;
  if (isMap(v)) return Object.keys(v).length === 0;
  return false;
}

/** A Go slice/array as a JS array, or undefined when v is not one. */
export function asList(v: unknown): unknown[] | undefined {
  if (Array.isArray(v)) return v as unknown[];
  if (v instanceof Uint8Array) return [...v].map((b) => new GoInt(b, 'uint8'));
  return undefined;
}
