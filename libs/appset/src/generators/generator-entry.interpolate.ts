// A matrix's second child may reference the first child's parameters anywhere in its fields
// (e.g. a git path built from a cluster label); this renders them in before the child runs.
import type { ApplicationSet } from '@flotilla/api-types';
import type { ExecLimits } from '@flotilla/gotemplate';
import { isPlainObject } from '../json/json-value';
import { perStringRenderer, type StringRenderer } from '../template/string.renderer';
import { renderTree } from '../template/tree.renderer';
import { GeneratorEntry, GeneratorError, Params } from './generator.types';

/** Generators whose `values` may name their own parameters, so they are resolved apart (Argo's filteredGeneratorTypes). */
const WITH_VALUES: ReadonlySet<string> = new Set(['clusters', 'git', 'scmProvider', 'clusterDecisionResource', 'pullRequest', 'plugin']);
/** Combinations whose children are generators too: their `values` are resolved apart at any depth. */
const COMBINATIONS: ReadonlySet<string> = new Set(['matrix', 'merge']);

export function interpolateEntry(entry: GeneratorEntry, params: Params, appSet: ApplicationSet, limits?: ExecLimits): GeneratorEntry {
  if (Object.keys(params).length === 0) return entry;
  const render = perStringRenderer(appSet.spec, limits);
  try {
    return interpolate(entry, params, render, (values) => preResolveValues(values, params, appSet, limits));
  } catch (err) {
    throw new GeneratorError(`failed to replace parameters in generator: ${(err as Error).message}`);
  }
}

function interpolate(
  entry: GeneratorEntry,
  params: Params,
  render: StringRenderer,
  resolveValues: (values: Record<string, string>) => Record<string, string>,
): GeneratorEntry {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entry)) {
    if (value === null || value === undefined) continue;
    if (WITH_VALUES.has(key) && isPlainObject(value)) {
      const { values, ...rest } = value;
      out[key] = { ...renderTree(rest, params, render), ...(isPlainObject(values) ? { values: resolveValues(values as Record<string, string>) } : {}) };
    } else if (COMBINATIONS.has(key) && isPlainObject(value) && Array.isArray(value.generators)) {
      const { generators, ...rest } = value;
      const children = (generators as unknown[]).map((g) => (isPlainObject(g) ? interpolate(g, params, render, resolveValues) : g));
      out[key] = { ...renderTree(rest, params, render), generators: children };
    } else {
      out[key] = renderTree(value, params, render);
    }
  }
  return out;
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
