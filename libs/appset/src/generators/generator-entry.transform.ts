// Runs one `spec.generators[]` entry: the generator(s) it names produce parameter sets, the entry's
// `selector` filters them, and its inline template is merged over the base template (Argo's Transform).
import type { ApplicationSetTemplate } from '@flotilla/api-types';
import { isPlainObject } from '../json/json-value';
import { compileSelector } from '../selector/label-selector.matcher';
import { mergeTemplates } from '../template/template.merge';
import { GENERATOR_KEYS, Generator, GeneratorContext, GeneratorEntry, GeneratorError, GeneratorKey, Params } from './generator.types';

export interface TransformResult {
  params: Params[];
  template: ApplicationSetTemplate;
}

export type GeneratorRegistry = ReadonlyMap<GeneratorKey, Generator>;

/** Generator keys set on an entry (`selector` is a filter, not a generator). */
export const entryKeys = (entry: GeneratorEntry): GeneratorKey[] =>
  GENERATOR_KEYS.filter((key) => entry[key] !== undefined && entry[key] !== null);

export async function transformEntry(
  entry: GeneratorEntry,
  registry: GeneratorRegistry,
  baseTemplate: ApplicationSetTemplate | undefined,
  ctx: GeneratorContext,
): Promise<TransformResult[]> {
  const keep = entrySelector(entry);
  const results: TransformResult[] = [];
  for (const key of entryKeys(entry)) {
    const generator = registry.get(key);
    if (!generator) throw new GeneratorError(`the ${key} generator is not supported by Flotilla yet`);
    // The merge runs first because it is cheap and fails fast, as in Argo.
    const template = mergeTemplates(generator.template(entry), baseTemplate);
    const params = (await generator.generateParams(entry, ctx)).filter(keep);
    results.push({ params, template });
  }
  return results;
}

function entrySelector(entry: GeneratorEntry): (params: Params) => boolean {
  if (!entry.selector) return () => true;
  let matches: (labels: Record<string, string>) => boolean;
  try {
    matches = compileSelector(entry.selector);
  } catch (err) {
    throw new GeneratorError(`error parsing label selector: ${(err as Error).message}`);
  }
  return (params) => matches(flattenParams(params));
}

/** Nested parameters as `a.b.c` → string, the form the post-generator selector matches against. */
export function flattenParams(params: Params, prefix = '', out: Record<string, string> = {}): Record<string, string> {
  for (const [key, value] of Object.entries(params)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isPlainObject(value) && Object.keys(value).length > 0) flattenParams(value, path, out);
    else if (Array.isArray(value) && value.length > 0) flattenParams(Object.fromEntries(value.map((v, i) => [String(i), v])), path, out);
    else out[path] = goValueString(value);
  }
  return out;
}

/** fmt.Sprintf("%v") for JSON values. */
export function goValueString(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return `[${value.map(goValueString).join(' ')}]`;
  if (isPlainObject(value))
    return `map[${Object.keys(value)
      .sort()
      .map((k) => `${k}:${goValueString(value[k])}`)
      .join(' ')}]`;
  if (typeof value === 'number') return goFloatString(value);
  return typeof value === 'boolean' || typeof value === 'bigint' ? String(value) : JSON.stringify(value);
}

/** A JSON number as Go's %v prints the float64 it decodes to: `3`, `1.5`, `1e+06`, `1e-05`. */
export function goFloatString(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : '-Inf';
  if (Object.is(n, -0)) return '-0';
  const [mantissa, exponent] = n.toExponential().split('e');
  const exp = Number(exponent);
  // %v is %g with the shortest digits, which switches to an exponent outside [-4, 6).
  if (exp >= -4 && exp < 6) return String(n);
  return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}
