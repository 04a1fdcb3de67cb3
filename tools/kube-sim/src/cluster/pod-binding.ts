import { VirtualCreates } from '../auth/auth';
import { errors, StatusError } from '../api/status-error';
import { ResourceRegistry } from '../registry/resource.registry';
import { KubeObject } from '../store/kube-object';
import { ResourceApi } from './resource-api';

/**
 * `POST bindings` and `POST pods/<name>/binding` (what a scheduler sends): assign a pod to a node,
 * as BindingREST in pkg/registry/core/pod/storage/storage.go does. Nothing is stored; the answer
 * is a Success Status, and a pod already on a node is a Conflict.
 */
export function podBindingCreates(api: () => ResourceApi, registry: ResourceRegistry): VirtualCreates {
  const bind: VirtualCreates[string] = ({ namespace, name, body }) => {
    const podName = body.metadata?.name ?? '';
    if (name !== undefined && name !== podName) throw errors.badRequest('name in URL does not match name in Binding object');
    const target = (body as KubeObject & { target?: { kind?: string; name?: string } }).target ?? {};
    if (target.kind && target.kind !== 'Node') throw errors.invalid(registry.lookup('', 'v1', 'bindings')!, podName, [{ reason: 'FieldValueNotSupported', field: 'target.kind', message: `Unsupported value: "${target.kind}": supported values: "Node", "<empty>"` }]);
    if (!target.name) throw errors.invalid(registry.lookup('', 'v1', 'bindings')!, podName, [{ reason: 'FieldValueRequired', field: 'target.name', message: 'Required value' }]);
    const pods = registry.lookup('', 'v1', 'pods')!;
    const pod = api().get(pods, namespace, podName);
    const nodeName = (pod.spec as { nodeName?: string } | undefined)?.nodeName;
    if (nodeName) {
      throw new StatusError(409, 'Conflict', `Operation cannot be fulfilled on pods/binding "${podName}": pod ${podName} is already assigned to node "${nodeName}"`, { name: podName, kind: 'pods/binding' });
    }
    api().update(pods, namespace, podName, { ...pod, spec: { ...(pod.spec as object), nodeName: target.name } }, { fieldManager: 'kube-scheduler' });
    return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 };
  };
  return { '/bindings': bind, '/pods/binding': bind };
}
