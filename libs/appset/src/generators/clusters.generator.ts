// `clusters`: one parameter set per cluster Secret matching `selector`, plus the hub (`in-cluster`)
// when there is no selector and no Secret already describes it, exactly as Argo's ClusterGenerator.
// https://argo-cd.readthedocs.io/en/stable/operator-manual/applicationset/Generators-Cluster/
import { IN_CLUSTER_NAME, IN_CLUSTER_SERVER, KubeObject } from '@flotilla/api-types';
import { compileSelector, isEmptySelector } from '../selector/label-selector.matcher';
import { normalizeName } from '../template/name.functions';
import { Generator, GeneratorContext, GeneratorEntry, GeneratorError, Params, useGoTemplate } from './generator.types';

export class ClustersGenerator implements Generator {
  readonly key = 'clusters';

  generateParams(entry: GeneratorEntry, ctx: GeneratorContext): Params[] {
    const spec = entry.clusters;
    if (!spec) throw new GeneratorError('ApplicationSet is empty');
    const goTemplate = useGoTemplate(ctx.appSet);
    const secrets = matchingSecrets(ctx.clusterSecrets, spec.selector ?? {});
    const params = secrets.map((secret) => withValues(clusterParams(secret, goTemplate), spec.values, ctx, goTemplate));
    // The hub has no Secret (hence no labels) by default, so any selector leaves it out.
    const hubHasSecret = secrets.some((s) => secretField(s, 'server') === IN_CLUSTER_SERVER);
    if (isEmptySelector(spec.selector) && !hubHasSecret) {
      const hub: Params = { name: IN_CLUSTER_NAME, nameNormalized: IN_CLUSTER_NAME, server: IN_CLUSTER_SERVER, project: '' };
      params.push(withValues(hub, spec.values, ctx, goTemplate));
    }
    return spec.flatList ? [{ clusters: params }] : params;
  }

  template(entry: GeneratorEntry) {
    return entry.clusters?.template;
  }
}

/** Secrets whose labels match; one per cluster name, the later Secret winning as in Argo's map. */
function matchingSecrets(
  secrets: readonly KubeObject[],
  selector: NonNullable<GeneratorEntry['clusters']>['selector'] & object,
): KubeObject[] {
  let matches: (labels: Record<string, string>) => boolean;
  try {
    matches = compileSelector(selector);
  } catch (err) {
    throw new GeneratorError(`error getting cluster secrets: error converting label selector: ${(err as Error).message}`);
  }
  const byName = new Map<string, KubeObject>();
  for (const secret of secrets) {
    if (matches(secret.metadata?.labels ?? {})) byName.set(secretField(secret, 'name'), secret);
  }
  return [...byName.values()];
}

function clusterParams(secret: KubeObject, goTemplate: boolean): Params {
  const name = secretField(secret, 'name');
  const params: Params = {
    name,
    nameNormalized: normalizeName(name),
    server: secretField(secret, 'server'),
    project: secretField(secret, 'project'),
  };
  const labels = secret.metadata?.labels ?? {};
  const annotations = secret.metadata?.annotations ?? {};
  if (goTemplate) {
    const metadata: Params = {};
    if (Object.keys(annotations).length > 0) metadata.annotations = { ...annotations };
    if (Object.keys(labels).length > 0) metadata.labels = { ...labels };
    params.metadata = metadata;
    return params;
  }
  for (const [k, v] of Object.entries(annotations)) params[`metadata.annotations.${k}`] = v;
  for (const [k, v] of Object.entries(labels)) params[`metadata.labels.${k}`] = v;
  return params;
}

/** `values` may reference the cluster's own parameters; they are rendered against those only. */
function withValues(params: Params, values: Record<string, string> | undefined, ctx: GeneratorContext, goTemplate: boolean): Params {
  if (!values) return params;
  const rendered: Record<string, string> = {};
  for (const [key, text] of Object.entries(values)) {
    try {
      rendered[key] = ctx.renderString(text, params);
    } catch (err) {
      throw new GeneratorError(
        `error appending templated values for cluster: failed to replace templated string: ${(err as Error).message}`,
      );
    }
  }
  if (goTemplate) return { ...params, values: rendered };
  const flat: Params = { ...params };
  for (const [key, value] of Object.entries(rendered)) flat[`values.${key}`] = value;
  return flat;
}

/** A key of the Secret's `data` (base64) or, for objects not yet through the API server, `stringData`. */
export function secretField(secret: KubeObject, key: string): string {
  const data = secret.data as Record<string, string> | undefined;
  if (data?.[key] !== undefined) return Buffer.from(data[key], 'base64').toString('utf8');
  const stringData = secret.stringData as Record<string, string> | undefined;
  return stringData?.[key] ?? '';
}
