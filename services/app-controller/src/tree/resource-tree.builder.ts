// The Application's resource tree (Argo's ApplicationTree) and managed resources (Argo's
// ManagedResourcesResponse), as the api-server serves them from Redis.
import { groupOf, versionOf, type HealthStatus, type KubeObject } from '@flotilla/api-types';
import { assessHealth, hideSecretData, trackedAppName, type HealthOptions, type ManagedResource } from '@flotilla/engine';
import { networkingInfoOf, type ResourceNetworkingInfo } from './networking-info';

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
  networkingInfo?: ResourceNetworkingInfo;
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
  const networkingInfo = networkingInfoOf(obj);
  return {
    ...refOf(obj),
    version: versionOf(obj.apiVersion),
    ...(obj.metadata?.resourceVersion ? { resourceVersion: obj.metadata.resourceVersion } : {}),
    ...(obj.metadata?.creationTimestamp ? { createdAt: obj.metadata.creationTimestamp } : {}),
    ...(parent ? { parentRefs: [refOf(parent)] } : {}),
    ...(health ? { health } : {}),
    ...(pod?.images.length ? { images: pod.images } : {}),
    ...(pod ? { info: pod.info } : {}),
    ...(networkingInfo ? { networkingInfo } : {}),
  };
}

const byIdentity = (a: ResourceNode, b: ResourceNode): number =>
  `${a.group}/${a.kind}/${a.namespace ?? ''}/${a.name}`.localeCompare(`${b.group}/${b.kind}/${b.namespace ?? ''}/${b.name}`);

/** Each root and, through ownerReferences, what it created, once each; `include` decides on the children. */
function walk(roots: readonly KubeObject[], childrenOf: (uid: string) => KubeObject[], health: HealthOptions | undefined, include: (child: KubeObject) => boolean): ResourceNode[] {
  const nodes: ResourceNode[] = [];
  const seen = new Set<string>();
  const visit = (obj: KubeObject, parent: KubeObject | undefined, depth: number): void => {
    const uid = obj.metadata?.uid ?? `${obj.kind}/${obj.metadata?.namespace}/${obj.metadata?.name}`;
    if (seen.has(uid) || depth > MAX_DEPTH) return;
    seen.add(uid);
    nodes.push(nodeOf(obj, parent, health));
    if (obj.metadata?.uid) for (const child of childrenOf(obj.metadata.uid)) if (include(child)) visit(child, obj, depth + 1);
  };
  for (const obj of roots) visit(obj, undefined, 0);
  return nodes.sort(byIdentity);
}

/**
 * Managed live objects and, through ownerReferences, everything they created; `health` carries
 * argocd-cm's Lua checks. `orphaned` are the destination namespace's top-level objects no app
 * manages (see orphaned-resources.ts), shown with their children unless an app tracks a child.
 */
export function buildResourceTree(managedLive: readonly KubeObject[], childrenOf: (uid: string) => KubeObject[], health?: HealthOptions, orphaned: readonly KubeObject[] = []): ApplicationTree {
  return {
    nodes: walk(managedLive, childrenOf, health, () => true),
    orphanedNodes: walk(orphaned, childrenOf, health, (child) => trackedAppName(child) === undefined),
    hosts: [],
  };
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
