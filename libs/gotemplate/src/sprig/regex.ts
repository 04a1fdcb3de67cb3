// Sprig's regex functions over Go's RE2 syntax (the common subset maps directly to JS).
import { typedSlice } from '../values';

function compile(re: string, flags = ''): RegExp {
  let src = re;
  let f = flags;
  const m = /^\(\?([imsU]+)\)/.exec(src);
  if (m) {
    src = src.slice(m[0].length);
    if (m[1].includes('i')) f += 'i';
    if (m[1].includes('m')) f += 'm';
    if (m[1].includes('s')) f += 's';
  }
  src = src.replace(/\(\?P</g, '(?<').replace(/\\z/g, '$(?![\\s\\S])').replace(/\[\[:(\w+):\]\]/g, (_m, c: string) => POSIX[c] ?? _m);
  try {
    return new RegExp(src, f + 'u');
  } catch (e) {
    throw new Error(`error parsing regexp: ${goRegexError(re, e instanceof Error ? e.message : '')}`);
  }
}
const POSIX: Record<string, string> = {
  alpha: '[A-Za-z]', digit: '[0-9]', alnum: '[0-9A-Za-z]', space: '[\\t\\n\\v\\f\\r ]', upper: '[A-Z]', lower: '[a-z]',
  punct: '[!-\\/:-@\\[-`{-~]', xdigit: '[0-9A-Fa-f]', word: '[0-9A-Za-z_]',
};

export const mustRegexMatch = (re: string, s: string): boolean => compile(re).test(s);
export const regexMatch = (re: string, s: string): boolean => {
  try {
    return mustRegexMatch(re, s);
  } catch {
    return false;
  }
};

export function mustRegexFindAll(re: string, s: string, n: number): string[] {
  const r = compile(re, 'g');
  const out: string[] = [];
  for (const m of s.matchAll(r)) {
    if (n >= 0 && out.length >= n) break;
    out.push(m[0]);
  }
  return typedSlice(out, 'string');
}
export const mustRegexFind = (re: string, s: string): string => compile(re).exec(s)?.[0] ?? '';

/** Go's Regexp.Expand template: $1, ${1}, $name, ${name}, $$. */
function expand(template: string, m: RegExpExecArray): string {
  return template.replace(/\$(\$|\{(\w+)\}|(\w+))/g, (_all, tok: string, braced?: string, bare?: string) => {
    if (tok === '$') return '$';
    const name = braced ?? bare!;
    if (/^\d+$/.test(name)) return m[Number(name)] ?? '';
    return m.groups?.[name] ?? '';
  });
}

export function mustRegexReplaceAll(re: string, s: string, repl: string): string {
  const r = compile(re, 'g');
  return s.replace(r, (...args: unknown[]) => {
    const hasGroups = typeof args[args.length - 1] === 'object';
    const groups = hasGroups ? (args[args.length - 1] as Record<string, string>) : undefined;
    const caps = args.slice(0, hasGroups ? -3 : -2) as string[];
    const m = Object.assign([...caps], { index: 0, input: s, groups }) as unknown as RegExpExecArray;
    return expand(repl, m);
  });
}
export const mustRegexReplaceAllLiteral = (re: string, s: string, repl: string): string => s.replace(compile(re, 'g'), () => repl);

export function mustRegexSplit(re: string, s: string, n: number): string[] {
  if (n === 0) return typedSlice([], 'string');
  const r = compile(re, 'g');
  const out: string[] = [];
  let last = 0;
  for (const m of s.matchAll(r)) {
    if (n > 0 && out.length === n - 1) break;
    if (m[0] === '' && (m.index === 0 || m.index === s.length)) continue;
    out.push(s.slice(last, m.index));
    last = m.index + m[0].length;
  }
  out.push(s.slice(last));
  return typedSlice(out, 'string');
}
export const regexQuoteMeta = (s: string): string => s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');

const lenient = <A extends unknown[], R>(fn: (...a: A) => R, fallback: R) => (...a: A): R => {
  try {
    return fn(...a);
  } catch {
    return fallback;
  }
};
export const regexFindAll = lenient(mustRegexFindAll, typedSlice([], 'string'));
export const regexFind = lenient(mustRegexFind, '');
export const regexReplaceAll = lenient(mustRegexReplaceAll, '');
export const regexReplaceAllLiteral = lenient(mustRegexReplaceAllLiteral, '');
export const regexSplit = lenient(mustRegexSplit, typedSlice([], 'string'));

function goRegexError(re: string, msg: string): string {
  if (/character class/i.test(msg)) return `missing closing ]: \`${re.slice(re.lastIndexOf('['))}\``;
  if (/Unterminated group/i.test(msg)) return `missing closing ): \`${re}\``;
  if (/Unmatched '\)'/i.test(msg)) return `unexpected ): \`${re}\``;
  const rep = /Nothing to repeat/i.test(msg) ? /[*+?]/.exec(re) : null;
  if (rep) return `missing argument to repetition operator: \`${rep[0]}\``;
  return `invalid syntax: \`${re}\``;
}
