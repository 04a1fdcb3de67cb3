// Data helpers: Argo CD decodes JSON numbers as float64; Helm-like callers keep integers.
import { GoInt, isMap } from './values';

/** Converts every integral JS number in a JSON-like value to a Go int (deeply, copying). */
export function withGoInts(v: unknown): unknown {
  if (typeof v === 'number') return Number.isInteger(v) && Number.isSafeInteger(v) ? new GoInt(v) : v;
  if (Array.isArray(v)) return v.map(withGoInts);
  if (isMap(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = withGoInts(x);
    return out;
  }
  return v;
}

/** JSON.parse where integer literals (no '.', 'e') become Go ints and the rest float64. */
export function decodeJsonWithInts(text: string): unknown {
  const marked = text.replace(/("(?:[^"\\]|\\.)*")|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g, (m, str: string | undefined, n: string | undefined) =>
    str !== undefined || /[.eE]/.test(n!) || Math.abs(Number(n)) >= 2 ** 63 ? m : `{"__goint__":"${n}"}`,
  );
  return JSON.parse(marked, (_k, v: unknown) => {
    if (isMap(v) && typeof v['__goint__'] === 'string') return new GoInt(Number(v['__goint__']));
    return v;
  });
}
