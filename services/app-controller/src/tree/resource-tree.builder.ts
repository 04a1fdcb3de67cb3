// The Application's resource tree (Argo's ApplicationTree) and managed resources (Argo's
// ManagedResourcesResponse), as the api-server serves them from Redis.
import { groupOf, versionOf, type HealthStatus, type KubeObject } from '@flotilla/api-types';
import { assessHealth, hideSecretData, type HealthOptions, type ManagedResource } from '@flotilla/engine';

export interface ResourceRefNode {
  group: string;
  kind: string;
  namespace?: string;
  name: string;
  uid?: string;
}

export interface ResourceNode extends ResourceRefNode {
  version: string;
  resourceVersion?: string;
  createdAt?: string;
  parentRefs?: ResourceRefNode[];
  health?: HealthStatus;
  images?: string[];
  info?: { name: string; value: string }[];
}

export interface ApplicationTree {
  nodes: ResourceNode[];
  orphanedNodes: ResourceNode[];
  hosts: unknown[];
}

const MAX_DEPTH = 8;

const refOf = (obj: KubeObject): ResourceRefNode => ({
  group: groupOf(obj.apiVersion),
  kind: obj.kind ?? '',
  ...(obj.metadata?.namespace ? { namespace: obj.metadata.namespace } : {}),
  name: obj.metadata?.name ?? '',
  ...(obj.metadata?.uid ? { uid: obj.metadata.uid } : {}),
});

function podInfo(pod: KubeObject): { info: { name: string; value: string }[]; images: string[] } {
  const spec = (pod.spec ?? {}) as { containers?: { image?: string }[] };
  const status = (pod.status ?? {}) as { phase?: string; reason?: string; containerStatuses?: { ready?: boolean }[] };
  const containers = spec.containers ?? [];
  const ready = (status.containerStatuses ?? []).filter((c) => c.ready).length;
  return {
    images: containers.map((c) => c.image).filter((i): i is string => !!i),
    info: [
      { name: 'Status Reason', value: status.reason ?? status.phase ?? 'Unknown' },
      { name: 'Containers', value: `${ready}/${containers.length}` },
    ],
  };
}

function nodeOf(obj: KubeObject, parent: KubeObject | undefined, healthOpts: HealthOptions | undefined): ResourceNode {
  const health = assessHealth(obj, healthOpts);
  const pod = obj.kind === 'Pod' && groupOf(obj.apiVersion) === '' ? podInfo(obj) : undefined;
  return {
    ...refOf(obj),
    version: versionOf(obj.apiVersion),
    ...(obj.metadata?.resourceVersion ? { resourceVersion: obj.metadata.resourceVersion } : {}),
    ...(obj.metadata?.creationTimestamp ? { createdAt: obj.metadata.creationTimestamp } : {}),
    ...(parent ? { parentRefs: [refOf(parent)] } : {}),
    ...(health ? { health } : {}),
    ...(pod?.images.length ? { images: pod.images } : {}),
    ...(pod ? { info: pod.info } : {}),
  };
}

const byIdentity = (a: ResourceNode, b: ResourceNode): number =>
  `${a.group}/${a.kind}/${a.namespace ?? ''}/${a.name}`.localeCompare(`${b.group}/${b.kind}/${b.namespace ?? ''}/${b.name}`);

/** Managed live objects and, through ownerReferences, everything they created; `health` carries argocd-cm's Lua checks. */
export function buildResourceTree(managedLive: readonly KubeObject[], childrenOf: (uid: string) => KubeObject[], health?: HealthOptions): ApplicationTree {
  const nodes: ResourceNode[] = [];
  const seen = new Set<string>();
  const visit = (obj: KubeObject, parent: KubeObject | undefined, depth: number): void => {
    const uid = obj.metadata?.uid ?? `${obj.kind}/${obj.metadata?.namespace}/${obj.metadata?.name}`;
    if (seen.has(uid) || depth > MAX_DEPTH) return;
    seen.add(uid);
    nodes.push(nodeOf(obj, parent, health));
    if (obj.metadata?.uid) for (const child of childrenOf(obj.metadata.uid)) visit(child, obj, depth + 1);
  };
  for (const obj of managedLive) visit(obj, undefined, 0);
  return { nodes: nodes.sort(byIdentity), orphanedNodes: [], hosts: [] };
}

export interface ResourceDiffItem {
  group: string;
  kind: string;
  namespace: string;
  name: string;
  targetState?: string;
  liveState?: string;
  normalizedLiveState?: string;
  predictedLiveState?: string;
  hook: boolean;
  modified: boolean;
  resourceVersion?: string;
}

const json = (obj: object | undefined): string | undefined => (obj ? JSON.stringify(obj) : undefined);

/**
 * One item per managed resource. A Secret's target, live and live's last-applied annotation are
 * masked together (Argo's HideSecretData), so a value changed in git still shows as a change.
 */
export function buildManagedResources(managed: readonly ManagedResource[]): { items: ResourceDiffItem[] } {
  return {
    items: managed.map((m) => {
      const { target, live } = hideSecretData(m.desired, m.live);
      return {
        group: m.status.group ?? '',
        kind: m.status.kind,
        namespace: m.status.namespace ?? '',
        name: m.status.name,
        ...(target ? { targetState: json(target) } : {}),
        ...(live ? { liveState: json(live) } : {}),
        ...(m.diff ? { normalizedLiveState: json(m.diff.normalizedLive), predictedLiveState: json(m.diff.predictedLive) } : {}),
        hook: !!m.status.hook,
        modified: m.status.status === 'OutOfSync',
        ...(m.live?.metadata?.resourceVersion ? { resourceVersion: m.live.metadata.resourceVersion } : {}),
      };
    }),
  };
}
