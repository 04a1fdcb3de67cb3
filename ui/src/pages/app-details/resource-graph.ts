// The app's resources as Argo CD's UI draws them: the Application at the root, its managed resources
// under it, and each live child (ReplicaSet, Pod, …) under the owners its parentRefs name. Filters
// hide nodes; a shown node hangs under its nearest shown ancestor so the graph stays connected.
import type { Application, ResourceStatus } from '@flotilla/api-types';
import dagre from '@dagrejs/dagre';
import { resourceKey, type ResourceNode, type ResourceTree } from '../../api/resources.api';

export interface GraphNode {
  key: string;
  node: ResourceNode;
  /** The sync status, for managed resources (from status.resources). */
  sync?: string;
  health?: string;
  /** The Application node at the root. */
  root?: boolean;
  x: number;
  y: number;
}

export interface GraphEdge {
  from: string;
  to: string;
  points: { x: number; y: number }[];
}

export interface TreeFilters {
  kind: string[];
  sync: string[];
  health: string[];
}

export const NODE_WIDTH = 260;
export const NODE_HEIGHT = 64;

const uidKey = (uid: string) => `uid:${uid}`;

/** Every resource of the app with its parents (keys), the managed ones under the app's own node. */
export function resourceNodes(
  app: Application,
  tree: ResourceTree | undefined,
): { key: string; node: ResourceNode; sync?: string; parents: string[] }[] {
  const status = new Map<string, ResourceStatus>((app.status?.resources ?? []).map((r) => [resourceKey(r), r]));
  const byUid = new Map<string, string>();
  const nodes = new Map<string, ResourceNode>();
  for (const n of tree?.nodes ?? []) {
    const key = resourceKey(n);
    nodes.set(key, n);
    if (n.uid) byUid.set(uidKey(n.uid), key);
  }
  // Managed resources not (yet) live: Argo draws them too, Missing.
  for (const [key, r] of status) {
    if (!nodes.has(key) && !r.hook)
      nodes.set(key, {
        group: r.group,
        version: r.version,
        kind: r.kind,
        namespace: r.namespace,
        name: r.name,
        health: r.health ?? { status: 'Missing' },
      });
  }
  const appKey = rootKey(app);
  return [...nodes].map(([key, node]) => {
    const parents = (node.parentRefs ?? [])
      .map((p) => (p.uid && byUid.get(uidKey(p.uid))) || resourceKey(p))
      .filter((p) => nodes.has(p) && p !== key);
    const s = status.get(key);
    return { key, node, sync: s?.status, parents: parents.length ? parents : [appKey] };
  });
}

export const rootKey = (app: Application): string => `argoproj.io/Application/${app.metadata.namespace ?? ''}/${app.metadata.name}`;

export function matchesFilters(n: { node: ResourceNode; sync?: string }, f: TreeFilters): boolean {
  if (f.kind.length && !f.kind.includes(n.node.kind)) return false;
  if (f.sync.length && !f.sync.includes(n.sync ?? '')) return false;
  if (f.health.length && !f.health.includes(n.node.health?.status ?? '')) return false;
  return true;
}

/** The shown nodes laid out left to right with dagre, and the edges between them. */
export function layoutGraph(
  app: Application,
  tree: ResourceTree | undefined,
  f: TreeFilters,
): { nodes: GraphNode[]; edges: GraphEdge[]; width: number; height: number } {
  const all = resourceNodes(app, tree);
  const appKey = rootKey(app);
  const byKey = new Map(all.map((n) => [n.key, n]));
  const shown = new Set(all.filter((n) => matchesFilters(n, f)).map((n) => n.key));
  // The nearest shown ancestors of a node (the app's node when none is).
  const shownParents = (key: string, seen = new Set<string>()): string[] => {
    const out = new Set<string>();
    for (const p of byKey.get(key)?.parents ?? []) {
      if (p === appKey) out.add(appKey);
      else if (shown.has(p)) out.add(p);
      else if (!seen.has(p)) {
        seen.add(p);
        for (const q of shownParents(p, seen)) out.add(q);
      }
    }
    return out.size ? [...out] : [appKey];
  };

  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 16, ranksep: 60, marginx: 8, marginy: 8 });
  g.setDefaultEdgeLabel(() => ({}));
  g.setNode(appKey, { width: NODE_WIDTH, height: NODE_HEIGHT });
  const ordered = all.filter((n) => shown.has(n.key)).sort((a, b) => a.key.localeCompare(b.key));
  for (const n of ordered) g.setNode(n.key, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const n of ordered) for (const p of shownParents(n.key)) g.setEdge(p, n.key);
  dagre.layout(g);

  const at = (key: string) => g.node(key) as { x: number; y: number };
  const appNode: GraphNode = {
    key: appKey,
    root: true,
    node: { group: 'argoproj.io', kind: 'Application', namespace: app.metadata.namespace, name: app.metadata.name },
    sync: app.status?.sync?.status,
    health: app.status?.health?.status,
    ...at(appKey),
  };
  const nodes: GraphNode[] = [
    appNode,
    ...ordered.map((n) => ({ key: n.key, node: n.node, sync: n.sync, health: n.node.health?.status, ...at(n.key) })),
  ];
  const edges = g.edges().map((e) => ({ from: e.v, to: e.w, points: (g.edge(e) as { points: { x: number; y: number }[] }).points }));
  const graph = g.graph() as { width?: number; height?: number };
  return { nodes, edges, width: graph.width ?? 0, height: graph.height ?? 0 };
}
