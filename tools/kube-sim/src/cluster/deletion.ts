import { ResourceType, resourceKey } from '../registry/resource-type';
import { clone, KubeObject } from '../store/kube-object';
import { ObjectStore } from '../store/object.store';
import { kubeTime } from './object-meta';
import { DeleteOptions } from './request-options';

export const FOREGROUND = 'foregroundDeletion';
export const ORPHAN = 'orphan';
/** What apiextensions-apiserver's CRD storage adds on the first DELETE (registry/customresourcedefinition/etcd.go). */
export const CRD_CLEANUP_FINALIZER = 'customresourcecleanup.apiextensions.k8s.io';

type Writer = (t: ResourceType, ns: string, name: string, obj: KubeObject) => KubeObject;

/**
 * Graceful deletion as kube-apiserver does it: objects with finalizers (and foreground or
 * orphan propagation) get a deletionTimestamp and wait; the garbage collector and namespace
 * controller finish the job.
 */
export class Deletion {
  constructor(
    private readonly store: ObjectStore,
    private readonly now: () => Date,
    private readonly write: Writer,
  ) {}

  delete(t: ResourceType, old: KubeObject, opts: DeleteOptions): { object: KubeObject; gone: boolean } {
    const next = clone(old);
    const m = next.metadata;
    const finalizers = new Set(m.finalizers ?? []);
    if (t.kind === 'Namespace' && !t.custom) return this.terminateNamespace(t, next, !!opts.dryRun);
    if (!m.deletionTimestamp) {
      if (isCrd(t)) finalizers.add(CRD_CLEANUP_FINALIZER);
      if (opts.propagationPolicy === 'Foreground') finalizers.add(FOREGROUND);
      if (opts.propagationPolicy === 'Orphan') finalizers.add(ORPHAN);
    } else if (opts.propagationPolicy === 'Foreground' && !finalizers.has(ORPHAN)) {
      finalizers.add(FOREGROUND);
    }
    if (finalizers.size === 0) {
      if (opts.dryRun) return { object: old, gone: true };
      return { object: this.remove(t, old), gone: true };
    }
    m.finalizers = [...finalizers];
    m.deletionTimestamp ??= kubeTime(this.now());
    m.deletionGracePeriodSeconds ??= 0;
    if (opts.dryRun) return { object: next, gone: false };
    const stored = this.store.put(resourceKey(t), next);
    return { object: JSON.parse(stored.json) as KubeObject, gone: false };
  }

  /** Namespaces also wait for `spec.finalizers` (the namespace controller's `kubernetes`). */
  readyToRemove(t: ResourceType, obj: KubeObject): boolean {
    if (t.kind !== 'Namespace' || t.custom) return true;
    return !((obj.spec as { finalizers?: string[] } | undefined)?.finalizers ?? []).length;
  }

  remove(t: ResourceType, obj: KubeObject): KubeObject {
    const removed = this.store.remove(resourceKey(t), obj.metadata.namespace ?? '', obj.metadata.name!);
    return removed ? (JSON.parse(removed.json) as KubeObject) : obj;
  }

  /** Finishes a deletion a finalizer was holding, once its last finalizer is gone. */
  finalize(t: ResourceType, obj: KubeObject): KubeObject {
    return this.write(t, obj.metadata.namespace ?? '', obj.metadata.name!, obj);
  }

  private terminateNamespace(t: ResourceType, ns: KubeObject, dryRun: boolean): { object: KubeObject; gone: boolean } {
    if (!ns.metadata.deletionTimestamp) {
      ns.metadata.deletionTimestamp = kubeTime(this.now());
      ns.metadata.deletionGracePeriodSeconds = 0;
    }
    ns.status = { ...(ns.status as object), phase: 'Terminating' };
    if (dryRun) return { object: ns, gone: false };
    const stored = this.store.put(resourceKey(t), ns);
    return { object: JSON.parse(stored.json) as KubeObject, gone: false };
  }
}

function isCrd(t: ResourceType): boolean {
  return !t.custom && t.group === 'apiextensions.k8s.io' && t.plural === 'customresourcedefinitions';
}
