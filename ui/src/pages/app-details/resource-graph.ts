// The app's resources as Argo CD's UI draws them: the Application at the root, its managed resources
// under it, and each live child (ReplicaSet, Pod, …) under the owners its parentRefs name. Filters
// hide nodes; a shown node hangs under its nearest shown ancestor so the graph stays connected.
// Orphaned resources (shown on request) hang under nothing but their own orphaned owners.
import type { Application, ResourceStatus } from '@flotilla/api-types';
import { resourceKey, type ResourceNode, type ResourceTree } from '../../api/resources.api';
import { groupSiblings, layout, type DrawnNode, type EdgeRef, type Graph } from './graph-layout';

export interface TreeFilters {
  kind: string[];
  sync: string[];
  health: string[];
}

export interface AppResource {
  key: string;
  node: ResourceNode;
  sync?: string;
  /** Keys of its owners; empty for an orphaned resource no other orphaned resource owns. */
  parents: string[];
  orphaned?: boolean;
}

const uidKey = (uid: string) => `uid:${uid}`;

/** Every resource of the app with its parents (keys), the managed ones under the app's own node. */
export function resourceNodes(app: Application, tree: ResourceTree | undefined, opts: { orphaned?: boolean } = {}): AppResource[] {
  const status = new Map<string, ResourceStatus>((app.status?.resources ?? []).map((r) => [resourceKey(r), r]));
  const byUid = new Map<string, string>();
  const nodes = new Map<string, ResourceNode>();
  const orphans = new Set<string>();
  const add = (n: ResourceNode, orphaned: boolean) => {
    const key = resourceKey(n);
    if (nodes.has(key)) return;
    nodes.set(key, n);
    if (orphaned) orphans.add(key);
    if (n.uid) byUid.set(uidKey(n.uid), key);
  };
  for (const n of tree?.nodes ?? []) add(n, false);
  // Managed resources not (yet) live: Argo draws them too, Missing.
  for (const [key, r] of status) {
    if (!nodes.has(key) && !r.hook)
      add(
        {
          group: r.group,
          version: r.version,
          kind: r.kind,
          namespace: r.namespace,
          name: r.name,
          health: r.health ?? { status: 'Missing' },
        },
        false,
      );
  }
  if (opts.orphaned) for (const n of tree?.orphanedNodes ?? []) add(n, true);
  const appKey = rootKey(app);
  return [...nodes].map(([key, node]) => {
    const parents = (node.parentRefs ?? [])
      .map((p) => (p.uid && byUid.get(uidKey(p.uid))) || resourceKey(p))
      .filter((p) => nodes.has(p) && p !== key);
    const orphaned = orphans.has(key);
    const s = status.get(key);
    return { key, node, sync: s?.status, parents: parents.length || orphaned ? parents : [appKey], ...(orphaned ? { orphaned } : {}) };
  });
}

export const rootKey = (app: Application): string => `argoproj.io/Application/${app.metadata.namespace ?? ''}/${app.metadata.name}`;

export function matchesFilters(n: { node: ResourceNode; sync?: string }, f: TreeFilters): boolean {
  if (f.kind.length && !f.kind.includes(n.node.kind)) return false;
  if (f.sync.length && !f.sync.includes(n.sync ?? '')) return false;
  if (f.health.length && !f.health.includes(n.node.health?.status ?? '')) return false;
  return true;
}

/** The Application's own node, at the root of the tree. */
export const appNode = (app: Application): DrawnNode => ({
  key: rootKey(app),
  root: true,
  node: { group: 'argoproj.io', kind: 'Application', namespace: app.metadata.namespace, name: app.metadata.name },
  sync: app.status?.sync?.status,
  health: app.status?.health?.status,
});

export interface TreeOptions {
  orphaned?: boolean;
  /** Group leaves of one kind under the same parents, but those whose group key is in `expanded`. */
  group?: boolean;
  expanded?: ReadonlySet<string>;
}

/** The shown nodes laid out left to right with dagre, and the edges between them. */
export function layoutGraph(app: Application, tree: ResourceTree | undefined, f: TreeFilters, opts: TreeOptions = {}): Graph {
  const all = resourceNodes(app, tree, opts);
  const appKey = rootKey(app);
  const byKey = new Map(all.map((n) => [n.key, n]));
  const shown = new Set(all.filter((n) => matchesFilters(n, f)).map((n) => n.key));
  // The nearest shown ancestors of a node (the app's node when none is; none for an orphan's line).
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
    return out.size || byKey.get(key)?.orphaned ? [...out] : [appKey];
  };

  const nodes: DrawnNode[] = [appNode(app)];
  const edges: EdgeRef[] = [];
  for (const n of all) {
    if (!shown.has(n.key)) continue;
    nodes.push({ key: n.key, node: n.node, sync: n.sync, health: n.node.health?.status, ...(n.orphaned ? { orphaned: true } : {}) });
    for (const p of shownParents(n.key)) edges.push({ from: p, to: n.key });
  }
  const drawn = opts.group ? groupSiblings(nodes, edges, opts.expanded ?? new Set()) : { nodes, edges };
  return layout(drawn.nodes, drawn.edges);
}
