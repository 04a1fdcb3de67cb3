import { ExprSyntaxError, Token, tokenize } from './expr.lexer';

// A Pratt parser for the expr (github.com/expr-lang/expr) subset Argo CD Notifications triggers use.
// Precedences follow expr's parser: or < and < comparisons/in/matches < + - < * / % < ** < unary.

export type ExprNode =
  | { readonly kind: 'literal'; readonly value: null | boolean | number | string; readonly pos: number }
  | { readonly kind: 'ident'; readonly name: string; readonly pos: number }
  | { readonly kind: 'member'; readonly object: ExprNode; readonly property: ExprNode; readonly optional: boolean; readonly pos: number }
  | { readonly kind: 'call'; readonly callee: ExprNode; readonly args: readonly ExprNode[]; readonly pos: number }
  | { readonly kind: 'unary'; readonly op: 'not' | '-' | '+'; readonly operand: ExprNode; readonly pos: number }
  | { readonly kind: 'binary'; readonly op: BinaryOp; readonly negate: boolean; readonly left: ExprNode; readonly right: ExprNode; readonly pos: number }
  | { readonly kind: 'array'; readonly elements: readonly ExprNode[]; readonly pos: number }
  | { readonly kind: 'map'; readonly entries: readonly { key: string; value: ExprNode }[]; readonly pos: number }
  | { readonly kind: 'conditional'; readonly test: ExprNode; readonly then: ExprNode; readonly otherwise: ExprNode; readonly pos: number };

export type BinaryOp =
  | 'or'
  | 'and'
  | '=='
  | '!='
  | '<'
  | '>'
  | '<='
  | '>='
  | 'in'
  | 'matches'
  | 'contains'
  | 'startsWith'
  | 'endsWith'
  | '+'
  | '-'
  | '*'
  | '/'
  | '%'
  | '**'
  | '??';

const BINARY: Record<string, { op: BinaryOp; prec: number; right?: boolean }> = {
  or: { op: 'or', prec: 10 },
  '||': { op: 'or', prec: 10 },
  and: { op: 'and', prec: 15 },
  '&&': { op: 'and', prec: 15 },
  '==': { op: '==', prec: 20 },
  '!=': { op: '!=', prec: 20 },
  '<': { op: '<', prec: 20 },
  '>': { op: '>', prec: 20 },
  '<=': { op: '<=', prec: 20 },
  '>=': { op: '>=', prec: 20 },
  in: { op: 'in', prec: 20 },
  matches: { op: 'matches', prec: 20 },
  contains: { op: 'contains', prec: 20 },
  startsWith: { op: 'startsWith', prec: 20 },
  endsWith: { op: 'endsWith', prec: 20 },
  '+': { op: '+', prec: 30 },
  '-': { op: '-', prec: 30 },
  '*': { op: '*', prec: 60 },
  '/': { op: '/', prec: 60 },
  '%': { op: '%', prec: 60 },
  '**': { op: '**', prec: 100, right: true },
  '??': { op: '??', prec: 500 },
};
const NEGATABLE = new Set<BinaryOp>(['in', 'matches', 'contains', 'startsWith', 'endsWith']);
const UNARY_PREC = 50;
const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'matches', 'contains', 'startsWith', 'endsWith']);

/** Parses one expression; throws ExprSyntaxError naming the column of the first problem. */
export function parseExpr(source: string): ExprNode {
  const parser = new Parser(tokenize(source));
  if (parser.peek().kind === 'eof') throw new ExprSyntaxError('empty expression', 0);
  const node = parser.expression(0);
  const rest = parser.peek();
  if (rest.kind !== 'eof') throw new ExprSyntaxError(`unexpected ${describe(rest)}`, rest.pos);
  return node;
}

function describe(token: Token): string {
  return token.kind === 'eof' ? 'end of expression' : `token ${JSON.stringify(token.value)}`;
}

class Parser {
  private index = 0;

  constructor(private readonly tokens: Token[]) {}

  peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)];
  }

  private next(): Token {
    const token = this.peek();
    this.index++;
    return token;
  }

  private isOp(value: string, token = this.peek()): boolean {
    return (token.kind === 'operator' || token.kind === 'ident') && token.value === value;
  }

  private expect(value: string): Token {
    const token = this.next();
    if (!this.isOp(value, token)) throw new ExprSyntaxError(`expected ${JSON.stringify(value)} but found ${describe(token)}`, token.pos);
    return token;
  }

  expression(minPrec: number): ExprNode {
    let left = this.unary();
    for (;;) {
      const token = this.peek();
      const negated = this.isOp('not') && NEGATABLE.has(BINARY[this.peek(1).value]?.op);
      const info = negated ? BINARY[this.peek(1).value] : token.kind === 'operator' || token.kind === 'ident' ? BINARY[token.value] : undefined;
      if (info && info.prec >= minPrec) {
        this.index += negated ? 2 : 1;
        const right = this.expression(info.right ? info.prec : info.prec + 1);
        left = { kind: 'binary', op: info.op, negate: negated, left, right, pos: token.pos };
      } else if (this.isOp('?') && minPrec === 0) {
        this.next();
        const then = this.expression(0);
        this.expect(':');
        const otherwise = this.expression(0);
        left = { kind: 'conditional', test: left, then, otherwise, pos: token.pos };
      } else {
        return left;
      }
    }
  }

  private unary(): ExprNode {
    const token = this.peek();
    if (this.isOp('not') || this.isOp('!')) {
      this.next();
      return { kind: 'unary', op: 'not', operand: this.expression(UNARY_PREC), pos: token.pos };
    }
    if (this.isOp('-') || this.isOp('+')) {
      this.next();
      return { kind: 'unary', op: token.value as '-' | '+', operand: this.expression(90), pos: token.pos };
    }
    return this.postfix(this.primary());
  }

  private primary(): ExprNode {
    const token = this.next();
    switch (token.kind) {
      case 'number':
      case 'string':
        return { kind: 'literal', value: token.literal!, pos: token.pos };
      case 'ident':
        return this.identifier(token);
      case 'operator':
        if (token.value === '(') {
          const inner = this.expression(0);
          this.expect(')');
          return inner;
        }
        if (token.value === '[') return { kind: 'array', elements: this.list(']'), pos: token.pos };
        if (token.value === '{') return this.mapLiteral(token.pos);
        break;
    }
    throw new ExprSyntaxError(`unexpected ${describe(token)}`, token.pos);
  }

  private identifier(token: Token): ExprNode {
    if (token.value === 'true' || token.value === 'false') return { kind: 'literal', value: token.value === 'true', pos: token.pos };
    if (token.value === 'nil') return { kind: 'literal', value: null, pos: token.pos };
    if (KEYWORDS.has(token.value)) throw new ExprSyntaxError(`unexpected keyword ${JSON.stringify(token.value)}`, token.pos);
    return { kind: 'ident', name: token.value, pos: token.pos };
  }

  private postfix(node: ExprNode): ExprNode {
    for (;;) {
      const token = this.peek();
      if (this.isOp('.') || this.isOp('?.')) {
        this.next();
        const name = this.next();
        if (name.kind !== 'ident') throw new ExprSyntaxError(`expected a field name after ${JSON.stringify(token.value)} but found ${describe(name)}`, name.pos);
        node = { kind: 'member', object: node, property: { kind: 'literal', value: name.value, pos: name.pos }, optional: token.value === '?.', pos: name.pos };
      } else if (this.isOp('[')) {
        this.next();
        const property = this.expression(0);
        this.expect(']');
        node = { kind: 'member', object: node, property, optional: false, pos: token.pos };
      } else if (this.isOp('(')) {
        this.next();
        node = { kind: 'call', callee: node, args: this.list(')'), pos: token.pos };
      } else {
        return node;
      }
    }
  }

  private list(close: string): ExprNode[] {
    const items: ExprNode[] = [];
    while (!this.isOp(close)) {
      items.push(this.expression(0));
      if (this.isOp(close)) break;
      const sep = this.next();
      if (!this.isOp(',', sep)) throw new ExprSyntaxError(`expected "," or ${JSON.stringify(close)} but found ${describe(sep)}`, sep.pos);
    }
    this.next();
    return items;
  }

  private mapLiteral(pos: number): ExprNode {
    const entries: { key: string; value: ExprNode }[] = [];
    while (!this.isOp('}')) {
      const key = this.next();
      if (key.kind !== 'ident' && key.kind !== 'string' && key.kind !== 'number') throw new ExprSyntaxError(`expected a map key but found ${describe(key)}`, key.pos);
      this.expect(':');
      entries.push({ key: String(key.literal ?? key.value), value: this.expression(0) });
      if (!this.isOp('}')) this.expect(',');
    }
    this.next();
    return { kind: 'map', entries, pos };
  }
}
