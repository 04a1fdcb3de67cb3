// The child Applications a multi-destination Application (`spec.destination.servers`, a Flotilla
// extension) is materialised into: one ordinary Application per server, which the rest of the
// controller compares, syncs, auto-syncs and shards like any other.
import {
  ARGO_API_VERSION,
  BACKGROUND_RESOURCES_FINALIZER,
  FOREGROUND_RESOURCES_FINALIZER,
  NOTIFICATION_SUBSCRIBE_PREFIX,
  NOTIFIED_ANNOTATION,
  PARENT_APPLICATION_LABEL,
  REFRESH_ANNOTATION,
  RESOURCES_FINALIZER,
  type Application,
  type ApplicationSpec,
  type Cluster,
  type OwnerReference,
} from '@flotilla/api-types';
import { createHash } from 'node:crypto';
import { normalizeServer } from '../clusters/cluster-secret.codec';
import { createMergePatch, type Json } from '../status/merge-patch';

export const CASCADE_FINALIZERS = [RESOURCES_FINALIZER, FOREGROUND_RESOURCES_FINALIZER, BACKGROUND_RESOURCES_FINALIZER];

/** Child names end up in label values (the instance label, the parent label): at most 63 characters. */
const MAX_NAME = 63;
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
/** Annotations other actors write on a child; the parent's copy never removes them. */
const CHILD_OWN_ANNOTATIONS = (key: string): boolean => key === REFRESH_ANNOTATION || key === NOTIFIED_ANNOTATION || key.startsWith(NOTIFICATION_SUBSCRIBE_PREFIX);
/** Parent annotations that are about the parent itself (a refresh is passed on separately; notifications come from the parent's status). */
const PARENT_OWN_ANNOTATIONS = (key: string): boolean => CHILD_OWN_ANNOTATIONS(key) || key === LAST_APPLIED;

/** One server of the parent's list and the child Application that deploys there. */
export interface PlannedDestination {
  server: string;
  /** The cluster's name, when a cluster Secret (or in-cluster) has this server. */
  clusterName?: string;
  /** The child Application's name. */
  application: string;
}

export const isMultiDestination = (app: Application): boolean => (app.spec.destination.servers?.length ?? 0) > 0;

/** The parent an Application was materialised for: its controller ownerReference of kind Application. */
export function parentOf(app: Application): string | undefined {
  return app.metadata.ownerReferences?.find((r) => r.controller === true && r.kind === 'Application' && r.apiVersion.startsWith('argoproj.io/'))?.name;
}

export const isChildOf = (app: Application, parent: Application): boolean =>
  (app.metadata.ownerReferences ?? []).some((r) => r.controller === true && r.kind === 'Application' && r.uid === parent.metadata.uid);

const hashOf = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 8);
const dnsLabel = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');

/** `<parent>-<cluster name>`, or `<parent>-<hash of the URL>` for an unknown cluster; DNS-safe and within 63 characters. */
export function childName(parent: string, server: string, clusterName?: string, tagged = false): string {
  const name = dnsLabel(`${parent}-${clusterName ? dnsLabel(clusterName) || hashOf(server) : hashOf(server)}`);
  if (name.length <= MAX_NAME && !tagged) return name;
  const tag = hashOf(server);
  return `${name.slice(0, MAX_NAME - tag.length - 1).replace(/-+$/, '')}-${tag}`;
}

/**
 * The parent's servers (normalised, duplicates dropped, in order) with their child's name. A child
 * that already deploys to a server keeps its name, so a cluster Secret renamed later does not
 * replace (and cascade-delete) it; two servers that would share a name get a hash suffix.
 */
export function planDestinations(parent: Application, clusters: readonly Cluster[], children: readonly Application[]): PlannedDestination[] {
  const servers = [...new Set((parent.spec.destination.servers ?? []).map(normalizeServer).filter(Boolean))];
  const existing = new Map(children.filter((c) => !c.metadata.deletionTimestamp && c.spec.destination.server).map((c) => [normalizeServer(c.spec.destination.server!), c.metadata.name]));
  const taken = new Set<string>();
  const planned: PlannedDestination[] = [];
  for (const server of servers) {
    const clusterName = clusters.find((c) => c.server === server)?.name;
    let application = existing.get(server) ?? childName(parent.metadata.name, server, clusterName);
    if (taken.has(application)) application = childName(parent.metadata.name, server, clusterName, true);
    taken.add(application);
    planned.push({ server, ...(clusterName ? { clusterName } : {}), application });
  }
  return planned;
}

/** The parent's spec aimed at one server, in the parent's destination namespace. */
export function childSpec(spec: ApplicationSpec, server: string): ApplicationSpec {
  const { namespace } = spec.destination;
  return { ...spec, destination: { server, ...(namespace !== undefined ? { namespace } : {}) } };
}

function controllerRef(parent: Application): OwnerReference {
  return { apiVersion: ARGO_API_VERSION, kind: 'Application', name: parent.metadata.name, uid: parent.metadata.uid ?? '', controller: true, blockOwnerDeletion: true };
}

interface ManagedFields {
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  finalizers?: string[];
}

/** What the parent decides of a child's metadata; `live` keeps what other actors wrote on the child. */
function managedMetadata(parent: Application, live?: Application): ManagedFields {
  const annotations = Object.fromEntries(Object.entries(parent.metadata.annotations ?? {}).filter(([k]) => !PARENT_OWN_ANNOTATIONS(k)));
  for (const [k, v] of Object.entries(live?.metadata.annotations ?? {})) if (CHILD_OWN_ANNOTATIONS(k)) annotations[k] = v;
  // A refresh asked of the parent is asked of every child.
  const refresh = parent.metadata.annotations?.[REFRESH_ANNOTATION];
  if (refresh !== undefined) annotations[REFRESH_ANNOTATION] = refresh;
  const finalizers = [...(live?.metadata.finalizers ?? []).filter((f) => !CASCADE_FINALIZERS.includes(f)), ...(parent.metadata.finalizers ?? []).filter((f) => CASCADE_FINALIZERS.includes(f))];
  return {
    labels: { ...(parent.metadata.labels ?? {}), [PARENT_APPLICATION_LABEL]: parent.metadata.name },
    ...(Object.keys(annotations).length ? { annotations } : {}),
    ...(finalizers.length ? { finalizers } : {}),
  };
}

/** A new child Application for one destination. */
export function childApplication(parent: Application, destination: PlannedDestination): Application {
  return {
    apiVersion: ARGO_API_VERSION,
    kind: 'Application',
    metadata: { ...managedMetadata(parent), name: destination.application, namespace: parent.metadata.namespace, ownerReferences: [controllerRef(parent)] },
    spec: childSpec(parent.spec, destination.server),
  };
}

/** The merge patch that brings a live child in line with its parent, or undefined when it already is. */
export function childPatch(parent: Application, destination: PlannedDestination, live: Application): Record<string, Json> | undefined {
  const current = { metadata: { labels: live.metadata.labels, annotations: live.metadata.annotations, finalizers: live.metadata.finalizers }, spec: live.spec };
  const wanted = { metadata: managedMetadata(parent, live), spec: childSpec(parent.spec, destination.server) };
  return createMergePatch(current, wanted) as Record<string, Json> | undefined;
}

/** What a parent reads of a child: when only other things change, the parent need not look again. */
export function childReport(app: Application): unknown {
  const { sync, health, operationState, history } = app.status ?? {};
  return {
    spec: app.spec,
    deleting: !!app.metadata.deletionTimestamp,
    finalizers: app.metadata.finalizers,
    sync: sync && { status: sync.status, revision: sync.revision, revisions: sync.revisions },
    health: health && { status: health.status, message: health.message },
    operation: app.operation?.info,
    operationState: operationState && { phase: operationState.phase, message: operationState.message, info: operationState.operation.info },
    history: history?.length,
  };
}
