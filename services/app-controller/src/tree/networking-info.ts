// What the UI's Network view draws from a tree node (Argo's v1alpha1.ResourceNetworkingInfo, filled
// as Argo's controller/cache/info.go does): a Service's pod selector and load balancer, an Ingress's
// backend Services, load balancer and URLs, a Pod's labels, and any kind's external links.
import { groupOf, type KubeObject } from '@flotilla/api-types';

export interface NetworkingRef {
  group: string;
  kind: string;
  namespace?: string;
  name: string;
}

export interface LoadBalancerIngress {
  ip?: string;
  hostname?: string;
}

export interface ResourceNetworkingInfo {
  targetLabels?: Record<string, string>;
  targetRefs?: NetworkingRef[];
  labels?: Record<string, string>;
  ingress?: LoadBalancerIngress[];
  externalURLs?: string[];
}

/** Annotations under this prefix are links the UI shows on the resource (Argo's link.argocd.argoproj.io/<title>). */
const LINK_PREFIX = 'link.argocd.argoproj.io/';

type Obj = Record<string, unknown>;
const asObj = (v: unknown): Obj | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined);
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const asString = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** Only string values: a live object is whatever the cluster holds, and the UI matches labels as strings. */
function stringMap(v: unknown): Record<string, string> | undefined {
  const obj = asObj(v);
  if (!obj) return undefined;
  const out = Object.entries(obj).filter((e): e is [string, string] => typeof e[1] === 'string');
  return out.length ? Object.fromEntries(out) : undefined;
}

/** status.loadBalancer.ingress, each entry by hostname when it has one, else by IP. */
function loadBalancerOf(obj: KubeObject): LoadBalancerIngress[] {
  const out: LoadBalancerIngress[] = [];
  for (const item of asList(asObj(asObj(obj.status)?.loadBalancer)?.ingress)) {
    const entry = asObj(item);
    const hostname = asString(entry?.hostname);
    const ip = asString(entry?.ip);
    if (hostname) out.push({ hostname });
    else if (ip) out.push({ ip });
  }
  return out;
}

function externalLinks(obj: KubeObject): string[] {
  return Object.entries(obj.metadata?.annotations ?? {})
    .filter(([key, value]) => key.startsWith(LINK_PREFIX) && typeof value === 'string' && value !== '')
    .map(([, value]) => value);
}

function serviceInfo(svc: KubeObject): ResourceNetworkingInfo {
  const spec = asObj(svc.spec);
  const targetLabels = stringMap(spec?.selector);
  // Only a LoadBalancer Service's status means an address outside the cluster.
  const ingress = spec?.type === 'LoadBalancer' ? loadBalancerOf(svc) : [];
  return { ...(targetLabels ? { targetLabels } : {}), ...(ingress.length ? { ingress } : {}) };
}

/** A backend's Service: networking.k8s.io/v1 names it under service.name, v1beta1 and extensions as serviceName. */
const backendService = (backend: unknown): string | undefined =>
  asString(asObj(asObj(backend)?.service)?.name) ?? asString(asObj(backend)?.serviceName);

/** `*.example.com` covers one label under example.com, as a wildcard certificate does. */
const hostMatches = (pattern: string, host: string): boolean =>
  pattern === host ||
  (pattern.startsWith('*.') && host.endsWith(pattern.slice(1)) && !host.slice(0, host.length - pattern.length + 1).includes('.'));

/** Whether a spec.tls entry covers the host: one listing it, or one listing no hosts (a default certificate). */
function tlsCovers(tls: unknown[], host: string): boolean {
  return tls.some((entry) => {
    const hosts = asList(asObj(entry)?.hosts).filter((h): h is string => typeof h === 'string');
    return hosts.length === 0 || hosts.some((h) => hostMatches(h, host));
  });
}

function ingressInfo(ing: KubeObject): ResourceNetworkingInfo {
  const spec = asObj(ing.spec) ?? {};
  const ingress = loadBalancerOf(ing);
  const namespace = ing.metadata?.namespace;
  const services = new Set<string>();
  const urls = new Set<string>();
  const defaultBackend = backendService(spec.defaultBackend) ?? backendService(spec.backend);
  if (defaultBackend) services.add(defaultBackend);
  const tls = asList(spec.tls);
  for (const item of asList(spec.rules)) {
    const rule = asObj(item);
    // A rule with no host answers on the load balancer's own address.
    const host = asString(rule?.host) ?? ingress.map((i) => i.hostname ?? i.ip).find((h) => !!h);
    for (const p of asList(asObj(rule?.http)?.paths)) {
      const path = asObj(p);
      const service = backendService(path?.backend);
      if (service) services.add(service);
      if (!host) continue;
      const scheme = tlsCovers(tls, host) ? 'https' : 'http';
      // A trailing * (ImplementationSpecific wildcards) is no part of the address to open.
      urls.add(`${scheme}://${host}${(asString(path?.path) ?? '').replace(/\*$/, '')}`);
    }
  }
  const targetRefs = [...services].sort().map((name) => ({ group: '', kind: 'Service', ...(namespace ? { namespace } : {}), name }));
  return {
    ...(targetRefs.length ? { targetRefs } : {}),
    ...(ingress.length ? { ingress } : {}),
    ...(urls.size ? { externalURLs: [...urls].sort() } : {}),
  };
}

/** An Istio VirtualService routes to Services named by host: `name`, or `name.namespace[.svc…]`. */
function virtualServiceInfo(vs: KubeObject): ResourceNetworkingInfo {
  const refs = new Map<string, NetworkingRef>();
  for (const rule of asList(asObj(vs.spec)?.http)) {
    for (const route of asList(asObj(rule)?.route)) {
      const host = asString(asObj(asObj(route)?.destination)?.host);
      if (!host) continue;
      const [name, ns] = host.split('.');
      const namespace = ns ?? vs.metadata?.namespace;
      refs.set(`${namespace ?? ''}/${name}`, { group: '', kind: 'Service', ...(namespace ? { namespace } : {}), name });
    }
  }
  return refs.size ? { targetRefs: [...refs.values()] } : {};
}

/** The node's networkingInfo, or undefined for a kind with none and no external links. */
export function networkingInfoOf(obj: KubeObject): ResourceNetworkingInfo | undefined {
  const group = groupOf(obj.apiVersion);
  let info: ResourceNetworkingInfo | undefined;
  if (group === '' && obj.kind === 'Service') info = serviceInfo(obj);
  else if ((group === 'networking.k8s.io' || group === 'extensions') && obj.kind === 'Ingress') info = ingressInfo(obj);
  else if (group === 'networking.istio.io' && obj.kind === 'VirtualService') info = virtualServiceInfo(obj);
  else if (group === '' && obj.kind === 'Pod') {
    const labels = stringMap(obj.metadata?.labels);
    info = labels ? { labels } : {};
  }
  const links = externalLinks(obj);
  if (links.length) info = { ...info, externalURLs: [...links, ...(info?.externalURLs ?? [])] };
  return info;
}
