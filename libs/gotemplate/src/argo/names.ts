// Argo CD's name helpers for ApplicationSet templates: `normalize` (also the clusters generator's
// nameNormalized) and `slugify`, byte for byte as Argo's Go: see spec/corpus-argo.fixture.ts.
import { GoInt, typeName } from '../values';

const MAX_DNS_NAME = 253;

/**
 * Go's strings.ToLower maps each code point to exactly one code point (simple case mapping); JS's
 * toLowerCase uses the full mapping, where only U+0130 (İ) becomes two ("i̇"). Go gives "i".
 */
function goLower(ch: string): string {
  return ch === '\u0130' ? 'i' : ch.toLowerCase();
}

/** Lowercase; each code point outside [-a-z0-9.] becomes one `-`; at most 253 long; no `-`/`.` at the ends. */
export function normalize(name: string): string {
  let out = '';
  for (const ch of name) {
    const lower = goLower(ch);
    out += /^[-a-z0-9.]$/.test(lower) ? lower : '-';
  }
  return out.slice(0, MAX_DNS_NAME).replace(/^[-.]+|[-.]+$/g, '');
}

/** Go's `x.(T)` on an interface{} argument: a wrong type panics, and text/template reports the panic. */
function assertType<T>(v: unknown, want: 'int' | 'bool' | 'string', ok: boolean): T {
  if (ok) return (v instanceof GoInt ? v.n : v) as T;
  const got = v === null || v === undefined ? 'nil' : typeName(v);
  throw new Error(`interface conversion: interface {} is ${got}, not ${want}`);
}

/**
 * `slugify [maxSize] [smartTruncate] name`. Argo reads the first argument as an int and the second
 * as a bool (when they are not the last), ignores the ones between, and slugs normalize(name) with
 * gosimple/slug. On normalized text slug's transliteration and substitutions change nothing; what is
 * left: `.` becomes `-`, runs of `-` collapse, ends are trimmed, then the length is cut: smartly at
 * the last `-` within maxSize, or (smartTruncate false) bluntly to maxSize before the clean-up.
 */
export function slugify(...args: unknown[]): string {
  let maxSize = 50;
  let smart = true;
  let name = '';
  args.forEach((a, i) => {
    if (i === args.length - 1) name = assertType<string>(a, 'string', typeof a === 'string');
    else if (i === 0) maxSize = assertType<number>(a, 'int', a instanceof GoInt && a.kind === 'int');
    else if (i === 1) smart = assertType<boolean>(a, 'bool', typeof a === 'boolean');
  });
  let slug = normalize(name);
  if (!smart && slug.length >= maxSize) {
    if (maxSize < 0) throw new Error(`runtime error: slice bounds out of range [:${maxSize}]`);
    slug = slug.slice(0, maxSize);
  }
  slug = slug
    .replace(/[^a-zA-Z0-9_-]/g, '-')
    .replace(/-+/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '');
  if (maxSize > 0 && smart && slug.length > maxSize) {
    const cut = slug.lastIndexOf('-', maxSize);
    return slug.slice(0, cut >= 0 ? cut : maxSize);
  }
  return slug;
}
