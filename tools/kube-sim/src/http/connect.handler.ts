import { errors, StatusError } from '../api/status-error';
import { ResourceApi } from '../cluster/resource-api';
import { ResourceRegistry } from '../registry/resource.registry';
import { ResourceType } from '../registry/resource-type';
import { KubeObject } from '../store/kube-object';

/** Subresources kube-apiserver serves by proxying to a kubelet, a pod or a service (rest.Connecter). */
export const CONNECT_SUBRESOURCES = new Set(['pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy', 'nodes/proxy', 'services/proxy']);

const KUBELET_PORT = 10250;

interface PodSpec {
  nodeName?: string;
  containers?: Array<{ name: string }>;
}

/**
 * kube-sim has no kubelets: a connect request is resolved as the API server resolves it
 * (pkg/registry/core/pod/strategy.go streamLocation, node/strategy.go ResourceLocation,
 * service/storage ResourceLocation) and then fails as it does when the backend cannot be dialled.
 */
export function refuseConnect(api: ResourceApi, registry: ResourceRegistry, t: ResourceType, ns: string, name: string, sub: string, query: URLSearchParams): never {
  const obj = api.get(t, ns, name);
  if (t.plural === 'pods') return refusePod(api, registry, obj, sub, query);
  if (t.plural === 'nodes') throw dialError(nodeAddress(obj));
  return refuseService(api, registry, obj);
}

function refusePod(api: ResourceApi, registry: ResourceRegistry, pod: KubeObject, sub: string, query: URLSearchParams): never {
  const spec = (pod.spec ?? {}) as PodSpec;
  const name = pod.metadata.name!;
  if (sub === 'exec' || sub === 'attach') {
    const names = (spec.containers ?? []).map((c) => c.name);
    const container = query.get('container');
    if (!container && names.length > 1) throw errors.badRequest(`a container name must be specified for pod ${name}, choose one of: [${names.join(' ')}]`);
    if (container && !names.includes(container)) throw errors.badRequest(`container ${container} is not valid for pod ${name}`);
  }
  if (!spec.nodeName) throw errors.badRequest(`pod ${name} does not have a host assigned`);
  const node = api.find(registry.lookup('', 'v1', 'nodes')!, '', spec.nodeName);
  throw dialError(node ? nodeAddress(node) : spec.nodeName);
}

function refuseService(api: ResourceApi, registry: ResourceRegistry, svc: KubeObject): never {
  const endpoints = api.find(registry.lookup('', 'v1', 'endpoints')!, svc.metadata.namespace ?? '', svc.metadata.name!);
  type Subset = { addresses?: Array<{ ip: string }>; ports?: Array<{ port: number }> };
  const subset = ((endpoints?.subsets ?? []) as Subset[]).find((s) => s.addresses?.length && s.ports?.length);
  if (!subset) throw new StatusError(503, 'ServiceUnavailable', `no endpoints available for service "${svc.metadata.name}"`);
  throw new StatusError(503, 'ServiceUnavailable', `error trying to reach service: dial tcp ${subset.addresses![0].ip}:${subset.ports![0].port}: connect: connection refused`);
}

function nodeAddress(node: KubeObject): string {
  const addresses = ((node.status as { addresses?: Array<{ type: string; address: string }> } | undefined)?.addresses ?? []);
  return addresses.find((a) => a.type === 'InternalIP')?.address ?? node.metadata.name!;
}

/** A dial failure is not an API error: upstream answers 500 with the error text and no reason. */
function dialError(host: string): StatusError {
  return new StatusError(500, '', `error dialing backend: dial tcp ${host}:${KUBELET_PORT}: connect: connection refused`);
}
