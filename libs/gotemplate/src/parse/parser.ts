// The parser (Go's parse/parse.go): same grammar, same error messages, same line numbers.
import { goQuote, goUnquote, UnquoteError } from '../fmt/quote';
import type * as A from './ast';
import { isEmptyTree, nodeString } from './ast';
import { type Item, itemString, Lexer, T } from './lexer';
import { parseNumber } from './number';

export interface Tree { name: string; parseName: string; root: A.ListNode; src: A.Source }

export class ParseFailure extends Error {}

interface Shared { lex: Lexer; src: A.Source; hasFunc: (name: string) => boolean; treeSet: Map<string, Tree> }

class Parser {
  private token: Item[] = [];
  private peekCount = 0;
  private vars: string[] = ['$'];
  private actionLine = 0;
  private rangeDepth = 0;
  root: A.ListNode | null = null;

  constructor(public name: string, private readonly sh: Shared) {}

  private next(): Item {
    if (this.peekCount > 0) this.peekCount--;
    else this.token[0] = this.sh.lex.nextItem();
    return this.token[this.peekCount];
  }
  private backup(): void { this.peekCount++; }
  private backup2(t1: Item): void { this.token[1] = t1; this.peekCount = 2; }
  private backup3(t2: Item, t1: Item): void { this.token[1] = t1; this.token[2] = t2; this.peekCount = 3; }
  private peek(): Item {
    if (this.peekCount > 0) return this.token[this.peekCount - 1];
    this.peekCount = 1;
    this.token[0] = this.sh.lex.nextItem();
    return this.token[0];
  }
  private nextNonSpace(): Item {
    let t: Item;
    do t = this.next(); while (t.typ === T.Space);
    return t;
  }
  private peekNonSpace(): Item {
    const t = this.nextNonSpace();
    this.backup();
    return t;
  }

  errorf(msg: string): never {
    throw new ParseFailure(`template: ${this.sh.src.parseName}:${this.token[0]?.line ?? 1}: ${msg}`);
  }
  private expect(expected: T, context: string): Item {
    const t = this.nextNonSpace();
    if (t.typ !== expected) this.unexpected(t, context);
    return t;
  }
  private unexpected(t: Item, context: string): never {
    if (t.typ === T.Error) {
      let extra = '';
      if (this.actionLine !== 0 && this.actionLine !== t.line) {
        extra = ` in action started at ${this.sh.src.parseName}:${this.actionLine}`;
        if (t.val.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      this.errorf(`${itemString(t)}${extra}`);
    }
    this.errorf(`unexpected ${itemString(t)} in ${context}`);
  }
  private unquote(t: Item): string {
    try {
      return goUnquote(t.val);
    } catch (e) {
      if (e instanceof UnquoteError) this.errorf(e.message);
      throw e;
    }
  }
  private base(pos: number): { pos: number; src: A.Source } { return { pos, src: this.sh.src }; }
  private newList(pos: number): A.ListNode { return { type: 'list', nodes: [], ...this.base(pos) }; }

  parse(): void {
    this.root = this.newList(this.peek().pos);
    while (this.peek().typ !== T.EOF) {
      if (this.peek().typ === T.LeftDelim) {
        const delim = this.next();
        if (this.nextNonSpace().typ === T.Define) {
          new Parser('definition', this.sh).parseDefinition();
          continue;
        }
        this.backup2(delim);
      }
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') this.errorf(`unexpected ${nodeString(n)}`);
      this.root.nodes.push(n);
    }
  }

  add(): void {
    const tree = this.sh.treeSet.get(this.name);
    const mine: Tree = { name: this.name, parseName: this.sh.src.parseName, root: this.root!, src: this.sh.src };
    if (!tree || isEmptyTree(tree.root)) {
      this.sh.treeSet.set(this.name, mine);
      return;
    }
    if (!isEmptyTree(this.root)) this.errorf(`template: multiple definition of template ${goQuote(this.name)}`);
  }

  private parseDefinition(): void {
    const context = 'define clause';
    const t = this.nextNonSpace();
    if (t.typ !== T.String && t.typ !== T.RawString) this.unexpected(t, context);
    this.name = this.unquote(t);
    this.expect(T.RightDelim, context);
    const [list, end] = this.itemList();
    this.root = list;
    if (end.type !== 'end') this.errorf(`unexpected ${nodeString(end)} in ${context}`);
    this.add();
  }

  private itemList(): [A.ListNode, A.Node] {
    const list = this.newList(this.peekNonSpace().pos);
    while (this.peekNonSpace().typ !== T.EOF) {
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') return [list, n];
      list.nodes.push(n);
    }
    this.errorf('unexpected EOF');
  }

  private textOrAction(): A.Node {
    const t = this.nextNonSpace();
    switch (t.typ) {
      case T.Text: return { type: 'text', text: t.val, ...this.base(t.pos) };
      case T.LeftDelim:
        this.actionLine = t.line;
        try {
          return this.action();
        } finally {
          this.actionLine = 0;
        }
      case T.Comment: return { type: 'comment', text: t.val, ...this.base(t.pos) };
      default: this.unexpected(t, 'input');
    }
  }

  private action(): A.Node {
    const t = this.nextNonSpace();
    switch (t.typ) {
      case T.Block: return this.blockControl();
      case T.Break: return this.loopControl(t, 'break');
      case T.Continue: return this.loopControl(t, 'continue');
      case T.Else: return this.elseControl();
      case T.End: return { type: 'end', ...this.base(this.expect(T.RightDelim, 'end').pos) };
      case T.If: return this.control('if', true);
      case T.Range: return this.control('range', false);
      case T.Template: return this.templateControl();
      case T.With: return this.control('with', false);
    }
    this.backup();
    const tok = this.peek();
    return { type: 'action', line: tok.line, pipe: this.pipeline('command', T.RightDelim), ...this.base(tok.pos) };
  }

  private loopControl(t: Item, kind: 'break' | 'continue'): A.Node {
    const next = this.nextNonSpace();
    if (next.typ !== T.RightDelim) this.unexpected(next, `{{${kind}}}`);
    if (this.rangeDepth === 0) this.errorf(`{{${kind}}} outside {{range}}`);
    return { type: kind, line: t.line, ...this.base(t.pos) };
  }

  private pipeline(context: string, end: T): A.PipeNode {
    const tok = this.peekNonSpace();
    const pipe: A.PipeNode = { type: 'pipe', line: tok.line, isAssign: false, decl: [], cmds: [], ...this.base(tok.pos) };
    this.declarations(pipe, context);
    for (;;) {
      const t = this.nextNonSpace();
      if (t.typ === end) {
        this.checkPipeline(pipe, context);
        return pipe;
      }
      switch (t.typ) {
        case T.Bool: case T.CharConstant: case T.Complex: case T.Dot: case T.Field: case T.Identifier:
        case T.Number: case T.Nil: case T.RawString: case T.String: case T.Variable: case T.LeftParen:
          this.backup();
          pipe.cmds.push(this.command());
          break;
        default:
          this.unexpected(t, context);
      }
    }
  }

  private declarations(pipe: A.PipeNode, context: string): void {
    for (;;) {
      const v = this.peekNonSpace();
      if (v.typ !== T.Variable) return;
      this.next();
      const after = this.peek();
      const next = this.peekNonSpace();
      if (next.typ === T.Assign || next.typ === T.Declare) {
        pipe.isAssign = next.typ === T.Assign;
        this.nextNonSpace();
        pipe.decl.push(this.newVariable(v.pos, v.val));
        this.vars.push(v.val);
        return;
      }
      if (next.typ === T.Char && next.val === ',') {
        this.nextNonSpace();
        pipe.decl.push(this.newVariable(v.pos, v.val));
        this.vars.push(v.val);
        if (context === 'range' && pipe.decl.length < 2) {
          const p = this.peekNonSpace().typ;
          if (p === T.Variable || p === T.RightDelim || p === T.RightParen) continue;
          this.errorf('range can only initialize variables');
        }
        this.errorf(`too many declarations in ${context}`);
      }
      if (after.typ === T.Space) this.backup3(v, after);
      else this.backup2(v);
      return;
    }
  }

  private checkPipeline(pipe: A.PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`);
    pipe.cmds.slice(1).forEach((c, i) => {
      const t = c.args[0].type;
      if (t === 'bool' || t === 'dot' || t === 'nil' || t === 'number' || t === 'string') {
        this.errorf(`non executable command in pipeline stage ${i + 2}`);
      }
    });
  }

  private control(kind: 'if' | 'range' | 'with', allowElseIf: boolean): A.BranchNode {
    const nvars = this.vars.length;
    const pipe = this.pipeline(kind, T.RightDelim);
    if (kind === 'range') this.rangeDepth++;
    const [list, next] = this.itemList();
    if (kind === 'range') this.rangeDepth--;
    let elseList: A.ListNode | null = null;
    if (next.type === 'else') {
      if (allowElseIf && this.peek().typ === T.If) {
        this.next();
        elseList = this.newList(next.pos);
        elseList.nodes.push(this.control('if', true));
      } else {
        const [l, n] = this.itemList();
        elseList = l;
        if (n.type !== 'end') this.errorf(`expected end; found ${nodeString(n)}`);
      }
    }
    this.vars.length = nvars;
    return { type: kind, line: pipe.line, pipe, list, elseList, ...this.base(pipe.pos) };
  }

  private elseControl(): A.Node {
    const peek = this.peekNonSpace();
    if (peek.typ === T.If) return { type: 'else', line: peek.line, ...this.base(peek.pos) };
    const t = this.expect(T.RightDelim, 'else');
    return { type: 'else', line: t.line, ...this.base(t.pos) };
  }

  private templateName(t: Item, context: string): string {
    if (t.typ !== T.String && t.typ !== T.RawString) this.unexpected(t, context);
    return this.unquote(t);
  }

  private blockControl(): A.Node {
    const context = 'block clause';
    const t = this.nextNonSpace();
    const name = this.templateName(t, context);
    const pipe = this.pipeline(context, T.RightDelim);
    const block = new Parser(name, this.sh);
    const [list, end] = block.itemList();
    block.root = list;
    if (end.type !== 'end') this.errorf(`unexpected ${nodeString(end)} in ${context}`);
    block.add();
    return { type: 'template', line: t.line, name, pipe, ...this.base(t.pos) };
  }

  private templateControl(): A.Node {
    const context = 'template clause';
    const t = this.nextNonSpace();
    const name = this.templateName(t, context);
    let pipe: A.PipeNode | null = null;
    if (this.nextNonSpace().typ !== T.RightDelim) {
      this.backup();
      pipe = this.pipeline(context, T.RightDelim);
    }
    return { type: 'template', line: t.line, name, pipe, ...this.base(t.pos) };
  }

  private command(): A.CommandNode {
    const cmd: A.CommandNode = { type: 'command', args: [], ...this.base(this.peekNonSpace().pos) };
    for (;;) {
      this.peekNonSpace();
      const operand = this.operand();
      if (operand) cmd.args.push(operand);
      const t = this.next();
      if (t.typ === T.Space) continue;
      if (t.typ === T.RightDelim || t.typ === T.RightParen) this.backup();
      else if (t.typ !== T.Pipe) this.unexpected(t, 'operand');
      break;
    }
    if (cmd.args.length === 0) this.errorf('empty command');
    return cmd;
  }

  private operand(): A.ArgNode | null {
    const node = this.term();
    if (!node) return null;
    if (this.peek().typ !== T.Field) return node;
    const pos = this.peek().pos;
    const fields: string[] = [];
    while (this.peek().typ === T.Field) fields.push(this.next().val.slice(1));
    const chain: A.ChainNode = { type: 'chain', node, field: fields, ...this.base(pos) };
    switch (node.type) {
      case 'field': return { type: 'field', ident: nodeString(chain).slice(1).split('.'), ...this.base(pos) };
      case 'variable': return this.newVariable(pos, nodeString(chain));
      case 'bool': case 'string': case 'number': case 'nil': case 'dot':
        return this.errorf(`unexpected . after term ${goQuote(nodeString(node))}`);
      default: return chain;
    }
  }

  private term(): A.ArgNode | null {
    const t = this.nextNonSpace();
    switch (t.typ) {
      case T.Identifier:
        if (!this.sh.hasFunc(t.val)) this.errorf(`function ${goQuote(t.val)} not defined`);
        return { type: 'identifier', ident: t.val, ...this.base(t.pos) };
      case T.Dot: return { type: 'dot', ...this.base(t.pos) };
      case T.Nil: return { type: 'nil', ...this.base(t.pos) };
      case T.Variable: return this.useVar(t.pos, t.val);
      case T.Field: return { type: 'field', ident: t.val.slice(1).split('.'), ...this.base(t.pos) };
      case T.Bool: return { type: 'bool', value: t.val === 'true', ...this.base(t.pos) };
      case T.CharConstant: case T.Complex: case T.Number: {
        const r = parseNumber(t.val, t.typ === T.CharConstant, t.typ === T.Complex);
        if (typeof r === 'string') this.errorf(r);
        return { type: 'number', ...r, text: t.val, ...this.base(t.pos) };
      }
      case T.LeftParen: return this.pipeline('parenthesized pipeline', T.RightParen);
      case T.String: case T.RawString:
        return { type: 'string', quoted: t.val, text: this.unquote(t), ...this.base(t.pos) };
    }
    this.backup();
    return null;
  }

  private newVariable(pos: number, ident: string): A.VariableNode {
    return { type: 'variable', ident: ident.split('.'), ...this.base(pos) };
  }

  private useVar(pos: number, name: string): A.VariableNode {
    const v = this.newVariable(pos, name);
    if (!this.vars.includes(v.ident[0])) this.errorf(`undefined variable ${goQuote(v.ident[0])}`);
    return v;
  }
}

export interface ParseOptions { left: string; right: string; hasFunc: (name: string) => boolean }

/** Parses text into trees (the named one plus every define/block), adding them to treeSet. */
export function parseTrees(name: string, text: string, opts: ParseOptions, treeSet: Map<string, Tree>): void {
  const lex = new Lexer(text, opts.left || '{{', opts.right || '}}', !opts.hasFunc('break'), !opts.hasFunc('continue'));
  const p = new Parser(name, { lex, src: { text, parseName: name }, hasFunc: opts.hasFunc, treeSet });
  p.parse();
  p.add();
}
