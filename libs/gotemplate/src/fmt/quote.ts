// strconv.Quote and friends, and UTF-8 helpers: Go strings are bytes, JS strings are UTF-16.

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

export function isPrint(cp: number): boolean {
  if (cp < 0x20 || cp === 0x7f) return false;
  if (cp < 0x7f) return true;
  return PRINTABLE.test(String.fromCodePoint(cp));
}

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');

function escapeRune(cp: number, quote: number, asciiOnly: boolean): string {
  if (cp === quote || cp === 0x5c) return '\\' + String.fromCodePoint(cp);
  if (asciiOnly ? cp < 0x80 && isPrint(cp) : isPrint(cp)) return String.fromCodePoint(cp);
  switch (cp) {
    case 7: return '\\a';
    case 8: return '\\b';
    case 12: return '\\f';
    case 10: return '\\n';
    case 13: return '\\r';
    case 9: return '\\t';
    case 11: return '\\v';
  }
  if (cp < 0x20 || cp === 0x7f) return '\\x' + hex(cp, 2);
  if (cp >= 0xd800 && cp <= 0xdfff) return '\\ufffd';
  if (cp < 0x10000) return '\\u' + hex(cp, 4);
  return '\\U' + hex(cp, 8);
}

/** strconv.Quote (asciiOnly: strconv.QuoteToASCII). */
export function goQuote(s: string, asciiOnly = false): string {
  let out = '"';
  for (const ch of s) out += escapeRune(ch.codePointAt(0)!, 0x22, asciiOnly);
  return out + '"';
}

/** strconv.QuoteRune. */
export function goQuoteRune(cp: number, asciiOnly = false): string {
  return "'" + escapeRune(cp, 0x27, asciiOnly) + "'";
}

/** The %#U format: U+0041 'A'. */
export function formatRuneU(cp: number): string {
  const u = 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
  return isPrint(cp) ? `${u} '${String.fromCodePoint(cp)}'` : u;
}

export class UnquoteError extends Error {}

const SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\',
};

/** Reads one (possibly escaped) character of a quoted literal; returns it and the new index. */
export function unquoteChar(s: string, i: number, quote: string): [string, number] {
  const c = s[i];
  if (c === quote && (quote === "'" || quote === '"')) throw new UnquoteError('invalid syntax');
  if (c !== '\\') {
    const cp = s.codePointAt(i)!;
    return [String.fromCodePoint(cp), i + (cp > 0xffff ? 2 : 1)];
  }
  const e = s[i + 1];
  if (e === undefined) throw new UnquoteError('invalid syntax');
  if (e in SIMPLE_ESCAPES) return [SIMPLE_ESCAPES[e], i + 2];
  if (e === "'" || e === '"') {
    if (e !== quote) throw new UnquoteError('invalid syntax');
    return [e, i + 2];
  }
  const lens: Record<string, number> = { x: 2, u: 4, U: 8 };
  if (e in lens) {
    const digits = s.slice(i + 2, i + 2 + lens[e]);
    if (!/^[0-9a-fA-F]+$/.test(digits) || digits.length !== lens[e]) throw new UnquoteError('invalid syntax');
    const v = parseInt(digits, 16);
    if (e === 'x') {
      if (v >= 0x80) throw new UnquoteError('invalid syntax'); // raw bytes are not representable
      return [String.fromCharCode(v), i + 4];
    }
    if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) throw new UnquoteError('invalid syntax');
    return [String.fromCodePoint(v), i + 2 + lens[e]];
  }
  if (e >= '0' && e <= '7') {
    const digits = s.slice(i + 1, i + 4);
    if (!/^[0-7]{3}$/.test(digits)) throw new UnquoteError('invalid syntax');
    const v = parseInt(digits, 8);
    if (v > 255 || v >= 0x80) throw new UnquoteError('invalid syntax');
    return [String.fromCharCode(v), i + 4];
  }
  throw new UnquoteError('invalid syntax');
}

/** strconv.Unquote for "...", `...` and '...'. */
export function goUnquote(s: string): string {
  const q = s[0];
  if (s.length < 2 || s[s.length - 1] !== q) throw new UnquoteError('invalid syntax');
  const body = s.slice(1, -1);
  if (q === '`') {
    if (body.includes('`')) throw new UnquoteError('invalid syntax');
    return body.replace(/\r/g, '');
  }
  if (q !== '"' && q !== "'") throw new UnquoteError('invalid syntax');
  let out = '';
  let i = 0;
  while (i < body.length) {
    if (q === '"' && body[i] === '\n') throw new UnquoteError('invalid syntax');
    const [ch, next] = unquoteChar(body, i, q);
    out += ch;
    i = next;
    if (q === "'" && i < body.length) throw new UnquoteError('invalid syntax');
  }
  if (q === "'" && out.length === 0) throw new UnquoteError('invalid syntax');
  return out;
}
