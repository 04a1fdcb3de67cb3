// One line per generator for `appset get`: its kind and what it reads (which clusters, which
// repository and revision, how many elements), nested generators in brackets.
import type { ApplicationSetGenerator, LabelSelector } from '@flotilla/api-types';

type Fields = Record<string, unknown>;

const isFields = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** `env=dev,tier In [web api]`; empty for a selector that selects everything. */
export function selectorText(selector: LabelSelector | undefined): string {
  const labels = Object.entries(selector?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  const exprs = (selector?.matchExpressions ?? []).map(
    (e) => `${e.key} ${e.operator}${e.values?.length ? ` [${e.values.join(' ')}]` : ''}`,
  );
  return [...labels, ...exprs].join(',');
}

export function generatorSummary(generator: ApplicationSetGenerator): string {
  const kinds = Object.keys(generator).filter((k) => k !== 'selector' && isFields((generator as Fields)[k]));
  const parts = kinds.map((kind) => describe(kind, (generator as Fields)[kind] as Fields));
  const post = selectorText(generator.selector);
  return parts.join(' ') + (post ? ` (selector ${post})` : '');
}

function describe(kind: string, g: Fields): string {
  const details: string[] = [];
  switch (kind) {
    case 'list': {
      const n = Array.isArray(g.elements) ? g.elements.length : 0;
      details.push(g.elementsYaml ? 'elementsYaml' : `${n} element${n === 1 ? '' : 's'}`);
      break;
    }
    case 'clusters': {
      const sel = selectorText(g.selector as LabelSelector | undefined);
      details.push(sel ? `selector ${sel}` : 'all clusters');
      break;
    }
    case 'git': {
      details.push(`${str(g.repoURL)}@${str(g.revision) || 'HEAD'}`);
      if (Array.isArray(g.directories)) details.push(`directories ${g.directories.map((d) => str(isFields(d) ? d.path : '')).join(' ')}`);
      if (Array.isArray(g.files)) details.push(`files ${g.files.map((f) => str(isFields(f) ? f.path : '')).join(' ')}`);
      break;
    }
    case 'matrix':
    case 'merge': {
      const nested = Array.isArray(g.generators)
        ? g.generators.filter(isFields).map((n) => generatorSummary(n as ApplicationSetGenerator))
        : [];
      details.push(`[${nested.join('; ')}]`);
      if (kind === 'merge' && Array.isArray(g.mergeKeys)) details.push(`mergeKeys ${g.mergeKeys.map(str).join(',')}`);
      break;
    }
    case 'pullRequest':
    case 'scmProvider': {
      const provider = Object.keys(g).find((k) => isFields(g[k]) && !['filters', 'template', 'values'].includes(k));
      if (provider) details.push(provider);
      break;
    }
    case 'clusterDecisionResource':
      details.push(`configMapRef ${str(g.configMapRef)}`);
      break;
    case 'plugin':
      details.push(`configMapRef ${str(isFields(g.configMapRef) ? g.configMapRef.name : '')}`);
      break;
  }
  if (g.requeueAfterSeconds !== undefined) details.push(`requeueAfterSeconds ${str(g.requeueAfterSeconds)}`);
  return details.length ? `${kind}(${details.join(', ')})` : kind;
}
