// A matrix's second child may reference the first child's parameters anywhere in its fields
// (e.g. a git path built from a cluster label); this renders them in before the child runs.
import type { ApplicationSet } from '@flotilla/api-types';
import type { ExecLimits } from '@flotilla/gotemplate';
import { perStringRenderer } from '../template/string.renderer';
import { renderTree } from '../template/tree.renderer';
import { GeneratorEntry, GeneratorError, Params } from './generator.types';

/** Generators whose `values` may name their own parameters, so they are resolved apart (Argo's filteredGeneratorTypes). */
const WITH_VALUES = ['clusters', 'git'] as const;

export function interpolateEntry(entry: GeneratorEntry, params: Params, appSet: ApplicationSet, limits?: ExecLimits): GeneratorEntry {
  if (Object.keys(params).length === 0) return entry;
  const render = perStringRenderer(appSet.spec, limits);
  const withoutValues: GeneratorEntry = { ...entry };
  for (const key of WITH_VALUES) {
    if (!entry[key]) continue;
    const { values: _values, ...rest } = entry[key];
    Object.assign(withoutValues, { [key]: rest });
  }
  try {
    const rendered = renderTree(withoutValues, params, render);
    for (const key of WITH_VALUES) {
      const values = entry[key]?.values;
      if (values) Object.assign(rendered, { [key]: { ...rendered[key], values: preResolveValues(values, params, appSet, limits) } });
    }
    return rendered;
  } catch (err) {
    throw new GeneratorError(`failed to replace parameters in generator: ${(err as Error).message}`);
  }
}

/**
 * `values` may also reference the child's own parameters, which do not exist yet: in goTemplate mode
 * a value naming a missing key is kept as written so the child resolves it later.
 */
function preResolveValues(values: Record<string, string>, params: Params, appSet: ApplicationSet, limits?: ExecLimits): Record<string, string> {
  if (!appSet.spec.goTemplate) return renderTree(values, params, perStringRenderer(appSet.spec, limits));
  const options = (appSet.spec.goTemplateOptions ?? []).filter((o) => !o.startsWith('missingkey='));
  const strict = perStringRenderer({ goTemplate: true, goTemplateOptions: [...options, 'missingkey=error'] }, limits);
  const out: Record<string, string> = {};
  for (const [key, text] of Object.entries(values)) {
    try {
      out[key] = strict(text, params);
    } catch (err) {
      if (!isMissingKeyError(err)) throw new Error(`failed to pre-resolve Values key "${key}": ${(err as Error).message}`);
      out[key] = text;
    }
  }
  return out;
}

const isMissingKeyError = (err: unknown): boolean =>
  err instanceof Error && /map has no entry for key|can't evaluate field/.test(err.message);
