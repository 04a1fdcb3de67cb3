import { KubeObject } from '../../store/kube-object';
import { ControllerContext, ObjectKey, Reconciler } from '../controller-runtime';
import { eventsOf } from '../events/event.recorder';
import { isActive, isPodReady, Json, owned, podFromTemplate, randomSuffix, writeStatus } from './workload-kit';

/** The ReplicaSet controller: keeps `replicas` pods from the template, deleting not-ready and newest first. */
export class ReplicaSetReconciler implements Reconciler {
  readonly name = 'replicaset';
  readonly primary = { group: 'apps', plural: 'replicasets' };
  readonly owns = [{ group: '', plural: 'pods' }];

  reconcile(key: ObjectKey, ctx: ControllerContext): void {
    const rsType = ctx.resource('apps', 'replicasets');
    const rs = ctx.api.find(rsType, key.namespace, key.name);
    if (!rs || rs.metadata.deletionTimestamp) return;
    const podType = ctx.resource('', 'pods');
    const spec = (rs.spec ?? {}) as Json;
    const want = typeof spec.replicas === 'number' ? spec.replicas : 1;
    let pods = owned(ctx, podType, rs).filter(isActive);
    const record = (reason: string, message: string): void => eventsOf(ctx).record({ component: 'replicaset-controller' }, rs, { type: 'Normal', reason, message });
    for (let i = pods.length; i < want; i++) {
      const pod = ctx.api.create(podType, key.namespace, podFromTemplate(rs, spec.template, `${key.name}-${randomSuffix()}`), { fieldManager: 'kube-controller-manager' });
      pods.push(pod);
      record('SuccessfulCreate', `Created pod: ${pod.metadata.name}`);
    }
    if (pods.length > want) {
      const doomed = [...pods].sort(deletionOrder).slice(0, pods.length - want);
      for (const p of doomed) {
        ctx.api.delete(podType, key.namespace, p.metadata.name!, { fieldManager: 'kube-controller-manager' });
        record('SuccessfulDelete', `Deleted pod: ${p.metadata.name}`);
      }
      pods = pods.filter((p) => !doomed.includes(p));
    }
    const ready = pods.filter(isPodReady).length;
    const labels = (spec.template?.metadata?.labels ?? {}) as Record<string, string>;
    writeStatus(ctx, rsType, rs, {
      availableReplicas: ready,
      fullyLabeledReplicas: pods.filter((p) => Object.entries(labels).every(([k, v]) => p.metadata.labels?.[k] === v)).length,
      observedGeneration: rs.metadata.generation,
      readyReplicas: ready,
      replicas: pods.length,
    });
  }
}

/** Not-ready before ready, then newest first: what the ReplicaSet controller removes on scale-down. */
function deletionOrder(a: KubeObject, b: KubeObject): number {
  const ra = isPodReady(a) ? 1 : 0;
  const rb = isPodReady(b) ? 1 : 0;
  if (ra !== rb) return ra - rb;
  return String(b.metadata.creationTimestamp).localeCompare(String(a.metadata.creationTimestamp));
}
