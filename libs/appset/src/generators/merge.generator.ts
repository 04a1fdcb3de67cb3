// `merge`: the first child's parameter sets, each overridden by the sets of later children whose
// `mergeKeys` values are the same; sets of later children that match no base set are dropped.
// https://argo-cd.readthedocs.io/en/stable/operator-manual/applicationset/Generators-Merge/
import { isPlainObject } from '../json/json-value';
import { combinationChildParams } from './combination-child.params';
import type { GeneratorRegistry } from './generator-entry.transform';
import { Generator, GeneratorContext, GeneratorEntry, GeneratorError, Params, useGoTemplate } from './generator.types';
import { deepMerge } from './matrix.generator';

export class MergeGenerator implements Generator {
  readonly key = 'merge';

  /** @param children the generators a merge may nest (terminal ones, plus matrix and merge one level down). */
  constructor(private readonly children: GeneratorRegistry) {}

  async generateParams(entry: GeneratorEntry, ctx: GeneratorContext): Promise<Params[]> {
    const spec = entry.merge;
    if (!spec) throw new GeneratorError('ApplicationSet is empty');
    const children = spec.generators ?? [];
    if (children.length < 2) throw new GeneratorError('found less than two generators, Merge requires two or more');
    // Checked before the children run (Argo checks after): a plugin or a repository is not asked in vain.
    const mergeKeys = [...new Set(spec.mergeKeys ?? [])].sort();
    if (mergeKeys.length === 0)
      throw new GeneratorError('error getting param sets by merge key: no merge keys were specified, Merge requires at least one');
    const sets: Params[][] = [];
    for (const [i, child] of children.entries()) {
      try {
        sets.push(await combinationChildParams(child, this.children, ctx));
      } catch (err) {
        throw new GeneratorError(
          `error getting param sets from generators: error getting params from generator ${i + 1} of ${children.length}: ${(err as Error).message}`,
        );
      }
    }
    const goTemplate = useGoTemplate(ctx.appSet);
    const merged = byMergeKey(mergeKeys, sets[0]);
    for (const later of sets.slice(1)) {
      const overrides = byMergeKey(mergeKeys, later);
      for (const [key, base] of merged) {
        const override = overrides.get(key);
        // goTemplate parameters are nested maps merged key by key (mergo); fasttemplate ones are flat (maps.Copy).
        if (override) merged.set(key, goTemplate ? deepMerge(base, override) : { ...base, ...override });
      }
    }
    // The base generator's order (Argo's comes out of a Go map, in no particular order).
    return [...merged.values()];
  }

  template(entry: GeneratorEntry) {
    return entry.merge?.template;
  }
}

/**
 * The sets by the JSON of their merge-key values (a key a set lacks counts as null). Keys are
 * looked up as written, top level only: `values.x` names the flat fasttemplate key, as in Argo.
 */
function byMergeKey(mergeKeys: readonly string[], sets: readonly Params[]): Map<string, Params> {
  const out = new Map<string, Params>();
  for (const set of sets) {
    const key = canonicalJson(Object.fromEntries(mergeKeys.map((k) => [k, Object.hasOwn(set, k) ? set[k] : null])));
    if (out.has(key)) {
      throw new GeneratorError(
        `error getting param sets by merge key: the parameters from a generator were not unique by the given mergeKeys, Merge requires all param sets to be unique. Duplicate key was ${key}`,
      );
    }
    out.set(key, set);
  }
  return out;
}

/** JSON with object keys sorted, as Go's json.Marshal writes maps, so equal values give equal keys. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isPlainObject(value))
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`)
      .join(',')}}`;
  return JSON.stringify(value ?? null);
}
