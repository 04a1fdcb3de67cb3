import { KubeObject } from '../../store/kube-object';
import { ControllerContext, ObjectKey, Reconciler } from '../controller-runtime';
import { eventsOf } from '../events/event.recorder';
import { CONTROLLER_WRITE, isActive, isPodReady, Json, owned, podFromTemplate, templateHash, writeStatus } from './workload-kit';

/** The StatefulSet controller: ordinal pods, one PVC per claim template, rolling updates from the top. */
export class StatefulSetReconciler implements Reconciler {
  readonly name = 'statefulset';
  readonly primary = { group: 'apps', plural: 'statefulsets' };
  readonly owns = [{ group: '', plural: 'pods' }];

  reconcile(key: ObjectKey, ctx: ControllerContext): void {
    const stsType = ctx.resource('apps', 'statefulsets');
    const sts = ctx.api.find(stsType, key.namespace, key.name);
    if (!sts || sts.metadata.deletionTimestamp) return;
    const spec = (sts.spec ?? {}) as Json;
    const replicas = typeof spec.replicas === 'number' ? spec.replicas : 1;
    const revision = `${key.name}-${templateHash(spec.template ?? {})}`;
    this.ensureRevision(ctx, sts, revision);
    const podType = ctx.resource('', 'pods');
    const pods = new Map(owned(ctx, podType, sts).filter(isActive).map((p) => [ordinalOf(p, key.name), p]));
    const ordered = spec.podManagementPolicy !== 'Parallel';
    for (let i = 0; i < replicas; i++) {
      if (pods.has(i)) continue;
      this.ensureClaims(ctx, sts, i);
      const name = `${key.name}-${i}`;
      const pod = podFromTemplate(sts, spec.template, name, { 'controller-revision-hash': revision, 'statefulset.kubernetes.io/pod-name': name, 'apps.kubernetes.io/pod-index': String(i) }, { hostname: name, ...(spec.serviceName ? { subdomain: spec.serviceName } : {}) });
      pods.set(i, ctx.api.create(podType, key.namespace, pod, CONTROLLER_WRITE));
      record(ctx, sts, 'SuccessfulCreate', `create Pod ${name} in StatefulSet ${key.name} successful`);
      if (ordered) break;
    }
    for (const [i, p] of [...pods].sort(([a], [b]) => b - a)) {
      if (i < replicas) continue;
      ctx.api.delete(podType, key.namespace, p.metadata.name!, CONTROLLER_WRITE);
      record(ctx, sts, 'SuccessfulDelete', `delete Pod ${p.metadata.name} in StatefulSet ${key.name} successful`);
      pods.delete(i);
      if (ordered) break;
    }
    const all = [...pods.values()];
    const outdated = [...pods].filter(([, p]) => p.metadata.labels?.['controller-revision-hash'] !== revision).sort(([a], [b]) => b - a);
    if (outdated.length && all.every(isPodReady) && spec.updateStrategy?.type !== 'OnDelete') {
      ctx.api.delete(podType, key.namespace, outdated[0][1].metadata.name!, CONTROLLER_WRITE);
      record(ctx, sts, 'SuccessfulDelete', `delete Pod ${outdated[0][1].metadata.name} in StatefulSet ${key.name} successful`);
    }
    const updated = all.filter((p) => p.metadata.labels?.['controller-revision-hash'] === revision);
    const ready = all.filter(isPodReady).length;
    const status: Json = {
      availableReplicas: ready,
      collisionCount: 0,
      currentReplicas: outdated.length ? all.length - updated.length : updated.length,
      currentRevision: outdated.length ? (outdated[0][1].metadata.labels?.['controller-revision-hash'] ?? revision) : revision,
      observedGeneration: sts.metadata.generation,
      readyReplicas: ready,
      replicas: all.length,
      updateRevision: revision,
      updatedReplicas: updated.length,
    };
    for (const k of ['availableReplicas', 'currentReplicas', 'readyReplicas', 'updatedReplicas']) if (!status[k]) delete status[k];
    writeStatus(ctx, stsType, sts, status);
  }

  private ensureClaims(ctx: ControllerContext, sts: KubeObject, ordinal: number): void {
    const pvcType = ctx.resource('', 'persistentvolumeclaims');
    for (const tpl of ((sts.spec as Json).volumeClaimTemplates ?? []) as Json[]) {
      const name = `${tpl.metadata?.name}-${sts.metadata.name}-${ordinal}`;
      if (ctx.api.find(pvcType, sts.metadata.namespace!, name)) continue;
      const labels = { ...((sts.spec as Json).selector?.matchLabels ?? {}), ...(tpl.metadata?.labels ?? {}) };
      ctx.api.create(pvcType, sts.metadata.namespace!, { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, labels }, spec: structuredClone(tpl.spec ?? {}) }, CONTROLLER_WRITE);
      record(ctx, sts, 'SuccessfulCreate', `create Claim ${name} Pod ${sts.metadata.name}-${ordinal} in StatefulSet ${sts.metadata.name} success`);
    }
  }

  private ensureRevision(ctx: ControllerContext, sts: KubeObject, revision: string): void {
    const crType = ctx.resource('apps', 'controllerrevisions');
    if (ctx.api.find(crType, sts.metadata.namespace!, revision)) return;
    const existing = owned(ctx, crType, sts);
    const next = Math.max(0, ...existing.map((r) => Number(r.revision ?? 0))) + 1;
    ctx.api.create(
      crType,
      sts.metadata.namespace!,
      { apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata: { name: revision, labels: { ...((sts.spec as Json).selector?.matchLabels ?? {}), 'controller.kubernetes.io/hash': revision.slice(revision.lastIndexOf('-') + 1) }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: sts.metadata.name!, uid: sts.metadata.uid!, controller: true, blockOwnerDeletion: true }] }, data: { spec: { template: (sts.spec as Json).template } }, revision: next },
      CONTROLLER_WRITE,
    );
  }
}

function record(ctx: ControllerContext, sts: KubeObject, reason: string, message: string): void {
  eventsOf(ctx).record({ component: 'statefulset-controller' }, sts, { type: 'Normal', reason, message });
}

function ordinalOf(pod: KubeObject, name: string): number {
  const n = pod.metadata.name!.slice(name.length + 1);
  return /^\d+$/.test(n) ? Number(n) : -1;
}
