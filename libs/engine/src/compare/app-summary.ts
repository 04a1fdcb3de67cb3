// status.summary: container images and external URLs, as Argo's resource tree shows them.
import { groupOf, type KubeObject } from '@flotilla/api-types';
import { asArray, asRecords, asString, getIn } from '../object/json-value';

const EXTERNAL_LINK_PREFIX = 'link.argocd.argoproj.io/';

/** The pod spec of a workload (Pod, template-based workloads, CronJob). */
function podSpecOf(obj: KubeObject): unknown {
  if (obj.kind === 'Pod') return obj.spec;
  if (obj.kind === 'CronJob') return getIn(obj, 'spec', 'jobTemplate', 'spec', 'template', 'spec');
  return getIn(obj, 'spec', 'template', 'spec');
}

export function imagesOf(objs: KubeObject[]): string[] {
  const images = new Set<string>();
  for (const obj of objs) {
    const spec = podSpecOf(obj);
    for (const field of ['initContainers', 'containers']) {
      for (const c of asRecords(getIn(spec, field))) {
        const image = asString(c.image);
        if (image) images.add(image);
      }
    }
  }
  return [...images].sort();
}

function ingressURLs(obj: KubeObject): string[] {
  const tlsHosts = new Set(
    asRecords(getIn(obj, 'spec', 'tls')).flatMap((t) => asArray(t.hosts).filter((h): h is string => typeof h === 'string')),
  );
  const lbHosts = asRecords(getIn(obj, 'status', 'loadBalancer', 'ingress'))
    .map((i) => asString(i.hostname) ?? asString(i.ip))
    .filter((h): h is string => !!h);
  const urls: string[] = [];
  for (const rule of asRecords(getIn(obj, 'spec', 'rules'))) {
    const ruleHost = asString(rule.host);
    // Wildcard hosts cannot be visited; rules without a host are reached through the load balancer.
    if (ruleHost?.includes('*')) continue;
    const hosts = ruleHost ? [ruleHost] : lbHosts;
    const paths = asRecords(getIn(rule, 'http', 'paths')).map((p) => asString(p.path) ?? '');
    for (const host of hosts) {
      const scheme = tlsHosts.has(host) ? 'https' : 'http';
      for (const path of paths.length ? paths : ['']) urls.push(`${scheme}://${host}${path === '/' ? '' : path}`);
    }
  }
  return urls;
}

export function externalURLsOf(objs: KubeObject[]): string[] {
  const urls = new Set<string>();
  for (const obj of objs) {
    if (obj.kind === 'Ingress' && ['networking.k8s.io', 'extensions'].includes(groupOf(obj.apiVersion)))
      ingressURLs(obj).forEach((u) => urls.add(u));
    for (const [k, v] of Object.entries(obj.metadata?.annotations ?? {})) {
      if (k.startsWith(EXTERNAL_LINK_PREFIX) && /^https?:\/\//.test(v)) urls.add(v);
    }
  }
  return [...urls].sort();
}
