// Evaluation of pipelines, commands, arguments, fields and calls (Go's exec.go, second half).
import type * as A from '../parse/ast';
import { nodeString } from '../parse/ast';
import { goQuote } from '../fmt/quote';
import { GoInt, GoTime, hasKey, isMap, isStruct, mapType, typeName } from '../values';
import { TemplateLimitError } from '../errors';
import type { LimitHit, LimitName } from './limits';
import { State, val, type Val } from './state';
import { ANY, assignable, canBeNil, type GoFunc, type GoType, VALUE, zeroOf } from './types';
import { durationMethod, namedIntMethod, timeMethod } from './methods';
import { GoDuration, GoMonth, GoWeekday } from '../time-values';

const MISSING: Val = { v: Symbol('missing'), iface: false };
const isIntType = (t: GoType): boolean => /^u?int(8|16|32|64)?$/.test(t);

export class Evaluator extends State {
  protected spawn(name: string, dot: Val): State {
    return new Evaluator(this.env, name, dot, this.budget);
  }

  evalPipeline(dot: Val, pipe: A.PipeNode): Val {
    this.at(pipe);
    let value = MISSING;
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(dot, cmd, value);
      // An interface{} result is unwrapped; a nil interface becomes an invalid value.
      if (value.iface) value = val(value.v === null ? undefined : value.v);
    }
    for (const d of pipe.decl) {
      if (pipe.isAssign) this.setVar(d.ident[0], value);
      else this.push(d.ident[0], value);
    }
    return value;
  }

  private notAFunction(args: A.ArgNode[], final: Val): void {
    if (args.length > 1 || final !== MISSING) this.errorf(`can't give argument to non-function ${nodeString(args[0])}`);
  }

  private evalCommand(dot: Val, cmd: A.CommandNode, final: Val): Val {
    const first = cmd.args[0];
    switch (first.type) {
      case 'field': return this.evalFieldNode(dot, first, cmd.args, final);
      case 'chain': return this.evalChainNode(dot, first, cmd.args, final);
      case 'identifier': return this.evalFunction(dot, first, cmd, cmd.args, final);
      case 'pipe':
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first);
      case 'variable': return this.evalVariableNode(dot, first, cmd.args, final);
    }
    this.at(first);
    this.notAFunction(cmd.args, final);
    switch (first.type) {
      case 'bool': return val(first.value);
      case 'dot': return dot;
      case 'nil': return this.errorf('nil is not a command');
      case 'number': return val(this.idealConstant(first));
      case 'string': return val(first.text);
    }
  }

  private idealConstant(c: A.NumberNode): unknown {
    this.at(c);
    const hexInt = /^0[xX]/.test(c.text) && !/[pP]/.test(c.text);
    if (c.isFloat && !hexInt && c.text[0] !== "'" && /[.eEpP]/.test(c.text)) return c.float;
    if (c.isInt) return new GoInt(c.int);
    if (c.isUint) this.errorf(`${c.text} overflows int`);
    return undefined;
  }

  private evalFieldNode(dot: Val, f: A.FieldNode, args: A.ArgNode[], final: Val): Val {
    this.at(f);
    return this.evalFieldChain(dot, dot, f, f.ident, args, final);
  }

  private evalChainNode(dot: Val, chain: A.ChainNode, args: A.ArgNode[], final: Val): Val {
    this.at(chain);
    if (chain.node.type === 'nil') this.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
    const pipe = this.evalArg(dot, VALUE, chain.node);
    return this.evalFieldChain(dot, pipe, chain, chain.field, args, final);
  }

  private evalVariableNode(dot: Val, v: A.VariableNode, args: A.ArgNode[], final: Val): Val {
    this.at(v);
    const value = this.varValue(v.ident[0]);
    if (v.ident.length === 1) {
      this.notAFunction(args, final);
      return value;
    }
    return this.evalFieldChain(dot, value, v, v.ident.slice(1), args, final);
  }

  private evalFieldChain(dot: Val, receiver: Val, node: A.Node, ident: string[], args: A.ArgNode[], final: Val): Val {
    const n = ident.length;
    for (let i = 0; i < n - 1; i++) receiver = this.evalField(dot, ident[i], node, [], MISSING, receiver);
    return this.evalField(dot, ident[n - 1], node, args, final, receiver);
  }

  private evalFunction(dot: Val, node: A.IdentifierNode, cmd: A.Node, args: A.ArgNode[], final: Val): Val {
    this.at(node);
    const fn = this.env.findFunc(node.ident);
    if (!fn) this.errorf(`${goQuote(node.ident)} is not a defined function`);
    return this.evalCall(dot, fn, cmd, node.ident, args, final);
  }

  private evalField(dot: Val, name: string, node: A.Node, args: A.ArgNode[], final: Val, receiver: Val): Val {
    const r = receiver.v;
    if (r === undefined) {
      if (this.env.missingKey === 'error') this.errorf(`nil data; no entry for key ${goQuote(name)}`);
      return val(undefined);
    }
    const typ = receiver.iface ? ANY : typeName(r);
    if (r === null) this.errorf(`nil pointer evaluating ${typ}.${name}`);
    const method = this.findMethod(r, name);
    if (method) return this.evalCall(dot, method, node, name, args, final);
    const hasArgs = args.length > 1 || final !== MISSING;
    if (isMap(r)) {
      if (hasArgs) this.errorf(`${name} is not a method but has arguments`);
      const mt = mapType(r);
      const elem = mt.slice(mt.indexOf(']') + 1);
      if (hasKey(r, name)) return val(r[name], elem === ANY);
      switch (this.env.missingKey) {
        case 'zero': return val(zeroOf(elem), elem === ANY);
        case 'error': this.errorf(`map has no entry for key ${goQuote(name)}`);
      }
      return val(undefined);
    }
    if (isStruct(r) && hasKey(r as Record<string, unknown>, name)) {
      if (hasArgs) this.errorf(`${name} has arguments but cannot be invoked as function`);
      return val((r as Record<string, unknown>)[name]);
    }
    // A class may list its Go type's unexported fields: `static goUnexported = ['major']`.
    if (isStruct(r) && (r.constructor as { goUnexported?: string[] }).goUnexported?.includes(name)) {
      this.errorf(`${name} is an unexported field of struct type ${typ}`);
    }
    this.errorf(`can't evaluate field ${name} in type ${typ}`);
  }

  private findMethod(r: unknown, name: string): GoFunc | undefined {
    if (r instanceof GoTime) return timeMethod(r, name);
    if (r instanceof GoDuration) return durationMethod(r, name);
    if (r instanceof GoMonth || r instanceof GoWeekday) return namedIntMethod(r, name);
    if (!isStruct(r)) return undefined;
    const proto = Object.getPrototypeOf(r) as Record<string, unknown> | null;
    const m = proto && name !== 'constructor' ? proto[name] : undefined;
    if (typeof m !== 'function') return undefined;
    const fn = (...a: unknown[]): unknown => (m as (...x: unknown[]) => unknown).apply(r, a);
    // A class may declare Go signatures: `static goMethods = { Compare: { params: ['*semver.Version'] } }`.
    const sig = (r.constructor as { goMethods?: Record<string, Omit<GoFunc, 'fn'>> }).goMethods?.[name];
    return sig ? { fn, params: sig.params, variadic: sig.variadic } : { fn, params: [], variadic: ANY };
  }

  evalCall(dot: Val, fn: GoFunc, node: A.Node, name: string, argNodes: A.ArgNode[], final: Val): Val {
    const args = argNodes.slice(1);
    const numIn = args.length + (final !== MISSING ? 1 : 0);
    const nParams = fn.params.length + (fn.variadic !== undefined ? 1 : 0);
    if (fn.variadic !== undefined) {
      if (numIn < fn.params.length) this.errorf(`wrong number of args for ${name}: want at least ${fn.params.length} got ${args.length}`);
    } else if (numIn !== nParams) this.errorf(`wrong number of args for ${name}: want ${nParams} got ${numIn}`);
    if (fn.results !== undefined) this.errorf(`can't call method/function ${goQuote(name)} with ${fn.results} results`);
    if (name === 'and' || name === 'or') return this.andOr(dot, name, args, final);
    const argv: unknown[] = [];
    let i = 0;
    for (; i < fn.params.length && i < args.length; i++) argv.push(this.evalArg(dot, fn.params[i], args[i]).v);
    if (fn.variadic !== undefined) for (; i < args.length; i++) argv.push(this.evalArg(dot, fn.variadic, args[i]).v);
    if (final !== MISSING) {
      const t = i < fn.params.length ? fn.params[i] : (fn.variadic ?? fn.params[fn.params.length - 1]);
      argv.push(this.validateType(final, t).v);
    }
    this.step();
    if (fn.makes) this.refuse(node, name, this.budget.makes(fn.makes.kind, fn.makes.size(argv, this.capFor(fn.makes.kind))));
    let result: unknown;
    try {
      result = (fn.fn as (...a: unknown[]) => unknown)(...argv);
    } catch (e) {
      this.at(node);
      if (e instanceof Error && e.name === 'ExecFailure') throw e;
      // A nested execute (Helm's include) that ran out of the shared budget stays a limit error.
      if (e instanceof TemplateLimitError) this.refuse(node, name, { limit: e.limit as LimitName, message: e.message });
      this.errorf(`error calling ${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
    // What a function made without announcing it is measured after the fact, before anyone keeps it.
    if (typeof result === 'string') this.refuse(node, name, this.budget.makes('bytes', result.length));
    else if (Array.isArray(result)) this.refuse(node, name, this.budget.makes('items', result.length));
    return result instanceof IfaceResult ? val(result.v, true) : val(result, result === null);
  }

  private capFor(kind: 'bytes' | 'items'): number {
    return kind === 'bytes' ? this.budget.limits.maxValueBytes : this.budget.limits.maxListLength;
  }

  /** Fails the call `name` at node when h says it broke a limit. */
  private refuse(node: A.Node, name: string, h: LimitHit | undefined): void {
    if (!h) return;
    this.at(node);
    this.limitf(h, `error calling ${name}: `);
  }

  private andOr(dot: Val, name: string, args: A.ArgNode[], final: Val): Val {
    let v: Val = val(undefined);
    for (const a of args) {
      v = this.evalArg(dot, VALUE, a);
      const [t] = truth(v.v);
      if (t === (name === 'or')) return v;
    }
    if (final !== MISSING) v = final;
    return v;
  }

  validateType(value: Val, typ: GoType): Val {
    const v = value.v;
    if (typ === VALUE) return value;
    if (v === undefined) {
      if (canBeNil(typ)) return val(typ === ANY ? null : zeroOf(typ));
      this.errorf(`invalid value; expected ${typ}`);
    }
    if (typ === ANY) return value;
    if (v === null) {
      if (!value.iface && canBeNil(typ)) return val(zeroOf(typ));
      this.errorf(`wrong type for value; expected ${typ}; got ${value.iface ? ANY : '<nil>'}`);
    }
    if (!assignable(v, typ)) this.errorf(`wrong type for value; expected ${typ}; got ${typeName(v)}`);
    return val(v);
  }

  evalArg(dot: Val, typ: GoType, n: A.ArgNode): Val {
    this.at(n);
    switch (n.type) {
      case 'dot': return this.validateType(dot, typ);
      case 'nil':
        if (canBeNil(typ)) return val(typ === VALUE ? undefined : typ === ANY ? null : zeroOf(typ));
        return this.errorf(`cannot assign nil to ${typ}`);
      case 'field': return this.validateType(this.evalFieldNode(dot, n, [n], MISSING), typ);
      case 'variable': return this.validateType(this.evalVariableNode(dot, n, [], MISSING), typ);
      case 'pipe': return this.validateType(this.evalPipeline(dot, n), typ);
      case 'identifier': return this.validateType(this.evalFunction(dot, n, n, [n], MISSING), typ);
      case 'chain': return this.validateType(this.evalChainNode(dot, n, [], MISSING), typ);
    }
    return val(this.evalConstant(typ, n));
  }

  private evalConstant(typ: GoType, n: A.BoolNode | A.StringNode | A.NumberNode): unknown {
    if (typ === ANY || typ === VALUE) {
      if (n.type === 'bool') return n.value;
      if (n.type === 'string') return n.text;
      return this.idealConstant(n);
    }
    if (typ === 'bool') {
      if (n.type === 'bool') return n.value;
      this.errorf(`expected bool; found ${nodeString(n)}`);
    }
    if (typ === 'string') {
      if (n.type === 'string') return n.text;
      this.errorf(`expected string; found ${nodeString(n)}`);
    }
    if (typ === 'float64' || typ === 'float32') {
      if (n.type === 'number' && n.isFloat) return n.float;
      this.errorf(`expected float; found ${nodeString(n)}`);
    }
    if (typ === 'time.Duration') {
      if (n.type === 'number' && n.isInt) return new GoDuration(BigInt(n.int));
      this.errorf(`expected integer; found ${nodeString(n)}`);
    }
    if (isIntType(typ)) {
      const unsigned = typ.startsWith('u');
      if (n.type === 'number' && (unsigned ? n.isUint : n.isInt)) return new GoInt(n.int, typ as GoInt['kind']);
      this.errorf(`expected ${unsigned ? 'unsigned integer' : 'integer'}; found ${nodeString(n)}`);
    }
    this.errorf(`can't handle ${nodeString(n)} for arg of type ${typ}`);
  }
}

/** Returned by functions whose Go result type is interface{} and whose value may be nil. */
export class IfaceResult {
  constructor(readonly v: unknown) {}
}

function truth(v: unknown): [boolean, boolean] {
  if (v === undefined || v === null) return [false, true];
  if (typeof v === 'string') return [v.length > 0, true];
  if (typeof v === 'boolean') return [v, true];
  if (typeof v === 'number') return [v !== 0, true];
  if (v instanceof GoInt) return [v.n !== 0, true];
  if (Array.isArray(v)) return [v.length > 0, true];
  if (isMap(v)) return [Object.keys(v).length > 0, true];
  return [true, true];
}
