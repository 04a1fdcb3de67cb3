// renderTemplate: parse (cached) and execute in one call.
import { Template, type TemplateOptions } from './template';

const MAX_ENTRIES = 500;
const plainCache = new Map<string, Template>();
const byFuncs = new WeakMap<object, Map<string, Template>>();

function cacheFor(opts: TemplateOptions): Map<string, Template> {
  if (!opts.funcs) return plainCache;
  let m = byFuncs.get(opts.funcs);
  if (!m) byFuncs.set(opts.funcs, (m = new Map<string, Template>()));
  return m;
}

/** Parses text (cached by text and options) and executes it with data. */
export function renderTemplate(text: string, data: unknown, opts: TemplateOptions = {}): string {
  const cache = cacheFor(opts);
  const key = `${opts.missingKey ?? ''}\u0000${opts.sprig === false}\u0000${opts.enableEnv === true}\u0000${opts.delims?.join('\u0000') ?? ''}\u0000${text}`;
  let t = cache.get(key);
  if (!t) {
    t = Template.parse('', text, opts);
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
    cache.set(key, t);
  }
  return t.execute(data);
}

export function clearTemplateCache(): void {
  plainCache.clear();
}
