import { ExprSyntaxError } from './expr.lexer';
import { BinaryOp, ExprNode, parseExpr } from './expr.parser';
import { DURATIONS, ExprEvalError, GoDuration, GoTime, METHODS, parseTime, typeName } from './go-time.values';

export { ExprEvalError } from './go-time.values';
export { ExprSyntaxError } from './expr.lexer';

/** A value an expression can produce; `null` is expr's nil. */
export type ExprValue = unknown;

/** A function the environment exposes (`len`, `time.Now`); called with evaluated arguments. */
export class ExprFunction {
  constructor(
    readonly name: string,
    readonly call: (...args: ExprValue[]) => ExprValue,
  ) {}
}

export interface ExprEnv {
  readonly vars: Readonly<Record<string, ExprValue>>;
  /** The clock behind `time.Now()`. */
  readonly now: () => Date;
}

/** A parsed expression, evaluated many times against different Applications. */
export class CompiledExpr {
  private constructor(
    readonly source: string,
    readonly ast: ExprNode,
  ) {}

  /** Parses `source`; throws ExprSyntaxError (with the column) when it is not valid expr. */
  static compile(source: string): CompiledExpr {
    return new CompiledExpr(source, parseExpr(source));
  }

  /** Evaluates against `env`; a missing field reads as nil, a type error throws ExprEvalError. */
  evaluate(env: ExprEnv): ExprValue {
    return new Evaluator(env).eval(this.ast);
  }

  /** Member paths read from `root` (e.g. `status.operationState.phase` under `app`), for dependency checks. */
  readsPath(root: string, ...path: string[]): boolean {
    return memberPaths(this.ast).some((p) => p[0] === root && path.every((segment, i) => p[i + 1] === segment));
  }
}

function memberPaths(node: ExprNode): string[][] {
  const paths: string[][] = [];
  const visit = (n: ExprNode): string[] | undefined => {
    switch (n.kind) {
      case 'ident':
        return [n.name];
      case 'member': {
        const base = visit(n.object);
        if (n.property.kind !== 'literal') visit(n.property);
        const path = base && n.property.kind === 'literal' ? [...base, String(n.property.value)] : undefined;
        if (path) paths.push(path);
        return path;
      }
      case 'call':
        visit(n.callee);
        n.args.forEach(visit);
        return undefined;
      case 'unary':
        visit(n.operand);
        return undefined;
      case 'binary':
        visit(n.left);
        visit(n.right);
        return undefined;
      case 'array':
        n.elements.forEach(visit);
        return undefined;
      case 'map':
        n.entries.forEach((e) => visit(e.value));
        return undefined;
      case 'conditional':
        [n.test, n.then, n.otherwise].forEach(visit);
        return undefined;
      case 'literal':
        return undefined;
    }
  };
  visit(node);
  return paths;
}

const BUILTINS: Record<string, ExprFunction> = {
  len: new ExprFunction('len', (v) => {
    if (typeof v === 'string') return [...v].length;
    if (Array.isArray(v)) return v.length;
    if (isMap(v)) return Object.keys(v).length;
    throw new ExprEvalError(`invalid argument for len (type ${typeName(v)})`);
  }),
  lower: new ExprFunction('lower', (v) => str('lower', v).toLowerCase()),
  upper: new ExprFunction('upper', (v) => str('upper', v).toUpperCase()),
  trim: new ExprFunction('trim', (v) => str('trim', v).trim()),
  string: new ExprFunction('string', (v) => (typeof v === 'string' ? v : JSON.stringify(v))),
};

class Evaluator {
  constructor(private readonly env: ExprEnv) {}

  eval(node: ExprNode): ExprValue {
    switch (node.kind) {
      case 'literal':
        return node.value;
      case 'ident':
        return this.identifier(node.name);
      case 'member':
        return this.member(this.eval(node.object), this.eval(node.property));
      case 'call':
        return this.call(node);
      case 'unary':
        return unary(node.op, this.eval(node.operand));
      case 'binary':
        return this.binary(node.op, node.negate, node.left, node.right);
      case 'array':
        return node.elements.map((e) => this.eval(e));
      case 'map':
        return Object.fromEntries(node.entries.map((e) => [e.key, this.eval(e.value)]));
      case 'conditional':
        return bool('?:', this.eval(node.test)) ? this.eval(node.then) : this.eval(node.otherwise);
    }
  }

  private identifier(name: string): ExprValue {
    if (Object.hasOwn(this.env.vars, name)) return this.env.vars[name] ?? null;
    if (name === 'time') return this.timeNamespace();
    return BUILTINS[name] ?? null;
  }

  private timeNamespace(): Record<string, ExprValue> {
    return {
      Now: new ExprFunction('time.Now', () => new GoTime(this.env.now().getTime())),
      Parse: new ExprFunction('time.Parse', (v) => parseTime(v)),
      ...DURATIONS,
    };
  }

  // Every missing link in a chain reads as nil, so `a.b.c` on an object without `b` is nil, not an error.
  private member(object: ExprValue, property: ExprValue): ExprValue {
    if (object === null || object === undefined) return null;
    if (object instanceof GoTime || object instanceof GoDuration) return boundMethod(object, property);
    if (Array.isArray(object)) {
      if (typeof property !== 'number' || !Number.isInteger(property)) throw new ExprEvalError(`array index must be an integer, got ${typeName(property)}`);
      const index = property < 0 ? object.length + property : property;
      return (object[index] as ExprValue) ?? null;
    }
    if (isMap(object) && typeof property === 'string') return Object.hasOwn(object, property) ? (object[property] ?? null) : null;
    if (typeof object === 'string' && typeof property === 'number') return object[property] ?? null;
    throw new ExprEvalError(`cannot fetch ${String(property)} from ${typeName(object)}`);
  }

  private call(node: Extract<ExprNode, { kind: 'call' }>): ExprValue {
    const callee = this.eval(node.callee);
    const args = node.args.map((a) => this.eval(a));
    if (callee instanceof ExprFunction) return callee.call(...args);
    if (callee === null && node.callee.kind === 'member' && node.callee.optional) return null;
    throw new ExprEvalError(`${describeCallee(node.callee)} is not a function (got ${typeName(callee)})`);
  }

  private binary(op: BinaryOp, negate: boolean, leftNode: ExprNode, rightNode: ExprNode): ExprValue {
    const left = this.eval(leftNode);
    if (op === 'and') return bool('and', left) && bool('and', this.eval(rightNode));
    if (op === 'or') return bool('or', left) || bool('or', this.eval(rightNode));
    if (op === '??') return left ?? this.eval(rightNode);
    const result = binaryOp(op, left, this.eval(rightNode));
    return negate ? !result : result;
  }
}

function describeCallee(node: ExprNode): string {
  if (node.kind === 'ident') return node.name;
  if (node.kind === 'member' && node.property.kind === 'literal') return `${describeCallee(node.object)}.${String(node.property.value)}`;
  return 'expression';
}

function boundMethod(target: GoTime | GoDuration, property: ExprValue): ExprFunction {
  const proto = Object.getPrototypeOf(target) as object;
  const name = String(property);
  if (!METHODS.get(proto)?.has(name)) throw new ExprEvalError(`type ${typeName(target)} has no method ${name}`);
  const fn = (target as unknown as Record<string, (...a: unknown[]) => unknown>)[name];
  return new ExprFunction(name, (...args) => fn.apply(target, args));
}

function unary(op: 'not' | '-' | '+', value: ExprValue): ExprValue {
  if (op === 'not') return !bool('not', value);
  if (typeof value !== 'number') throw new ExprEvalError(`invalid operation: ${op} ${typeName(value)}`);
  return op === '-' ? -value : value;
}

function binaryOp(op: BinaryOp, l: ExprValue, r: ExprValue): ExprValue {
  switch (op) {
    case '==':
      return equal(l, r);
    case '!=':
      return !equal(l, r);
    case '<':
    case '>':
    case '<=':
    case '>=':
      return compare(op, l, r);
    case 'in':
      return contains(r, l);
    case 'matches':
      return matches(l, r);
    case 'contains':
      return str(op, l).includes(str(op, r));
    case 'startsWith':
      return str(op, l).startsWith(str(op, r));
    case 'endsWith':
      return str(op, l).endsWith(str(op, r));
    default:
      return arithmetic(op, l, r);
  }
}

function arithmetic(op: BinaryOp, l: ExprValue, r: ExprValue): ExprValue {
  if (op === '+' && typeof l === 'string' && typeof r === 'string') return l + r;
  if (op === '*' && l instanceof GoDuration && typeof r === 'number') return new GoDuration(l.nanoseconds * r);
  if (op === '*' && typeof l === 'number' && r instanceof GoDuration) return new GoDuration(l * r.nanoseconds);
  if (typeof l !== 'number' || typeof r !== 'number') throw new ExprEvalError(`invalid operation: ${typeName(l)} ${op} ${typeName(r)}`);
  switch (op) {
    case '+':
      return l + r;
    case '-':
      return l - r;
    case '*':
      return l * r;
    case '/':
      return l / r;
    case '%':
      if (r === 0) throw new ExprEvalError('integer divide by zero');
      return l % r;
    default:
      return l ** r;
  }
}

function equal(l: ExprValue, r: ExprValue): boolean {
  if (l === null || l === undefined || r === null || r === undefined) return (l ?? null) === (r ?? null);
  if (l instanceof GoTime && r instanceof GoTime) return l.epochMs === r.epochMs;
  if (l instanceof GoDuration && r instanceof GoDuration) return l.nanoseconds === r.nanoseconds;
  if (Array.isArray(l) && Array.isArray(r)) return l.length === r.length && l.every((v, i) => equal(v, r[i]));
  if (isMap(l) && isMap(r)) {
    const keys = Object.keys(l);
    return keys.length === Object.keys(r).length && keys.every((k) => Object.hasOwn(r, k) && equal(l[k], r[k]));
  }
  return l === r;
}

function compare(op: '<' | '>' | '<=' | '>=', l: ExprValue, r: ExprValue): boolean {
  const pair = comparable(l, r);
  if (!pair) throw new ExprEvalError(`invalid operation: ${typeName(l)} ${op} ${typeName(r)}`);
  const [a, b] = pair;
  return op === '<' ? a < b : op === '>' ? a > b : op === '<=' ? a <= b : a >= b;
}

function comparable(l: ExprValue, r: ExprValue): [number, number] | [string, string] | undefined {
  if (typeof l === 'number' && typeof r === 'number') return [l, r];
  if (typeof l === 'string' && typeof r === 'string') return [l, r];
  if (l instanceof GoTime && r instanceof GoTime) return [l.epochMs, r.epochMs];
  if (l instanceof GoDuration && r instanceof GoDuration) return [l.nanoseconds, r.nanoseconds];
  return undefined;
}

function contains(container: ExprValue, item: ExprValue): boolean {
  if (container === null || container === undefined) return false;
  if (Array.isArray(container)) return container.some((v) => equal(v, item));
  if (isMap(container)) return typeof item === 'string' && Object.hasOwn(container, item);
  throw new ExprEvalError(`invalid operation: ${typeName(item)} in ${typeName(container)}`);
}

function matches(l: ExprValue, r: ExprValue): boolean {
  const pattern = str('matches', r);
  try {
    return new RegExp(pattern, 'u').test(str('matches', l));
  } catch (err) {
    throw new ExprEvalError(`invalid regular expression ${JSON.stringify(pattern)}: ${(err as Error).message}`);
  }
}

function bool(op: string, value: ExprValue): boolean {
  if (typeof value === 'boolean') return value;
  throw new ExprEvalError(`invalid operation: ${op} on ${typeName(value)} (expected bool)`);
}

function str(op: string, value: ExprValue): string {
  if (typeof value === 'string') return value;
  throw new ExprEvalError(`invalid operation: ${op} on ${typeName(value)} (expected string)`);
}

function isMap(value: ExprValue): value is Record<string, ExprValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof GoTime) && !(value instanceof GoDuration) && !(value instanceof ExprFunction);
}

/** True when `err` is a problem with the expression's text rather than with the data it ran on. */
export const isSyntaxError = (err: unknown): err is ExprSyntaxError => err instanceof ExprSyntaxError;
