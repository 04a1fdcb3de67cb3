// The executor: walks parse trees against data (Go's exec.go), with Go's errors and positions.
import type * as A from '../parse/ast';
import { nodeString } from '../parse/ast';
import type { Tree } from '../parse/parser';
import { TemplateExecError } from '../errors';
import { formatValue, type Flags } from '../fmt/printf';
import { utf8Length, goQuote } from '../fmt/quote';
import { GoInt, isMap, isTrue, kindOf, mapKeys, sliceElemType, typeName } from '../values';
import { type ExecBudget, type LimitHit, type LimitName, printedSize } from './limits';
import type { GoFunc } from './types';

export type MissingKey = 'default' | 'invalid' | 'zero' | 'error';

export interface ExecEnv {
  lookupTree(name: string): Tree | undefined;
  findFunc(name: string): GoFunc | undefined;
  missingKey: MissingKey;
}

/** A value with Go's static-type knowledge: iface means "an interface{} holding v". */
export interface Val { v: unknown; iface: boolean }
interface Variable { name: string; val: Val }

class LoopSignal extends Error {}
const BREAK = new LoopSignal('break');
const CONTINUE = new LoopSignal('continue');
const PLAIN: Flags = {
  plus: false, minus: false, sharp: false, space: false, zero: false, plusV: false, sharpV: false, width: -1, prec: -1,
};

export const val = (v: unknown, iface = false): Val => ({ v, iface });

export class ExecFailure extends Error {
  /** Set when an execution limit, not the template's logic, stopped the run. */
  limit?: LimitName;
}

/** How much of a node a limit error quotes: the node may be a whole range body or a long text. */
const LIMIT_CONTEXT = 40;

export abstract class State {
  out = '';
  node: A.Node | null = null;
  vars: Variable[];

  constructor(
    readonly env: ExecEnv,
    public tmplName: string,
    dot: Val,
    readonly budget: ExecBudget,
  ) {
    this.vars = [{ name: '$', val: dot }];
  }

  at(n: A.Node): void {
    this.node = n;
  }

  errorf(msg: string): never {
    throw new ExecFailure(this.located(msg, Infinity));
  }

  /** A limit error: Go's shape, with the node quoted short. */
  limitf(h: LimitHit, prefix = ''): never {
    const e = new ExecFailure(this.located(prefix + h.message, LIMIT_CONTEXT));
    e.limit = h.limit;
    throw e;
  }

  private located(msg: string, contextMax: number): string {
    const name = this.tmplName;
    if (this.node === null) return `template: ${name}: ${msg}`;
    const n = this.node;
    const before = n.src.text.slice(0, n.pos);
    const nl = before.lastIndexOf('\n');
    const col = nl < 0 ? utf8Length(before) : utf8Length(before.slice(nl + 1));
    const line = 1 + (before.match(/\n/g)?.length ?? 0);
    const loc = `${n.src.parseName}:${line}:${col}`;
    let context = nodeString(n);
    if (context.length > contextMax) context = context.slice(0, contextMax) + '...';
    return `template: ${loc}: executing ${goQuote(name)} at <${context}>: ${msg}`;
  }

  /** Counts a step against the budget (steps and, now and then, the clock). */
  step(): void {
    const h = this.budget.step();
    if (h) this.limitf(h);
  }

  /** Appends to the output, refusing what would take it past the budget. */
  emit(s: string): void {
    const h = this.budget.write(s.length);
    if (h) this.limitf(h);
    this.out += s;
  }

  mark(): number {
    return this.vars.length;
  }
  pop(mark: number): void {
    this.vars.length = mark;
  }
  push(name: string, v: Val): void {
    this.vars.push({ name, val: v });
  }
  setVar(name: string, v: Val): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i].name === name) {
        this.vars[i].val = v;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }
  setTopVar(n: number, v: Val): void {
    this.vars[this.vars.length - n].val = v;
  }
  varValue(name: string): Val {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i].name === name) return this.vars[i].val;
    this.errorf(`undefined variable: ${name}`);
  }

  walk(dot: Val, node: A.Node): void {
    this.at(node);
    this.step();
    switch (node.type) {
      case 'action': {
        const v = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.printValue(node, v.v);
        return;
      }
      case 'break': throw BREAK;
      case 'continue': throw CONTINUE;
      case 'comment': return;
      case 'if': case 'with': return this.walkIfOrWith(node, dot);
      case 'list':
        for (const n of node.nodes) this.walk(dot, n);
        return;
      case 'range': return this.walkRange(dot, node);
      case 'template': return this.walkTemplate(dot, node);
      case 'text':
        this.emit(node.text);
        return;
    }
    this.errorf(`unknown node: ${nodeString(node)}`);
  }

  private walkIfOrWith(node: A.BranchNode, dot: Val): void {
    const mark = this.mark();
    try {
      const v = this.evalPipeline(dot, node.pipe);
      const [truth] = isTrue(v.v);
      if (truth) this.walk(node.type === 'with' ? v : dot, node.list);
      else if (node.elseList) this.walk(dot, node.elseList);
    } finally {
      this.pop(mark);
    }
  }

  private walkRange(dot: Val, r: A.BranchNode): void {
    this.at(r);
    const outer = this.mark();
    try {
      const v = this.evalPipeline(dot, r.pipe).v;
      const mark = this.mark();
      const one = (index: Val, elem: Val): boolean => {
        if (r.pipe.decl.length > 0) this.setTopVar(1, elem);
        if (r.pipe.decl.length > 1) this.setTopVar(2, index);
        try {
          this.walk(elem, r.list);
        } catch (e) {
          if (e === BREAK) return false;
          if (e !== CONTINUE) throw e;
        } finally {
          this.pop(mark);
        }
        return true;
      };
      if (Array.isArray(v) || v instanceof Uint8Array) {
        if (v.length > 0) {
          const iface = !(v instanceof Uint8Array) && sliceElemType(v) === 'interface {}';
          for (let i = 0; i < v.length; i++) {
            const e: unknown = v instanceof Uint8Array ? new GoInt(v[i], 'uint8') : v[i];
            if (!one(val(new GoInt(i)), val(e, iface))) break;
          }
          return;
        }
      } else if (isMap(v)) {
        const keys = mapKeys(v);
        if (keys.length > 0) {
          const iface = !typeName(v).endsWith(']string');
          for (const k of keys) if (!one(val(k), val(v[k], iface))) break;
          return;
        }
      } else if (v !== undefined && v !== null) {
        this.errorf(`range can't iterate over ${formatValue(v, 'v', PLAIN, 0)}`);
      }
      if (r.elseList) this.walk(dot, r.elseList);
    } finally {
      this.pop(outer);
    }
  }

  private walkTemplate(dot: Val, t: A.TemplateNode): void {
    this.at(t);
    const tree = this.env.lookupTree(t.name);
    if (!tree) this.errorf(`template ${goQuote(t.name)} not defined`);
    const b = this.budget;
    // Go's check and message, at our depth: JavaScript's stack runs out long before Go's 100000.
    if (b.depth >= b.limits.maxDepth) this.limitf({ limit: 'maxDepth', message: `exceeded maximum template depth (${b.limits.maxDepth})` });
    const newDot = t.pipe ? this.evalPipeline(dot, t.pipe) : val(undefined);
    const s = this.spawn(tree.name, newDot);
    b.depth++;
    try {
      s.walk(newDot, tree.root);
    } finally {
      b.depth--;
      // Already counted against the budget when the callee wrote it.
      this.out += s.out;
    }
  }

  printValue(n: A.Node, v: unknown): void {
    this.at(n);
    if (v === undefined || v === null) {
      this.emit('<no value>');
      return;
    }
    if (typeof v === 'function') this.errorf(`can't print ${nodeString(n)} of type ${typeName(v)}`);
    if (typeof v === 'string') return this.emit(v);
    // A list or map is sized before it is formatted, so printing a huge one allocates nothing.
    if (typeof v === 'object' && !(v instanceof GoInt)) {
      const room = this.budget.remainingOutput;
      const h = printedSize(v, room) > room ? this.budget.write(room + 1) : undefined;
      if (h) this.limitf(h);
    }
    this.emit(formatValue(v, 'v', PLAIN, 0));
  }

  abstract evalPipeline(dot: Val, pipe: A.PipeNode): Val;
  protected abstract spawn(name: string, dot: Val): State;
}

export function execError(e: unknown, partial: string): never {
  if (e instanceof ExecFailure) throw new TemplateExecError(e.message, partial);
  throw e;
}

export { kindOf };
