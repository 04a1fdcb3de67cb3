// `app resources`: the app's resource tree as argocd lists it, flat (top-level resources only) or
// as a tree of parents and the resources they own, optionally with age, health and reason.
import { formatTable } from '../output/tab-writer';

export interface TreeNode {
  group?: string;
  kind?: string;
  namespace?: string;
  name?: string;
  uid?: string;
  createdAt?: string;
  parentRefs?: { uid?: string }[];
  health?: { status?: string; message?: string };
}

export type ResourcesOutput = '' | 'tree' | 'tree=detailed';

const FIRST = '├─';
const LAST = '└─';
const PIPE = '│ ';
const BLANK = '  ';

/** Replaces every `from` but the last with `to`. */
function allButLast(text: string, from: string, to: string): string {
  const parts = text.split(from);
  if (parts.length <= 2) return text;
  return parts.slice(0, -1).join(to) + from + parts[parts.length - 1];
}

/** The branch drawn before a node: only its own connector stays; the ones above become a pipe or blanks. */
export function branchPrefix(path: string): string {
  let p = path.endsWith(FIRST) ? allButLast(path, FIRST, PIPE) : path.split(FIRST).join(PIPE);
  p = p.endsWith(LAST) ? allButLast(p, LAST, BLANK) : p.split(LAST).join(BLANK);
  return p;
}

/** Kubernetes' HumanDuration: "45s", "3m20s", "5h", "2d4h", "1y30d". */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m${seconds % 60}s`;
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8) return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`;
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) return hours % 24 === 0 ? `${Math.floor(hours / 24)}d` : `${Math.floor(hours / 24)}d${hours % 24}h`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;
  const years = Math.floor(hours / 24 / 365);
  const days = Math.floor(hours / 24) % 365;
  if (hours < 24 * 365 * 8) return days === 0 ? `${years}y` : `${years}y${days}d`;
  return `${years}y`;
}

const s = (v: string | undefined): string => v ?? '';

function treeRows(nodes: readonly TreeNode[], orphaned: string, detailed: boolean, now: number): string[][] {
  const byUid = new Map<string, TreeNode>();
  const children = new Map<string, TreeNode[]>();
  const roots: TreeNode[] = [];
  for (const node of nodes) {
    if (node.uid) byUid.set(node.uid, node);
    const parent = node.parentRefs?.[0]?.uid;
    if (node.parentRefs?.length && parent !== undefined) children.set(parent, [...(children.get(parent) ?? []), node]);
    else if (!node.parentRefs?.length) roots.push(node);
  }
  const rows: string[][] = [];
  const visit = (node: TreeNode, path: string): void => {
    const row = [branchPrefix(path) + s(node.group), s(node.kind), s(node.namespace), s(node.name), orphaned];
    if (detailed) {
      const age = node.createdAt ? humanDuration(now - Date.parse(node.createdAt)) : '<unknown>';
      row.push(age, s(node.health?.status), s(node.health?.message));
    }
    rows.push(row);
    const kids = node.uid ? (children.get(node.uid) ?? []) : [];
    kids.forEach((kid, i) => visit(kid, path + (i === kids.length - 1 ? LAST : FIRST)));
  };
  for (const root of roots) visit(root, '');
  return rows;
}

/**
 * The table: managed resources unless only orphaned ones are asked for, then orphaned ones when
 * asked for or when `--orphaned` was not given at all (argocd's listAll).
 */
export function formatAppResources(tree: { nodes?: TreeNode[]; orphanedNodes?: TreeNode[] }, opts: { orphaned?: boolean; output: ResourcesOutput; now?: number }): string {
  const listAll = opts.orphaned === undefined;
  const showManaged = !opts.orphaned || listAll;
  const showOrphaned = Boolean(opts.orphaned) || listAll;
  const nodes = tree.nodes ?? [];
  const orphanedNodes = tree.orphanedNodes ?? [];
  const now = opts.now ?? Date.now();
  const header = ['GROUP', 'KIND', 'NAMESPACE', 'NAME', 'ORPHANED'];
  if (opts.output === 'tree' || opts.output === 'tree=detailed') {
    const detailed = opts.output === 'tree=detailed';
    return formatTable([
      detailed ? [...header, 'AGE', 'HEALTH', 'REASON'] : header,
      ...(showManaged ? treeRows(nodes, 'No', detailed, now) : []),
      ...(showOrphaned ? treeRows(orphanedNodes, 'Yes', detailed, now) : []),
    ]);
  }
  const row = (n: TreeNode, orphaned: string): string[] => [s(n.group), s(n.kind), s(n.namespace), s(n.name), orphaned];
  return formatTable([
    header,
    ...(showManaged ? nodes.filter((n) => !n.parentRefs?.length).map((n) => row(n, 'No')) : []),
    ...(showOrphaned ? orphanedNodes.map((n) => row(n, 'Yes')) : []),
  ]);
}
