import { ControllerContext, ObjectKey, Reconciler } from '../controller-runtime';
import { CONTROLLER_WRITE, Json, writeStatus } from './workload-kit';

let lbSeq = 0;
const nextLbIp = (): string => `172.18.255.${(lbSeq++ % 250) + 1}`;

/** A cloud load balancer: LoadBalancer Services get an ingress address. */
export class LoadBalancerReconciler implements Reconciler {
  readonly name = 'service-lb';
  readonly primary = { group: '', plural: 'services' };

  reconcile(key: ObjectKey, ctx: ControllerContext): void {
    const t = ctx.resource('', 'services');
    const svc = ctx.api.find(t, key.namespace, key.name);
    if (!svc || (svc.spec as Json | undefined)?.type !== 'LoadBalancer') return;
    if (((svc.status as Json | undefined)?.loadBalancer?.ingress ?? []).length) return;
    writeStatus(ctx, t, svc, { loadBalancer: { ingress: [{ ip: nextLbIp(), ipMode: 'VIP' }] } });
  }
}

/** An ingress controller: every Ingress gets an address. */
export class IngressReconciler implements Reconciler {
  readonly name = 'ingress';
  readonly primary = { group: 'networking.k8s.io', plural: 'ingresses' };

  reconcile(key: ObjectKey, ctx: ControllerContext): void {
    const t = ctx.resource('networking.k8s.io', 'ingresses');
    const ing = ctx.api.find(t, key.namespace, key.name);
    if (!ing || ((ing.status as Json | undefined)?.loadBalancer?.ingress ?? []).length) return;
    writeStatus(ctx, t, ing, { loadBalancer: { ingress: [{ ip: nextLbIp() }] } });
  }
}

/** A dynamic provisioner: each pending claim gets a PersistentVolume and is bound to it. */
export class VolumeBinderReconciler implements Reconciler {
  readonly name = 'persistentvolume-binder';
  readonly primary = { group: '', plural: 'persistentvolumeclaims' };

  reconcile(key: ObjectKey, ctx: ControllerContext): void {
    const t = ctx.resource('', 'persistentvolumeclaims');
    const pvc = ctx.api.find(t, key.namespace, key.name);
    if (!pvc || pvc.metadata.deletionTimestamp) return;
    const spec = (pvc.spec ?? {}) as Json;
    const storage = spec.resources?.requests?.storage as string | undefined;
    if ((pvc.status as Json | undefined)?.phase === 'Bound' || !storage) return;
    const pvName = spec.volumeName ?? `pvc-${pvc.metadata.uid}`;
    const pvType = ctx.resource('', 'persistentvolumes');
    if (!ctx.api.find(pvType, '', pvName)) {
      ctx.api.create(
        pvType,
        '',
        {
          apiVersion: 'v1',
          kind: 'PersistentVolume',
          metadata: { name: pvName, annotations: { 'pv.kubernetes.io/provisioned-by': 'kube-sim.flotilla.dev/hostpath' } },
          spec: { accessModes: spec.accessModes, capacity: { storage }, claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: key.name, namespace: key.namespace, uid: pvc.metadata.uid }, persistentVolumeReclaimPolicy: 'Delete', storageClassName: spec.storageClassName ?? 'standard', volumeMode: spec.volumeMode ?? 'Filesystem', hostPath: { path: `/var/kube-sim/${pvName}`, type: '' } },
        },
        CONTROLLER_WRITE,
      );
    }
    const bound = ctx.api.update(t, key.namespace, key.name, { ...pvc, metadata: { ...pvc.metadata, annotations: { ...pvc.metadata.annotations, 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes' } }, spec: { ...spec, volumeName: pvName } }, CONTROLLER_WRITE);
    writeStatus(ctx, t, bound, { accessModes: spec.accessModes, capacity: { storage }, phase: 'Bound' });
    const pv = ctx.api.find(pvType, '', pvName);
    if (pv) writeStatus(ctx, pvType, pv, { phase: 'Bound' });
  }
}

/** The HPA controller's reporting: current and desired replicas of the target, able to scale. */
export class HpaReconciler implements Reconciler {
  readonly name = 'horizontalpodautoscaler';
  readonly primary = { group: 'autoscaling', plural: 'horizontalpodautoscalers' };

  reconcile(key: ObjectKey, ctx: ControllerContext): number | void {
    const t = ctx.resource('autoscaling', 'horizontalpodautoscalers');
    const hpa = ctx.api.find(t, key.namespace, key.name);
    if (!hpa) return;
    const ref = (hpa.spec as Json | undefined)?.scaleTargetRef as Json | undefined;
    const target = ref ? ctx.typeOf(ref.apiVersion, ref.kind) : undefined;
    const obj = target ? ctx.api.find(target, key.namespace, ref!.name) : undefined;
    const replicas = Number((obj?.status as Json | undefined)?.replicas ?? (obj?.spec as Json | undefined)?.replicas ?? 0);
    const now = ctx.now().toISOString().replace(/\.\d{3}Z$/, 'Z');
    const prev = ((hpa.status as Json | undefined)?.conditions ?? []) as Json[];
    const cond = (type: string, status: string, reason: string, message: string): Json => ({ type, status, reason, message, lastTransitionTime: prev.find((c) => c.type === type && c.status === status)?.lastTransitionTime ?? now });
    writeStatus(ctx, t, hpa, {
      conditions: obj
        ? [cond('AbleToScale', 'True', 'ReadyForNewScale', 'recommended size matches current size'), cond('ScalingActive', 'True', 'ValidMetricFound', 'the HPA was able to successfully calculate a replica count'), cond('ScalingLimited', 'False', 'DesiredWithinRange', 'the desired count is within the acceptable range')]
        : [cond('AbleToScale', 'False', 'FailedGetScale', `the HPA controller was unable to get the target's current scale: ${ref?.kind ?? 'target'} "${ref?.name ?? ''}" not found`)],
      currentReplicas: replicas,
      desiredReplicas: replicas,
    });
    return 15_000;
  }
}
