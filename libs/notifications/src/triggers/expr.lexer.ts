// Tokens of the expr language (github.com/expr-lang/expr) that Argo CD Notifications triggers use.

export type TokenKind = 'number' | 'string' | 'ident' | 'operator' | 'eof';

export interface Token {
  readonly kind: TokenKind;
  readonly value: string;
  /** 0-based offset of the token's first character in the source. */
  readonly pos: number;
  /** Numeric value for number tokens, decoded text for string tokens. */
  readonly literal?: number | string;
}

/** A syntax error, with the 1-based column so a message can point at it. */
export class ExprSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly pos: number,
  ) {
    super(`${reason} (column ${pos + 1})`);
    this.name = 'ExprSyntaxError';
  }
}

// Longest first, so `?.` wins over `?` and `==` over `=`.
const OPERATORS = ['?.', '??', '==', '!=', '<=', '>=', '&&', '||', '**', '(', ')', '[', ']', '{', '}', ',', '.', '?', ':', '<', '>', '!', '+', '-', '*', '/', '%'];

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0', b: '\b', f: '\f', v: '\v' };

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (/\s/.test(ch)) {
      i++;
    } else if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(source[i + 1] ?? ''))) {
      const match = /^(?:0[xX][0-9a-fA-F_]+|(?:[0-9][0-9_]*)?(?:\.[0-9_]+)?(?:[eE][+-]?[0-9]+)?)/.exec(source.slice(i))!;
      const text = match[0];
      tokens.push({ kind: 'number', value: text, pos: i, literal: Number(text.replace(/_/g, '')) });
      i += text.length;
    } else if (/[A-Za-z_$]/.test(ch)) {
      const text = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(source.slice(i))![0];
      tokens.push({ kind: 'ident', value: text, pos: i });
      i += text.length;
    } else if (ch === '"' || ch === "'" || ch === '`') {
      const { text, end } = readString(source, i);
      tokens.push({ kind: 'string', value: source.slice(i, end), pos: i, literal: text });
      i = end;
    } else {
      const op = OPERATORS.find((o) => source.startsWith(o, i));
      if (!op) throw new ExprSyntaxError(`unexpected character ${JSON.stringify(ch)}`, i);
      // `a?.5:1` is a conditional, not optional chaining; expr resolves it the same way.
      const isOptionalChain = op === '?.' && !/[0-9]/.test(source[i + 2] ?? '');
      const value = op === '?.' && !isOptionalChain ? '?' : op;
      tokens.push({ kind: 'operator', value, pos: i });
      i += value.length;
    }
  }
  tokens.push({ kind: 'eof', value: '', pos: source.length });
  return tokens;
}

function readString(source: string, start: number): { text: string; end: number } {
  const quote = source[start];
  let text = '';
  let i = start + 1;
  while (i < source.length) {
    const ch = source[i];
    if (ch === quote) return { text, end: i + 1 };
    if (ch === '\\' && quote !== '`') {
      const next = source[i + 1];
      if (next === 'u' || next === 'x') {
        const width = next === 'u' ? 4 : 2;
        const hex = source.slice(i + 2, i + 2 + width);
        if (!new RegExp(`^[0-9a-fA-F]{${width}}$`).test(hex)) throw new ExprSyntaxError('invalid escape in string', i);
        text += String.fromCharCode(parseInt(hex, 16));
        i += 2 + width;
        continue;
      }
      if (next === undefined || !(next in ESCAPES)) throw new ExprSyntaxError('invalid escape in string', i);
      text += ESCAPES[next];
      i += 2;
      continue;
    }
    text += ch;
    i++;
  }
  throw new ExprSyntaxError('unterminated string', start);
}
