// What the tree and network views draw: nodes (resources, the app, groups of siblings, external
// addresses) and edges, grouped when asked and laid out left to right by dagre.
import dagre from '@dagrejs/dagre';
import type { ResourceNode } from '../../api/resources.api';

export interface DrawnNode {
  key: string;
  node: ResourceNode;
  /** The sync status, for managed resources (from status.resources). */
  sync?: string;
  health?: string;
  /** The Application node at the root. */
  root?: boolean;
  /** A live resource of the destination namespace that no app manages (the tree's orphanedNodes). */
  orphaned?: boolean;
  /** Siblings of one kind under the same parents, drawn as one node until expanded. */
  group?: { kind: string; members: string[] };
  /** Where traffic comes from: an Ingress's hosts and load-balancer addresses; not a resource. */
  addresses?: string[];
}

export interface GraphNode extends DrawnNode {
  x: number;
  y: number;
}

export interface GraphEdge {
  from: string;
  to: string;
  points: { x: number; y: number }[];
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  width: number;
  height: number;
}

export type EdgeRef = { from: string; to: string };

export const NODE_WIDTH = 260;
export const NODE_HEIGHT = 64;

/** Health from best to worst, as gitops-engine orders it: a group shows its worst member's. */
const HEALTH_ORDER = ['Healthy', 'Suspended', 'Progressing', 'Missing', 'Degraded', 'Unknown'];

export function worstHealth(statuses: (string | undefined)[]): string | undefined {
  let worst: string | undefined;
  for (const s of statuses) {
    const status = s || 'Unknown';
    if (worst === undefined || HEALTH_ORDER.indexOf(status) > HEALTH_ORDER.indexOf(worst)) worst = status;
  }
  return worst;
}

/**
 * Leaves of one kind that hang under the same parents become one group node ("3 Pods") unless the
 * group's key is in `expanded`. Only leaves are grouped, so nothing ever hangs under a group.
 */
export function groupSiblings(
  nodes: DrawnNode[],
  edges: EdgeRef[],
  expanded: ReadonlySet<string>,
): { nodes: DrawnNode[]; edges: EdgeRef[] } {
  const parents = new Map<string, string[]>();
  const hasChildren = new Set<string>();
  for (const e of edges) {
    parents.set(e.to, [...(parents.get(e.to) ?? []), e.from]);
    hasChildren.add(e.from);
  }
  const candidates = new Map<string, DrawnNode[]>();
  for (const n of nodes) {
    const from = parents.get(n.key);
    if (!from || hasChildren.has(n.key) || n.root || n.group || n.addresses) continue;
    const key = `group:${[...from].sort().join('|')}:${n.node.group ?? ''}/${n.node.kind}${n.orphaned ? ':orphaned' : ''}`;
    candidates.set(key, [...(candidates.get(key) ?? []), n]);
  }
  const groupOf = new Map<string, string>();
  const groups: DrawnNode[] = [];
  for (const [key, members] of candidates) {
    if (members.length < 2 || expanded.has(key)) continue;
    const kind = members[0].node.kind;
    for (const m of members) groupOf.set(m.key, key);
    const syncs = new Set(members.map((m) => m.sync).filter(Boolean));
    groups.push({
      key,
      node: { group: members[0].node.group, kind, namespace: members[0].node.namespace, name: `${members.length} ${plural(kind)}` },
      health: worstHealth(members.map((m) => m.health)),
      sync: syncs.has('OutOfSync') ? 'OutOfSync' : syncs.size === 1 ? [...syncs][0] : undefined,
      orphaned: members[0].orphaned,
      group: { kind, members: members.map((m) => m.key) },
    });
  }
  if (!groups.length) return { nodes, edges };
  const seen = new Set<string>();
  const grouped: EdgeRef[] = [];
  for (const e of edges) {
    const to = groupOf.get(e.to) ?? e.to;
    const id = `${e.from}->${to}`;
    if (seen.has(id)) continue;
    seen.add(id);
    grouped.push({ from: e.from, to });
  }
  return { nodes: [...nodes.filter((n) => !groupOf.has(n.key)), ...groups], edges: grouped };
}

const plural = (kind: string): string =>
  /(s|x|ch|sh)$/.test(kind) ? `${kind}es` : kind.endsWith('y') ? `${kind.slice(0, -1)}ies` : `${kind}s`;

/** The nodes placed left to right (sorted by key first, so the same tree always draws the same). */
export function layout(nodes: DrawnNode[], edges: EdgeRef[]): Graph {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 16, ranksep: 60, marginx: 8, marginy: 8 });
  g.setDefaultEdgeLabel(() => ({}));
  const ordered = [...nodes].sort((a, b) => (a.root ? -1 : b.root ? 1 : a.key.localeCompare(b.key)));
  for (const n of ordered) g.setNode(n.key, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const e of edges) if (g.hasNode(e.from) && g.hasNode(e.to)) g.setEdge(e.from, e.to);
  dagre.layout(g);
  const placed = ordered.map((n) => {
    const { x, y } = g.node(n.key) as { x: number; y: number };
    return { ...n, x, y };
  });
  const drawn = g.edges().map((e) => ({ from: e.v, to: e.w, points: (g.edge(e) as { points: { x: number; y: number }[] }).points }));
  const size = g.graph() as { width?: number; height?: number };
  return { nodes: placed, edges: drawn, width: size.width ?? 0, height: size.height ?? 0 };
}
