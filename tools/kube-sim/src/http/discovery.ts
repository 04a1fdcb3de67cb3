import { createHash } from 'node:crypto';
import { KubeVersion } from '../registry/kube-versions';
import { ResourceRegistry } from '../registry/resource.registry';
import { apiVersionOf, ResourceType } from '../registry/resource-type';

const PROXY_VERBS = ['create', 'delete', 'get', 'patch', 'update'];

/** What `/version` answers; kubectl and client-go read gitVersion and the major/minor pair. */
export function versionInfo(version: KubeVersion): Record<string, string> {
  return {
    major: '1',
    minor: String(version.minor),
    gitVersion: version.gitVersion,
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2024-12-11T00:00:00Z',
    goVersion: version.goVersion,
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

export function apiVersions(serverAddress: string): object {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

export function apiGroupList(registry: ResourceRegistry): object {
  const groups = [...registry.groups()].filter(([g]) => g !== '').map(([name, versions]) => apiGroup(name, versions));
  return { kind: 'APIGroupList', apiVersion: 'v1', groups };
}

export function apiGroupOf(registry: ResourceRegistry, group: string): object | undefined {
  const versions = registry.groups().get(group);
  return versions ? { kind: 'APIGroup', apiVersion: 'v1', ...apiGroup(group, versions) } : undefined;
}

function apiGroup(name: string, versions: string[]): object {
  const gv = versions.map((version) => ({ groupVersion: `${name}/${version}`, version }));
  return { name, versions: gv, preferredVersion: gv[0] };
}

/** Subresources that serve a kind other than their parent's, by `<subresource>` or `<plural>/<subresource>`. */
const SUBRESOURCE_KINDS: Record<string, { group?: string; version?: string; kind: string; verbs: string[] }> = {
  scale: { group: 'autoscaling', version: 'v1', kind: 'Scale', verbs: ['get', 'patch', 'update'] },
  token: { group: 'authentication.k8s.io', version: 'v1', kind: 'TokenRequest', verbs: ['create'] },
  eviction: { group: 'policy', version: 'v1', kind: 'Eviction', verbs: ['create'] },
  binding: { kind: 'Binding', verbs: ['create'] },
  // Connect subresources (pkg/registry/core/{pod,node,service}/rest): their options kinds, and the HTTP methods they accept as verbs.
  attach: { kind: 'PodAttachOptions', verbs: ['create', 'get'] },
  exec: { kind: 'PodExecOptions', verbs: ['create', 'get'] },
  portforward: { kind: 'PodPortForwardOptions', verbs: ['create', 'get'] },
  'pods/proxy': { kind: 'PodProxyOptions', verbs: PROXY_VERBS },
  'nodes/proxy': { kind: 'NodeProxyOptions', verbs: PROXY_VERBS },
  'services/proxy': { kind: 'ServiceProxyOptions', verbs: PROXY_VERBS },
};

const SUBRESOURCE_VERBS: Record<string, string[]> = { log: ['get'], finalize: ['update'] };

export function apiResourceList(registry: ResourceRegistry, group: string, version: string): object | undefined {
  const types = registry.inGroupVersion(group, version);
  if (!types.length) return undefined;
  const resources = types.flatMap((t) => [resourceEntry(t), ...t.subresources.map((s) => subresourceEntry(t, s))]);
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: apiVersionOf({ group, version }), resources };
}

function resourceEntry(t: ResourceType): object {
  return {
    name: t.plural,
    singularName: t.singular,
    namespaced: t.namespaced,
    kind: t.kind,
    verbs: t.verbs,
    ...(t.shortNames.length ? { shortNames: t.shortNames } : {}),
    ...(t.categories.length ? { categories: t.categories } : {}),
    ...(t.virtual || t.unversioned ? {} : { storageVersionHash: storageVersionHash(t) }),
  };
}

function subresourceEntry(t: ResourceType, sub: string): object {
  const other = SUBRESOURCE_KINDS[`${t.plural}/${sub}`] ?? SUBRESOURCE_KINDS[sub];
  return {
    name: `${t.plural}/${sub}`,
    singularName: '',
    namespaced: t.namespaced,
    ...(other?.group ? { group: other.group, version: other.version } : {}),
    kind: other?.kind ?? t.kind,
    verbs: other?.verbs ?? SUBRESOURCE_VERBS[sub] ?? ['get', 'patch', 'update'],
  };
}

function storageVersionHash(t: ResourceType): string {
  return createHash('sha256').update(`${t.group}/${t.version}/${t.kind}`).digest('base64').slice(0, 11);
}
