import { resourceKey } from '../registry/resource-type';
import { KubeObject } from '../store/kube-object';
import { ControllerContext, ObjectKey, Reconciler } from './controller-runtime';

/** Namespaces every cluster starts with, as a fresh kube-apiserver creates them. */
export const SYSTEM_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

/**
 * The namespace lifecycle controller: a terminating namespace has everything in it deleted,
 * then its `kubernetes` finalizer is removed and the namespace goes away. The real one
 * (pkg/controller/namespace/deletion/namespaced_resources_deleter.go) walks discovery and
 * deletes collection by collection, so a namespace stays `Terminating` for seconds:
 * `timing.namespaceDeletionMs` stands for that time (none in instant mode).
 */
export class NamespaceReconciler implements Reconciler {
  readonly name = 'namespace';
  readonly primary = { group: '', plural: 'namespaces' };
  /** When this controller first saw each namespace terminating (by uid). */
  private readonly terminatingSince = new Map<string, number>();

  reconcile(key: ObjectKey, ctx: ControllerContext): number | void {
    const nsType = ctx.resource('', 'namespaces');
    const ns = ctx.api.find(nsType, '', key.name);
    if (!ns?.metadata.deletionTimestamp) return;
    const uid = ns.metadata.uid ?? key.name;
    const now = ctx.now().getTime();
    const since = this.terminatingSince.get(uid) ?? now;
    this.terminatingSince.set(uid, since);
    let remaining = 0;
    for (const t of ctx.registry.all()) {
      if (!t.namespaced || t.virtual || ctx.registry.storageOf(t) !== t) continue;
      for (const s of ctx.store.list(resourceKey(t), { namespace: key.name }).items) {
        remaining++;
        const obj = JSON.parse(s.json) as KubeObject;
        if (!obj.metadata.deletionTimestamp) ctx.api.delete(t, key.name, s.name, { propagationPolicy: 'Background' });
      }
    }
    if (remaining > 0) return 100;
    const wait = since + (ctx.timing.instant ? 0 : ctx.timing.namespaceDeletionMs) - now;
    if (wait > 0) return wait;
    this.terminatingSince.delete(uid);
    const spec = (ns.spec ?? {}) as { finalizers?: string[] };
    if (!(spec.finalizers ?? []).length) return;
    const finalized: KubeObject = { ...ns, spec: { ...spec, finalizers: [] } };
    ctx.api.update(nsType, '', key.name, finalized, { fieldManager: 'kube-controller-manager' }, 'finalize');
  }
}
