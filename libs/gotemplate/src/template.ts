// The public Template: parse once, execute many times.
import { TemplateExecError, TemplateLimitError, TemplateParseError } from './errors';
import { BUILTINS } from './exec/builtins';
import { Evaluator } from './exec/eval';
import { ExecBudget, type ExecLimits } from './exec/limits';
import { ExecFailure, type MissingKey, val } from './exec/state';
import { ANY, type GoFunc } from './exec/types';
import { isEmptyTree } from './parse/ast';
import { ParseFailure, parseTrees, type Tree } from './parse/parser';
import { type HostResolver, sprigFuncs } from './sprig';

export interface TemplateOptions {
  /** Extra functions; plain JS functions take `...interface{}` and return interface{}. */
  funcs?: Record<string, ((...args: never[]) => unknown) | GoFunc>;
  /** Go's Option("missingkey=…"); default 'default'. */
  missingKey?: MissingKey;
  /** Install Sprig v3's functions (default true). */
  sprig?: boolean;
  /** Keep Sprig's env and expandenv (default false, as Argo CD removes them). */
  enableEnv?: boolean;
  /** Resolves host names for Sprig's getHostByName (net.LookupHost); without it the function is absent, as in Argo CD. */
  resolveHost?: HostResolver;
  /** Action delimiters, default ['{{', '}}']. */
  delims?: [string, string];
  /** Limits for every execute of this template (each field defaults to DEFAULT_LIMITS). */
  limits?: ExecLimits;
}

export interface ExecuteOptions {
  /** Limits for this execute, over the template's own. */
  limits?: ExecLimits;
  /** A budget to spend instead, shared with other executes (its deadline is already running). */
  budget?: ExecBudget;
}

/** The budget of the execute now running: one started from inside it (Helm's include) spends the same. */
let running: ExecBudget | undefined;

interface Common {
  trees: Map<string, Tree>;
  funcs: Map<string, GoFunc>;
  opts: TemplateOptions;
}

const isGoFunc = (f: unknown): f is GoFunc => typeof f === 'object' && f !== null && 'fn' in f && 'params' in f;

function buildFuncs(opts: TemplateOptions): Map<string, GoFunc> {
  const m = new Map<string, GoFunc>();
  if (opts.sprig !== false) {
    for (const [k, f] of Object.entries(sprigFuncs(opts.enableEnv === true, opts.resolveHost))) m.set(k, f);
  }
  for (const [k, f] of Object.entries(opts.funcs ?? {})) {
    if (!/^[\p{L}_][\p{L}\p{Nd}_]*$/u.test(k)) throw new TemplateParseError(`function name ${JSON.stringify(k)} is not a valid identifier`);
    m.set(k, isGoFunc(f) ? f : { fn: f, params: [], variadic: ANY });
  }
  return m;
}

export class Template {
  private constructor(
    readonly name: string,
    private readonly common: Common,
  ) {}

  /** Parses text as template `name` (plus its define/block templates). Throws TemplateParseError. */
  static parse(name: string, text: string, opts: TemplateOptions = {}): Template {
    const t = new Template(name, { trees: new Map(), funcs: buildFuncs(opts), opts });
    t.addParse(name, text);
    return t;
  }

  /** Parses more text into the same set (as Go's t.New(name).Parse(text)); returns that template. */
  addParse(name: string, text: string): Template {
    const parsed = new Map<string, Tree>();
    const { funcs, opts } = this.common;
    const hasFunc = (n: string): boolean => funcs.has(n) || n in BUILTINS;
    try {
      parseTrees(name, text, { left: opts.delims?.[0] ?? '', right: opts.delims?.[1] ?? '', hasFunc }, parsed);
    } catch (e) {
      if (e instanceof ParseFailure) throw new TemplateParseError(e.message);
      throw e;
    }
    for (const [n, tree] of parsed) {
      const old = this.common.trees.get(n);
      if (old && isEmptyTree(tree.root)) continue;
      this.common.trees.set(n, tree);
    }
    return new Template(name, this.common);
  }

  /** The associated template with the given name (a define, block or added file). */
  lookup(name: string): Template | undefined {
    return this.common.trees.has(name) ? new Template(name, this.common) : undefined;
  }

  /** Names of all templates in this set. */
  templates(): string[] {
    return [...this.common.trees.keys()].sort();
  }

  /** Go's DefinedTemplates(): "; defined templates are: …" or "". */
  definedTemplates(): string {
    const names = [...this.common.trees.keys()].map((n) => JSON.stringify(n));
    return names.length === 0 ? '' : '; defined templates are: ' + names.join(', ');
  }

  /**
   * Executes with data as dot. Throws TemplateExecError with Go's message, or TemplateLimitError
   * when the run goes past its limits (options.limits over the template's, or options.budget).
   */
  execute(data: unknown, options: ExecuteOptions = {}): string {
    const tree = this.common.trees.get(this.name);
    const { funcs, opts } = this.common;
    const env = {
      lookupTree: (n: string) => this.common.trees.get(n),
      findFunc: (n: string) => funcs.get(n) ?? BUILTINS[n],
      missingKey: opts.missingKey ?? 'default',
    };
    const outer = running;
    const budget = outer ?? options.budget ?? new ExecBudget(options.limits ? { ...opts.limits, ...options.limits } : opts.limits);
    const dot = val(data === null ? undefined : data);
    const s = new Evaluator(env, this.name, dot, budget);
    running = budget;
    // Nested in another execute, this one is one level deeper (include can recurse without {{template}}).
    if (outer) outer.depth++;
    try {
      if (!tree) {
        const msg = JSON.stringify(this.name) + ' is an incomplete or empty template';
        throw new ExecFailure(`template: ${this.name}: ${msg}`);
      }
      if (budget.depth > budget.limits.maxDepth) s.limitf({ limit: 'maxDepth', message: `exceeded maximum template depth (${budget.limits.maxDepth})` });
      s.walk(dot, tree.root);
    } catch (e) {
      throw execFailure(e, s.out, this.name, outer === undefined);
    } finally {
      if (outer) outer.depth--;
      running = outer;
    }
    return s.out;
  }
}

/** The error execute throws for e; the partial output goes only with errors of the template's own making. */
function execFailure(e: unknown, partial: string, name: string, outermost: boolean): unknown {
  if (e instanceof ExecFailure) return e.limit ? new TemplateLimitError(e.message, e.limit) : new TemplateExecError(e.message, partial);
  // The stack ran out in the walk itself (templates nested deep inside each other): a depth limit too.
  // Only the outermost execute reports it, once the stack has unwound.
  if (outermost && e instanceof RangeError && /call stack size/i.test(e.message)) {
    return new TemplateLimitError(`template: ${name}: exceeded maximum template depth: the stack ran out (maxDepth)`, 'maxDepth');
  }
  return e;
}
