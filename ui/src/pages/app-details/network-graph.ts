// The app's traffic as Argo CD's network view draws it: where requests come in (an Ingress's hosts
// and load-balancer addresses, a LoadBalancer Service's) → Ingresses → the Services they route to →
// the Pods each Service's selector matches. A node's networkingInfo is used when the tree carries it;
// otherwise the same facts come from the managed resources' live manifests, and a Pod's labels from
// the pod template of the nearest workload above it.
import type { Application } from '@flotilla/api-types';
import type { ManagedResource, ResourceNode, ResourceTree } from '../../api/resources.api';
import { groupSiblings, layout, type DrawnNode, type EdgeRef, type Graph } from './graph-layout';
import { matchesFilters, resourceNodes, type AppResource, type TreeFilters, type TreeOptions } from './resource-graph';

type Labels = Record<string, string>;
interface TargetRef {
  kind?: string;
  namespace?: string;
  name?: string;
}
/** Argo's ResourceNetworkingInfo, as far as this view reads it. */
interface NetworkingInfo {
  labels?: Labels;
  targetLabels?: Labels;
  targetRefs?: TargetRef[];
  ingress?: { ip?: string; hostname?: string }[];
  externalURLs?: string[];
}
interface LiveObject {
  metadata?: { labels?: Labels };
  spec?: Record<string, unknown>;
  status?: { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } };
}

const isService = (n: ResourceNode) => n.kind === 'Service' && !n.group;
const isIngress = (n: ResourceNode) => n.kind === 'Ingress' && (n.group === 'networking.k8s.io' || n.group === 'extensions');
const isPod = (n: ResourceNode) => n.kind === 'Pod' && !n.group;

function parseLive(text: string | undefined): LiveObject | undefined {
  if (!text || text === 'null') return undefined;
  try {
    const parsed = JSON.parse(text) as unknown;
    return parsed && typeof parsed === 'object' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

const asLabels = (v: unknown): Labels | undefined =>
  v && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v).filter(([, x]) => typeof x === 'string'))
    : undefined;

const info = (n: ResourceNode): NetworkingInfo => (n.networkingInfo && typeof n.networkingInfo === 'object' ? n.networkingInfo : {});

/** The Services an Ingress routes to (v1 `service.name`, v1beta1 `serviceName`), default backend included. */
function ingressServices(spec: Record<string, unknown> | undefined): string[] {
  const out = new Set<string>();
  const backend = (b: unknown) => {
    const v = b as { service?: { name?: unknown }; serviceName?: unknown } | undefined;
    const name = v?.service?.name ?? v?.serviceName;
    if (typeof name === 'string' && name) out.add(name);
  };
  backend(spec?.defaultBackend);
  backend(spec?.backend);
  for (const rule of (spec?.rules as { http?: { paths?: { backend?: unknown }[] } }[] | undefined) ?? [])
    for (const path of rule?.http?.paths ?? []) backend(path?.backend);
  return [...out];
}

function ingressHosts(spec: Record<string, unknown> | undefined): string[] {
  const hosts = new Set<string>();
  for (const rule of (spec?.rules as { host?: unknown }[] | undefined) ?? [])
    if (typeof rule?.host === 'string' && rule.host) hosts.add(rule.host);
  for (const tls of (spec?.tls as { hosts?: unknown[] }[] | undefined) ?? [])
    for (const h of tls?.hosts ?? []) if (typeof h === 'string' && h) hosts.add(h);
  return [...hosts];
}

const lbAddresses = (lb: { ip?: string; hostname?: string }[] | undefined): string[] =>
  (lb ?? []).map((a) => a.ip || a.hostname || '').filter(Boolean);

/** True when every selector label is on the pod (an empty selector selects nothing, as for a Service). */
const selects = (selector: Labels, labels: Labels): boolean =>
  Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels[k] === v);

export function networkGraph(
  app: Application,
  tree: ResourceTree | undefined,
  managed: ManagedResource[] | undefined,
  f: TreeFilters,
  opts: TreeOptions = {},
): Graph {
  const all = resourceNodes(app, tree, opts);
  const byKey = new Map(all.map((n) => [n.key, n]));
  const live = new Map<string, LiveObject>();
  for (const m of managed ?? []) {
    const obj = parseLive(m.liveState);
    if (obj) live.set(`${m.group ?? ''}/${m.kind}/${m.namespace ?? ''}/${m.name}`, obj);
  }

  // A pod's labels: its own (networkingInfo or its manifest), else its nearest workload's pod template's.
  const podLabels = (r: AppResource): Labels => {
    const own = info(r.node).labels ?? live.get(r.key)?.metadata?.labels;
    if (own) return own;
    const seen = new Set<string>();
    const queue = [...r.parents];
    while (queue.length) {
      const key = queue.shift()!;
      if (seen.has(key)) continue;
      seen.add(key);
      const template = (live.get(key)?.spec?.template as { metadata?: { labels?: unknown } } | undefined)?.metadata?.labels;
      const labels = asLabels(template);
      if (labels) return labels;
      queue.push(...(byKey.get(key)?.parents ?? []));
    }
    return {};
  };

  const nodes = new Map<string, DrawnNode>();
  const edges: EdgeRef[] = [];
  const shown = (r: AppResource) => matchesFilters(r, f);
  const put = (r: AppResource) =>
    nodes.set(r.key, { key: r.key, node: r.node, sync: r.sync, health: r.node.health?.status, ...(r.orphaned ? { orphaned: true } : {}) });
  const entry = (to: string, addresses: string[]) => {
    if (!addresses.length) return;
    const key = `addresses:${to}`;
    nodes.set(key, { key, node: { kind: 'Traffic', name: addresses.join(', ') }, addresses });
    edges.push({ from: key, to });
  };

  const pods = all.filter((r) => isPod(r.node)).map((r) => ({ r, labels: podLabels(r) }));
  const services = new Map<string, AppResource>();
  for (const r of all) {
    if (!isService(r.node) || !shown(r)) continue;
    services.set(`${r.node.namespace ?? ''}/${r.node.name}`, r);
    put(r);
    const obj = live.get(r.key);
    const net = info(r.node);
    entry(r.key, net.ingress ? lbAddresses(net.ingress) : lbAddresses(obj?.status?.loadBalancer?.ingress));
    const selector = net.targetLabels ?? asLabels(obj?.spec?.selector) ?? {};
    for (const p of pods) {
      if (p.r.node.namespace !== r.node.namespace || !shown(p.r) || !selects(selector, p.labels)) continue;
      put(p.r);
      edges.push({ from: r.key, to: p.r.key });
    }
  }
  for (const r of all) {
    if (!isIngress(r.node) || !shown(r)) continue;
    put(r);
    const obj = live.get(r.key);
    const net = info(r.node);
    const hosts = net.externalURLs ?? ingressHosts(obj?.spec);
    const lb = net.ingress ? lbAddresses(net.ingress) : lbAddresses(obj?.status?.loadBalancer?.ingress);
    entry(r.key, [...new Set([...hosts, ...lb])]);
    const targets = net.targetRefs
      ? net.targetRefs.filter((t) => t.kind === 'Service' && t.name).map((t) => t.name!)
      : ingressServices(obj?.spec);
    for (const name of targets) {
      const svc = services.get(`${r.node.namespace ?? ''}/${name}`);
      if (svc) edges.push({ from: r.key, to: svc.key });
    }
  }
  const list = [...nodes.values()];
  const drawn = opts.group ? groupSiblings(list, edges, opts.expanded ?? new Set()) : { nodes: list, edges };
  return layout(drawn.nodes, drawn.edges);
}
