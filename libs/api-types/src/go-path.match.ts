// Go's path.Match, which Argo CD matches paths with (the git generators, manifest-generate-paths): `*` and `?` never cross
// `/`, `[...]` classes (with `^` negation and ranges), `\` escapes, and the whole name must match.
// https://pkg.go.dev/path#Match

/** A pattern path.Match rejects with ErrBadPattern. */
export class BadPatternError extends Error {
  override readonly name = 'BadPatternError';
  constructor(readonly pattern: string) {
    super(`syntax error in pattern ${JSON.stringify(pattern)}`);
  }
}

const compiled = new Map<string, RegExp>();

/** Whether `name` matches `pattern` as Go's path.Match decides; throws BadPatternError for a malformed pattern. */
export function goPathMatch(pattern: string, name: string): boolean {
  let re = compiled.get(pattern);
  if (!re) {
    re = new RegExp(`^${toRegexSource(pattern)}$`, 'u');
    compiled.set(pattern, re);
  }
  return re.test(name);
}

/** Throws BadPatternError unless path.Match accepts the pattern's syntax. */
export function checkGoPathPattern(pattern: string): void {
  toRegexSource(pattern);
}

function toRegexSource(pattern: string): string {
  const chars = [...pattern];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '\\') {
      if (++i >= chars.length) throw new BadPatternError(pattern);
      out += escapeLiteral(chars[i]);
    } else if (c === '[') {
      const [source, end] = characterClass(chars, i + 1, pattern);
      out += source;
      i = end;
    } else out += escapeLiteral(c);
  }
  return out;
}

/** Parses a class starting after `[`; returns its regex and the index of the closing `]`. */
function characterClass(chars: string[], start: number, pattern: string): [string, number] {
  let i = start;
  let negated = false;
  if (chars[i] === '^') {
    negated = true;
    i++;
  }
  const ranges: string[] = [];
  let count = 0;
  for (;;) {
    if (i >= chars.length) throw new BadPatternError(pattern);
    if (chars[i] === ']' && count > 0) break;
    const [lo, afterLo] = classChar(chars, i, pattern);
    i = afterLo;
    let hi = lo;
    if (chars[i] === '-') {
      [hi, i] = classChar(chars, i + 1, pattern);
    }
    count++;
    // Go accepts an inverted range and simply never matches it.
    if (lo.codePointAt(0)! <= hi.codePointAt(0)!) ranges.push(`${escapeInClass(lo)}-${escapeInClass(hi)}`);
  }
  const body = ranges.join('');
  if (body === '') return [negated ? '[^]' : '[]', i];
  return [`[${negated ? '^' : ''}${body}]`, i];
}

/** One (possibly escaped) class character; `-`, `]` unescaped and a missing character are errors. */
function classChar(chars: string[], i: number, pattern: string): [string, number] {
  let c = chars[i];
  if (c === undefined || c === '-' || c === ']') throw new BadPatternError(pattern);
  if (c === '\\') {
    c = chars[++i];
    if (c === undefined) throw new BadPatternError(pattern);
  }
  return [c, i + 1];
}

const escapeLiteral = (c: string): string => (/[$()*+.?[\\\]^{|}/]/.test(c) ? `\\${c}` : c);
const escapeInClass = (c: string): string => (/[\\\]^[-]/.test(c) ? `\\${c}` : c);
