// renderTemplate: parse (cached) and execute in one call.
import { ExecBudget } from './exec/limits';
import { type ExecuteOptions, Template, type TemplateOptions } from './template';

const MAX_ENTRIES = 500;
const plainCache = new Map<string, Template>();
const byFuncs = new WeakMap<object, Map<string, Template>>();

function cacheFor(opts: TemplateOptions): Map<string, Template> {
  if (!opts.funcs) return plainCache;
  let m = byFuncs.get(opts.funcs);
  if (!m) byFuncs.set(opts.funcs, (m = new Map<string, Template>()));
  return m;
}

/** Parses text (cached by text and options) and executes it with data, within opts.limits or exec's. */
export function renderTemplate(text: string, data: unknown, opts: TemplateOptions = {}, exec: ExecuteOptions = {}): string {
  const cache = cacheFor(opts);
  const key = `${opts.missingKey ?? ''}\u0000${opts.sprig === false}\u0000${opts.enableEnv === true}\u0000${opts.delims?.join('\u0000') ?? ''}\u0000${text}`;
  let t = cache.get(key);
  if (!t) {
    t = Template.parse('', text, opts);
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
    cache.set(key, t);
  }
  // A cached Template may carry another caller's limits, so this caller's budget goes with the execute.
  return t.execute(data, { budget: exec.budget ?? new ExecBudget({ ...opts.limits, ...exec.limits }) });
}

export function clearTemplateCache(): void {
  plainCache.clear();
}
