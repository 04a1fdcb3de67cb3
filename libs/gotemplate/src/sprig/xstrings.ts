// huandu/xstrings as Sprig 3.2.3 uses it: ToSnakeCase/ToKebabCase (word splitting ported rune by
// rune) and Shuffle; and goutils.AbbreviateFull for abbrevboth.
import { randomInt } from 'node:crypto';

type Word = 'invalid' | 'number' | 'upper' | 'alpha' | 'connector' | 'punct' | 'other';

const ch = (r: number): string => String.fromCodePoint(r);
const isSpace = (r: number): boolean => /^[\t\n\v\f\r \u0085\u00a0]$/.test(ch(r)) || (r > 0xff && /^\p{White_Space}$/u.test(ch(r)));
const isConnector = (r: number): boolean => r === 0x2d || r === 0x5f || isSpace(r);
const isUpper = (r: number): boolean => /^\p{Lu}$/u.test(ch(r));
const isPunct = (r: number): boolean => /^\p{P}$/u.test(ch(r));
const isNumber = (r: number): boolean => /^\p{N}$/u.test(ch(r));
function isAlphabet(r: number): boolean {
  if (!/^\p{L}$/u.test(ch(r))) return false;
  if (r < 0x3400) return true;
  return !((r >= 0x4e00 && r <= 0x9fcc) || (r >= 0x3400 && r <= 0x4d85) || (r >= 0x20000 && r <= 0x2b81d));
}
/** unicode.ToLower: one rune in, one rune out. */
const toLowerRune = (r: number): number => ch(r).toLowerCase().codePointAt(0)!;

/** xstrings.nextWord over runes from index p: the word's type and end index. */
function nextWord(rs: number[], p: number): [Word, number] {
  if (p >= rs.length) return ['invalid', p];
  const r = rs[p];
  let i = p + 1;
  const run = (ok: (x: number) => boolean): number => {
    while (i < rs.length && ok(rs[i])) i++;
    return i;
  };
  if (isConnector(r)) return ['connector', run(isConnector)];
  if (isPunct(r)) return ['punct', run(isPunct)];
  if (isUpper(r)) {
    if (i >= rs.length) return ['upper', i];
    if (isUpper(rs[i])) {
      run(isUpper);
      // "HTTPStatus" splits into "HTTP" and "Status".
      if (i < rs.length && isAlphabet(rs[i])) i--;
    } else if (isAlphabet(rs[i])) run((x) => isAlphabet(x) && !isUpper(x));
    return ['upper', i];
  }
  if (isAlphabet(r)) return ['alpha', run((x) => isAlphabet(x) && !isUpper(x))];
  if (isNumber(r)) return ['number', run(isNumber)];
  return ['other', run((x) => !(isConnector(x) || isAlphabet(x) || isNumber(x) || isPunct(x)))];
}

/** xstrings.camelCaseToLowerCase. */
export function toSnakeLike(str: string, connector: string): string {
  if (str === '') return '';
  const rs = [...str].map((c) => c.codePointAt(0)!);
  let out = '';
  const lower = (wt: Word, from: number, to: number): void => {
    for (let k = from; k < to; k++) {
      const r = rs[k];
      if (wt !== 'upper' && wt !== 'connector') out += ch(r);
      else out += isConnector(r) ? connector : ch(isUpper(r) ? toLowerRune(r) : r);
    }
  };
  let start = 0;
  let [wt, end] = nextWord(rs, 0);
  const advance = (): Word => {
    start = end;
    let next: Word;
    [next, end] = nextWord(rs, end);
    return next;
  };
  while (end < rs.length) {
    if (wt !== 'connector') lower(wt, start, end);
    const prev = wt;
    const [lastStart, lastEnd] = [start, end];
    wt = advance();
    if (prev === 'number') {
      while (wt === 'alpha' || wt === 'number') {
        lower(wt, start, end);
        wt = advance();
      }
      if (wt !== 'invalid' && wt !== 'punct' && wt !== 'connector') out += connector;
    } else if (prev === 'connector') {
      lower(prev, lastStart, lastEnd);
    } else if (prev !== 'punct') {
      if (wt !== 'number') {
        if (wt !== 'connector' && wt !== 'punct') out += connector;
        continue;
      }
      if (end >= rs.length) continue;
      const [numStart, numEnd] = [start, end];
      wt = advance();
      // A number followed by a non-word stays with the previous word ("Bld4Floor" → "bld4_floor").
      if (wt !== 'alpha') {
        lower('number', numStart, numEnd);
        if (wt !== 'connector' && wt !== 'punct') out += connector;
        continue;
      }
      // Lower-case letters after a number start a new word ("HTTP2xx" → "http_2xx").
      out += connector;
      lower('number', numStart, numEnd);
      while (wt === 'alpha' || wt === 'number') {
        lower(wt, start, end);
        wt = advance();
      }
      if (wt !== 'invalid' && wt !== 'connector' && wt !== 'punct') out += connector;
    }
  }
  lower(wt, start, end);
  return out;
}

/** xstrings.Shuffle: a random permutation of the runes. */
export function shuffle(s: string): string {
  const rs = [...s];
  for (let i = rs.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [rs[i], rs[j]] = [rs[j], rs[i]];
  }
  return rs.join('');
}

/** Byte-indexed slicing, as Go slices strings. */
const bytes = (s: string): Buffer => Buffer.from(s, 'utf8');
const sliceBytes = (b: Buffer, from: number, to = b.length): string => b.subarray(from, to).toString('utf8');

/** goutils.AbbreviateFull; throws its errors. */
export function abbreviateFull(str: string, offset: number, maxWidth: number): string {
  if (str === '') return '';
  if (maxWidth < 4) throw new Error('stringutils illegal argument: Minimum abbreviation width is 4');
  const b = bytes(str);
  if (b.length <= maxWidth) return str;
  if (offset > b.length) offset = b.length;
  if (b.length - offset < maxWidth - 3) offset = b.length - (maxWidth - 3);
  if (offset <= 4) return sliceBytes(b, 0, maxWidth - 3) + '...';
  if (maxWidth < 7) throw new Error('stringutils illegal argument: Minimum abbreviation width with offset is 7');
  if (offset + maxWidth - 3 < b.length) return '...' + abbreviateFull(sliceBytes(b, offset), 0, maxWidth - 3);
  return '...' + sliceBytes(b, b.length - (maxWidth - 3));
}

/** Sprig's abbrevboth. */
export function abbrevboth(left: number, right: number, s: string): string {
  if (right < 4 || (left > 0 && right < 7)) return s;
  try {
    return abbreviateFull(s, left, right);
  } catch {
    return '';
  }
}
