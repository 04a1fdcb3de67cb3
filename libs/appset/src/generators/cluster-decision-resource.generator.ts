// `clusterDecisionResource`: the clusters a placement controller decided on, read duck-typed from the
// `status.<statusListKey>` list of resources a ConfigMap describes (`apiVersion`, `kind`,
// `statusListKey`, `matchKey`), each decision matched by name to a cluster Argo knows.
// https://argo-cd.readthedocs.io/en/stable/operator-manual/applicationset/Generators-Cluster-Decision-Resource/
import { IN_CLUSTER_NAME, IN_CLUSTER_SERVER, KubeObject } from '@flotilla/api-types';
import { isPlainObject } from '../json/json-value';
import { compileSelector, isEmptySelector } from '../selector/label-selector.matcher';
import { secretField } from './clusters.generator';
import { goValueString } from './generator-entry.transform';
import {
  ClusterDecisionResourceSpec,
  Generator,
  GeneratorContext,
  GeneratorEntry,
  GeneratorError,
  GeneratorHub,
  Params,
  useGoTemplate,
} from './generator.types';

interface Cluster {
  name: string;
  server: string;
}

export class ClusterDecisionResourceGenerator implements Generator {
  readonly key = 'clusterDecisionResource';

  async generateParams(entry: GeneratorEntry, ctx: GeneratorContext): Promise<Params[]> {
    const spec = entry.clusterDecisionResource;
    if (!spec) throw new GeneratorError('ApplicationSet is empty');
    if (!ctx.hub) throw new GeneratorError('the clusterDecisionResource generator needs the ApplicationSet’s namespace, and has none here');
    const config = await duckTypeConfig(spec, ctx.hub);
    const resources = await decisionResources(spec, config, ctx.hub);
    // Without a matchKey no decision can name a cluster: nothing is generated, as in Argo.
    if (!config.matchKey) return [];
    const clusters = knownClusters(ctx.clusterSecrets);
    const goTemplate = useGoTemplate(ctx.appSet);
    const params: Params[] = [];
    for (const decision of decisions(resources, config.statusListKey)) {
      const value = decision[config.matchKey];
      if (value === undefined || value === null || goValueString(value) === '') continue;
      const cluster = clusters.find((c) => c.name === goValueString(value));
      // A decision for a cluster Argo does not know is skipped: the placement may be ahead of the cluster Secrets.
      if (!cluster) continue;
      const set: Params = { name: cluster.name, server: cluster.server };
      for (const [key, v] of Object.entries(decision)) set[key] = goValueString(v);
      // Argo adds `values` verbatim here, without rendering them.
      if (spec.values && Object.keys(spec.values).length > 0) {
        if (goTemplate) set.values = { ...spec.values };
        else for (const [k, v] of Object.entries(spec.values)) set[`values.${k}`] = v;
      }
      params.push(set);
    }
    return params;
  }

  template(entry: GeneratorEntry) {
    return entry.clusterDecisionResource?.template;
  }
}

interface DuckTypeConfig {
  apiVersion: string;
  kind: string;
  statusListKey: string;
  matchKey: string;
}

async function duckTypeConfig(spec: ClusterDecisionResourceSpec, hub: GeneratorHub): Promise<DuckTypeConfig> {
  const name = spec.configMapRef;
  if (!name) throw new GeneratorError('error reading configMapRef: configMapRef is required');
  let data: Record<string, string> | undefined;
  try {
    data = await hub.configMapData(name);
  } catch (err) {
    throw new GeneratorError(`error reading configMapRef: ${(err as Error).message}`);
  }
  if (!data) throw new GeneratorError(`error reading configMapRef: configmaps "${name}" not found in namespace ${hub.namespace}`);
  const apiVersion = data.apiVersion ?? '';
  const kind = data.kind ?? '';
  // A group is required: Argo reads duck types through the dynamic client of a named API group.
  if (!kind || apiVersion.indexOf('/') < 1)
    throw new GeneratorError(
      `there is a problem with the apiVersion, kind or resourceName provided: ConfigMap ${name} needs apiVersion as group/version (has ${JSON.stringify(apiVersion)}) and kind (has ${JSON.stringify(kind)})`,
    );
  return { apiVersion, kind, statusListKey: data.statusListKey || 'clusters', matchKey: data.matchKey ?? '' };
}

async function decisionResources(spec: ClusterDecisionResourceSpec, config: DuckTypeConfig, hub: GeneratorHub): Promise<KubeObject[]> {
  const byName = Boolean(spec.name);
  const bySelector = !isEmptySelector(spec.labelSelector);
  if (byName === bySelector)
    throw new GeneratorError(
      'there is a problem with the definition of the ClusterDecisionResource generator: set either name or labelSelector (matchLabels / matchExpressions), not both',
    );
  let matches: (labels: Record<string, string>) => boolean = () => true;
  if (bySelector) {
    try {
      matches = compileSelector(spec.labelSelector ?? {});
    } catch (err) {
      throw new GeneratorError(`error parsing labelSelector: ${(err as Error).message}`);
    }
  }
  let all: KubeObject[];
  try {
    all = await hub.list(config.apiVersion, config.kind);
  } catch (err) {
    // Argo's ConfigMaps name the plural resource (`ducks`); the hub reader takes that or the Kind (`Duck`).
    const hint = /does not serve kind/.test((err as Error).message)
      ? ` (the ConfigMap's kind names neither a Kind nor a plural resource name the hub serves)`
      : '';
    throw new GeneratorError(`failed to get dynamic resources: ${(err as Error).message}${hint}`);
  }
  const found = all.filter((r) => (byName ? r.metadata?.name === spec.name : matches(r.metadata?.labels ?? {})));
  if (found.length === 0)
    throw new GeneratorError(
      `no clusterDecisionResources found: no ${config.kind} ${byName ? `named ${spec.name}` : 'matches the labelSelector'} in ${hub.namespace}`,
    );
  return found;
}

/** The decision items of every resource with a status, in resource order. */
function decisions(resources: readonly KubeObject[], statusListKey: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const resource of resources) {
    const status = resource.status;
    if (!isPlainObject(status) || Object.keys(status).length === 0) continue;
    const list = status[statusListKey];
    if (list === undefined || list === null) continue;
    const name = resource.metadata?.name ?? '';
    if (!Array.isArray(list)) throw new GeneratorError(`status.${statusListKey} of ${name} is not a list`);
    list.forEach((item, i) => {
      if (!isPlainObject(item)) throw new GeneratorError(`status.${statusListKey}[${i}] of ${name} is not an object`);
      out.push(item);
    });
  }
  return out;
}

/** The cluster Secrets' names and servers, plus the hub (`in-cluster`) unless a Secret already covers it. */
function knownClusters(secrets: readonly KubeObject[]): Cluster[] {
  const clusters = secrets.map((s) => ({ name: secretField(s, 'name'), server: secretField(s, 'server') }));
  if (!clusters.some((c) => c.server === IN_CLUSTER_SERVER)) clusters.push({ name: IN_CLUSTER_NAME, server: IN_CLUSTER_SERVER });
  return clusters;
}
