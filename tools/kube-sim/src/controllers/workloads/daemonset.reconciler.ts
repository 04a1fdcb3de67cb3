import { StoreEvent } from '../../store/object.store';
import { ControllerContext, ObjectKey, Reconciler } from '../controller-runtime';
import { eventsOf } from '../events/event.recorder';
import { CONTROLLER_WRITE, isActive, isPodReady, Json, owned, podFromTemplate, randomSuffix, templateHash, writeStatus } from './workload-kit';

/** The DaemonSet controller: one pod per node, replaced when the template changes. */
export class DaemonSetReconciler implements Reconciler {
  readonly name = 'daemonset';
  readonly primary = { group: 'apps', plural: 'daemonsets' };
  readonly owns = [{ group: '', plural: 'pods' }];

  mapEvent(e: StoreEvent, ctx: ControllerContext): ObjectKey[] {
    if (e.resource !== '/nodes') return [];
    return ctx.api.list(ctx.resource('apps', 'daemonsets'), {}).items.map((s) => ({ namespace: s.namespace, name: s.name }));
  }

  reconcile(key: ObjectKey, ctx: ControllerContext): void {
    const dsType = ctx.resource('apps', 'daemonsets');
    const ds = ctx.api.find(dsType, key.namespace, key.name);
    if (!ds || ds.metadata.deletionTimestamp) return;
    const spec = (ds.spec ?? {}) as Json;
    const hash = templateHash(spec.template ?? {});
    const podType = ctx.resource('', 'pods');
    const nodes = ctx.api.list(ctx.resource('', 'nodes'), {}).items.map((n) => n.name);
    const pods = owned(ctx, podType, ds).filter(isActive);
    for (const node of nodes) {
      const onNode = pods.filter((p) => (p.spec as Json).nodeName === node);
      const stale = onNode.filter((p) => p.metadata.labels?.['controller-revision-hash'] !== hash);
      const record = (reason: string, message: string): void => eventsOf(ctx).record({ component: 'daemonset-controller' }, ds, { type: 'Normal', reason, message });
      for (const p of stale) {
        ctx.api.delete(podType, key.namespace, p.metadata.name!, CONTROLLER_WRITE);
        record('SuccessfulDelete', `Deleted pod: ${p.metadata.name}`);
      }
      if (onNode.length - stale.length === 0) {
        const pod = podFromTemplate(ds, spec.template, `${key.name}-${randomSuffix()}`, { 'controller-revision-hash': hash, 'pod-template-generation': String(ds.metadata.generation ?? 1) }, { nodeName: node });
        const created = ctx.api.create(podType, key.namespace, pod, CONTROLLER_WRITE);
        pods.push(created);
        record('SuccessfulCreate', `Created pod: ${created.metadata.name}`);
      }
    }
    const live = owned(ctx, podType, ds).filter(isActive);
    const current = live.filter((p) => nodes.includes((p.spec as Json).nodeName));
    const ready = current.filter(isPodReady).length;
    writeStatus(ctx, dsType, ds, {
      currentNumberScheduled: current.length,
      desiredNumberScheduled: nodes.length,
      numberAvailable: ready,
      numberMisscheduled: live.length - current.length,
      numberReady: ready,
      ...(nodes.length - ready > 0 ? { numberUnavailable: nodes.length - ready } : {}),
      observedGeneration: ds.metadata.generation,
      updatedNumberScheduled: current.filter((p) => p.metadata.labels?.['controller-revision-hash'] === hash).length,
    });
  }
}
