// The lexer, a state machine run on demand as the parser pulls items (Go's lex.go semantics).
import { formatRuneU, goQuote } from '../fmt/quote';

export const enum T {
  Error, Bool, Char, CharConstant, Comment, Complex, Assign, Declare, EOF, Field, Identifier,
  LeftDelim, LeftParen, Number, Pipe, RawString, RightDelim, RightParen, Space, String, Text,
  Variable, Keyword, Block, Break, Continue, Dot, Define, Else, End, If, Nil, Range, Template, With,
}

export interface Item { typ: T; pos: number; val: string; line: number }

const KEYWORDS: Record<string, T> = {
  '.': T.Dot, block: T.Block, break: T.Break, continue: T.Continue, define: T.Define, else: T.Else,
  end: T.End, if: T.If, range: T.Range, nil: T.Nil, template: T.Template, with: T.With,
};

export function itemString(i: Item): string {
  if (i.typ === T.EOF) return 'EOF';
  if (i.typ === T.Error) return i.val;
  if (i.typ > T.Keyword) return `<${i.val}>`;
  const chars = [...i.val];
  if (chars.length > 10) return goQuote(chars.slice(0, 10).join('')) + '...';
  return goQuote(i.val);
}

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const ALNUM = /^[\p{L}\p{Nd}_]$/u;
const isAlphaNumeric = (c: string | undefined): boolean => c !== undefined && c !== '' && ALNUM.test(c);
const hasLeftTrim = (s: string, i: number): boolean => s[i] === '-' && isSpace(s[i + 1]);
const hasRightTrim = (s: string, i: number): boolean => isSpace(s[i]) && s[i + 1] === '-';
const SPACE_RUN = /[ \t\r\n]*$/;
const trimRightLen = (s: string): number => SPACE_RUN.exec(s)![0].length;
const trimLeftLen = (s: string, from: number): number => {
  let i = from;
  while (isSpace(s[i])) i++;
  return i - from;
};

type State = ((l: Lexer) => State) | null;

export class Lexer {
  pos = 0;
  start = 0;
  atEOF = false;
  parenDepth = 0;
  line = 1;
  startLine = 1;
  private readonly queue: Item[] = [];
  private state: State = lexText;

  constructor(
    readonly input: string,
    readonly left: string,
    readonly right: string,
    readonly breakOK: boolean,
    readonly continueOK: boolean,
  ) {}

  nextItem(): Item {
    while (this.queue.length === 0) {
      if (this.state === null) return { typ: T.EOF, pos: this.pos, val: '', line: this.line };
      this.state = this.state(this);
    }
    return this.queue.shift()!;
  }

  next(): string {
    if (this.pos >= this.input.length) {
      this.atEOF = true;
      return '';
    }
    const cp = this.input.codePointAt(this.pos)!;
    const ch = String.fromCodePoint(cp);
    this.pos += ch.length;
    if (ch === '\n') this.line++;
    return ch;
  }

  peek(): string {
    const r = this.next();
    this.backup();
    return r;
  }

  backup(): void {
    if (!this.atEOF && this.pos > 0) {
      const lo = this.input.charCodeAt(this.pos - 1);
      const w = lo >= 0xdc00 && lo <= 0xdfff && this.pos > 1 ? 2 : 1;
      this.pos -= w;
      if (this.input[this.pos] === '\n') this.line--;
    }
  }

  emit(typ: T): void {
    this.queue.push({ typ, pos: this.start, val: this.input.slice(this.start, this.pos), line: this.startLine });
    this.start = this.pos;
    this.startLine = this.line;
  }

  ignore(): void {
    this.line += countNewlines(this.input, this.start, this.pos);
    this.start = this.pos;
    this.startLine = this.line;
  }

  accept(valid: string): boolean {
    const r = this.next();
    if (r !== '' && valid.includes(r)) return true;
    this.backup();
    return false;
  }

  acceptRun(valid: string): void {
    for (;;) {
      const r = this.next();
      if (r === '' || !valid.includes(r)) break;
    }
    this.backup();
  }

  errorf(msg: string): State {
    this.queue.push({ typ: T.Error, pos: this.start, val: msg, line: this.startLine });
    return null;
  }

  atRightDelim(): [boolean, boolean] {
    if (hasRightTrim(this.input, this.pos) && this.input.startsWith(this.right, this.pos + 2)) return [true, true];
    if (this.input.startsWith(this.right, this.pos)) return [true, false];
    return [false, false];
  }

  atTerminator(): boolean {
    const r = this.peek();
    if (isSpace(r)) return true;
    if (r === '' || '.,|:)('.includes(r)) return true;
    return this.input.startsWith(this.right, this.pos);
  }
}

function countNewlines(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = s.indexOf('\n', from); i >= 0 && i < to; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

function lexText(l: Lexer): State {
  const x = l.input.indexOf(l.left, l.pos);
  if (x >= 0) {
    l.pos = x;
    let trim = 0;
    if (hasLeftTrim(l.input, l.pos + l.left.length)) trim = trimRightLen(l.input.slice(l.start, l.pos));
    l.pos -= trim;
    if (l.pos > l.start) {
      l.line += countNewlines(l.input, l.start, l.pos);
      l.emit(T.Text);
    }
    l.pos += trim;
    l.ignore();
    return lexLeftDelim;
  }
  l.pos = l.input.length;
  if (l.pos > l.start) {
    l.line += countNewlines(l.input, l.start, l.pos);
    l.emit(T.Text);
  }
  l.emit(T.EOF);
  return null;
}

function lexLeftDelim(l: Lexer): State {
  l.pos += l.left.length;
  const after = hasLeftTrim(l.input, l.pos) ? 2 : 0;
  if (l.input.startsWith('/*', l.pos + after)) {
    l.pos += after;
    l.ignore();
    return lexComment;
  }
  l.emit(T.LeftDelim);
  l.pos += after;
  l.ignore();
  l.parenDepth = 0;
  return lexInsideAction;
}

function lexComment(l: Lexer): State {
  l.pos += 2;
  const i = l.input.indexOf('*/', l.pos);
  if (i < 0) return l.errorf('unclosed comment');
  l.pos = i + 2;
  const [delim, trim] = l.atRightDelim();
  if (!delim) return l.errorf('comment ends before closing delimiter');
  if (trim) l.pos += 2;
  l.pos += l.right.length;
  if (trim) l.pos += trimLeftLen(l.input, l.pos);
  l.ignore();
  return lexText;
}

function lexRightDelim(l: Lexer): State {
  const trim = hasRightTrim(l.input, l.pos);
  if (trim) {
    l.pos += 2;
    l.ignore();
  }
  l.pos += l.right.length;
  l.emit(T.RightDelim);
  if (trim) {
    l.pos += trimLeftLen(l.input, l.pos);
    l.ignore();
  }
  return lexText;
}

function lexInsideAction(l: Lexer): State {
  const [delim] = l.atRightDelim();
  if (delim) {
    if (l.parenDepth === 0) return lexRightDelim;
    return l.errorf('unclosed left paren');
  }
  const r = l.next();
  if (r === '') return l.errorf('unclosed action');
  if (isSpace(r)) {
    l.backup();
    return lexSpace;
  }
  switch (r) {
    case '=': l.emit(T.Assign); return lexInsideAction;
    case ':':
      if (l.next() !== '=') return l.errorf('expected :=');
      l.emit(T.Declare);
      return lexInsideAction;
    case '|': l.emit(T.Pipe); return lexInsideAction;
    case '"': return lexQuote;
    case '`': return lexRawQuote;
    case '$': return lexVariable;
    case "'": return lexChar;
    case '(':
      l.emit(T.LeftParen);
      l.parenDepth++;
      return lexInsideAction;
    case ')':
      l.emit(T.RightParen);
      l.parenDepth--;
      if (l.parenDepth < 0) return l.errorf(`unexpected right paren ${formatRuneU(0x29)}`);
      return lexInsideAction;
  }
  if (r === '.') {
    const c = l.input[l.pos];
    if (l.pos < l.input.length && (c < '0' || c > '9')) return lexField;
  }
  if (r === '.' || r === '+' || r === '-' || (r >= '0' && r <= '9')) {
    l.backup();
    return lexNumber;
  }
  if (isAlphaNumeric(r)) {
    l.backup();
    return lexIdentifier;
  }
  const cp = r.codePointAt(0)!;
  if (cp <= 0x7f && cp >= 0x20 && cp !== 0x7f) {
    l.emit(T.Char);
    return lexInsideAction;
  }
  return l.errorf(`unrecognized character in action: ${formatRuneU(cp)}`);
}

function lexSpace(l: Lexer): State {
  let numSpaces = 0;
  while (isSpace(l.peek())) {
    l.next();
    numSpaces++;
  }
  if (hasRightTrim(l.input, l.pos - 1) && l.input.startsWith(l.right, l.pos + 1)) {
    l.backup();
    if (numSpaces === 1) return lexRightDelim;
  }
  l.emit(T.Space);
  return lexInsideAction;
}

function lexIdentifier(l: Lexer): State {
  for (;;) {
    const r = l.next();
    if (isAlphaNumeric(r)) continue;
    l.backup();
    const word = l.input.slice(l.start, l.pos);
    if (!l.atTerminator()) return l.errorf(`bad character ${formatRuneU(r === '' ? -1 : r.codePointAt(0)!)}`);
    const kw = KEYWORDS[word];
    if (kw !== undefined && kw > T.Keyword) {
      if ((kw === T.Break && !l.breakOK) || (kw === T.Continue && !l.continueOK)) l.emit(T.Identifier);
      else l.emit(kw);
    } else if (word[0] === '.') l.emit(T.Field);
    else if (word === 'true' || word === 'false') l.emit(T.Bool);
    else l.emit(T.Identifier);
    return lexInsideAction;
  }
}

function lexField(l: Lexer): State {
  return lexFieldOrVariable(l, T.Field);
}

function lexVariable(l: Lexer): State {
  if (l.atTerminator()) {
    l.emit(T.Variable);
    return lexInsideAction;
  }
  return lexFieldOrVariable(l, T.Variable);
}

function lexFieldOrVariable(l: Lexer, typ: T): State {
  if (l.atTerminator()) {
    l.emit(typ === T.Variable ? T.Variable : T.Dot);
    return lexInsideAction;
  }
  let r: string;
  for (;;) {
    r = l.next();
    if (!isAlphaNumeric(r)) {
      l.backup();
      break;
    }
  }
  if (!l.atTerminator()) return l.errorf(`bad character ${formatRuneU(r === '' ? -1 : r.codePointAt(0)!)}`);
  l.emit(typ);
  return lexInsideAction;
}

function lexQuoted(l: Lexer, quote: string, typ: T, msg: string): State {
  for (;;) {
    const r = l.next();
    if (r === '\\') {
      const e = l.next();
      if (e !== '' && e !== '\n') continue;
      return l.errorf(msg);
    }
    if (r === '' || r === '\n') return l.errorf(msg);
    if (r === quote) break;
  }
  l.emit(typ);
  return lexInsideAction;
}

function lexChar(l: Lexer): State {
  return lexQuoted(l, "'", T.CharConstant, 'unterminated character constant');
}

function lexQuote(l: Lexer): State {
  return lexQuoted(l, '"', T.String, 'unterminated quoted string');
}

function lexRawQuote(l: Lexer): State {
  for (;;) {
    const r = l.next();
    if (r === '') return l.errorf('unterminated raw quoted string');
    if (r === '`') break;
  }
  l.emit(T.RawString);
  return lexInsideAction;
}

function lexNumber(l: Lexer): State {
  if (!scanNumber(l)) return l.errorf(`bad number syntax: ${goQuote(l.input.slice(l.start, l.pos))}`);
  const sign = l.peek();
  if (sign === '+' || sign === '-') {
    if (!scanNumber(l) || l.input[l.pos - 1] !== 'i') {
      return l.errorf(`bad number syntax: ${goQuote(l.input.slice(l.start, l.pos))}`);
    }
    l.emit(T.Complex);
  } else l.emit(T.Number);
  return lexInsideAction;
}

function scanNumber(l: Lexer): boolean {
  l.accept('+-');
  let digits = '0123456789_';
  if (l.accept('0')) {
    if (l.accept('xX')) digits = '0123456789abcdefABCDEF_';
    else if (l.accept('oO')) digits = '01234567_';
    else if (l.accept('bB')) digits = '01_';
  }
  l.acceptRun(digits);
  if (l.accept('.')) l.acceptRun(digits);
  if (digits.length === 11 && l.accept('eE')) {
    l.accept('+-');
    l.acceptRun('0123456789_');
  }
  if (digits.length === 23 && l.accept('pP')) {
    l.accept('+-');
    l.acceptRun('0123456789_');
  }
  l.accept('i');
  if (isAlphaNumeric(l.peek())) {
    l.next();
    return false;
  }
  return true;
}
