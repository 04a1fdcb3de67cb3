import { FOREGROUND, ORPHAN } from '../cluster/deletion';
import { KubeObject, OwnerReference } from '../store/kube-object';
import { StoreEvent } from '../store/object.store';
import { ControllerContext } from './controller-runtime';

interface Ref {
  resource: string;
  namespace: string;
  name: string;
  uid: string;
}

/**
 * kube-controller-manager's garbage collector: dependents whose owners are gone are deleted,
 * foreground deletion waits for dependents, orphan deletion strips ownerReferences.
 */
export class GarbageCollector {
  private readonly byUid = new Map<string, Ref>();
  private readonly owners = new Map<string, OwnerReference[]>();
  private readonly dependents = new Map<string, Set<string>>();
  private readonly pending = new Set<string>();
  private scheduled = false;
  private unsubscribe?: () => void;

  constructor(private readonly ctx: ControllerContext) {}

  start(): void {
    for (const resource of this.ctx.store.resources()) {
      for (const s of this.ctx.store.list(resource).items) this.index(resource, JSON.parse(s.json) as KubeObject);
    }
    this.unsubscribe = this.ctx.store.onEvent((e) => this.onEvent(e));
    for (const uid of this.owners.keys()) this.check(uid);
  }

  stop(): void {
    this.unsubscribe?.();
    this.pending.clear();
  }

  private onEvent(e: StoreEvent): void {
    const obj = JSON.parse(e.object.json) as KubeObject;
    const uid = obj.metadata.uid!;
    if (e.type === 'DELETED') {
      const owners = this.owners.get(uid) ?? [];
      this.unindex(uid);
      for (const o of owners) this.check(o.uid);
      for (const dep of this.dependents.get(uid) ?? []) this.check(dep);
      return;
    }
    this.index(e.resource, obj);
    if (obj.metadata.ownerReferences?.length) this.check(uid);
    if (obj.metadata.deletionTimestamp) this.check(uid);
  }

  private index(resource: string, obj: KubeObject): void {
    const uid = obj.metadata.uid!;
    this.byUid.set(uid, { resource, namespace: obj.metadata.namespace ?? '', name: obj.metadata.name!, uid });
    const before = this.owners.get(uid) ?? [];
    const after = obj.metadata.ownerReferences ?? [];
    for (const o of before) this.dependents.get(o.uid)?.delete(uid);
    for (const o of after) {
      const set = this.dependents.get(o.uid) ?? new Set<string>();
      set.add(uid);
      this.dependents.set(o.uid, set);
    }
    if (after.length) this.owners.set(uid, after);
    else this.owners.delete(uid);
  }

  private unindex(uid: string): void {
    for (const o of this.owners.get(uid) ?? []) this.dependents.get(o.uid)?.delete(uid);
    this.owners.delete(uid);
    this.byUid.delete(uid);
  }

  private check(uid: string): void {
    this.pending.add(uid);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.drain());
  }

  private drain(): void {
    this.scheduled = false;
    const batch = [...this.pending];
    this.pending.clear();
    for (const uid of batch) {
      try {
        this.process(uid);
      } catch (e) {
        this.ctx.log(`garbage collector ${uid}: ${e instanceof Error ? e.message : String(e)}`);
        setTimeout(() => this.check(uid), 200).unref();
      }
    }
  }

  private process(uid: string): void {
    const ref = this.byUid.get(uid);
    if (!ref) return;
    const obj = this.ctx.store.getObject(ref.resource, ref.namespace, ref.name);
    if (!obj) return;
    const finalizers = obj.metadata.finalizers ?? [];
    if (obj.metadata.deletionTimestamp && finalizers.includes(ORPHAN)) return this.orphanDependents(ref, obj);
    if (obj.metadata.deletionTimestamp && finalizers.includes(FOREGROUND)) return this.deleteDependents(ref, obj);
    this.collectIfOrphaned(ref, obj);
  }

  /** A dependent whose owners are all gone is deleted; a vanished owner's reference is dropped. */
  private collectIfOrphaned(ref: Ref, obj: KubeObject): void {
    const refs = obj.metadata.ownerReferences ?? [];
    if (!refs.length || obj.metadata.deletionTimestamp) return;
    const alive = refs.filter((o) => this.byUid.has(o.uid));
    if (alive.length === refs.length) return;
    const t = this.typeOf(ref);
    if (alive.length === 0) {
      const ownerDeletingForeground = refs.some((o) => this.waitsForDependents(o.uid));
      this.ctx.api.delete(t, ref.namespace, ref.name, { propagationPolicy: ownerDeletingForeground ? 'Foreground' : 'Background' });
      return;
    }
    this.ctx.api.update(t, ref.namespace, ref.name, { ...obj, metadata: { ...obj.metadata, ownerReferences: alive } }, { fieldManager: 'kube-controller-manager' });
  }

  private deleteDependents(ref: Ref, owner: KubeObject): void {
    const deps = [...(this.dependents.get(ref.uid) ?? [])].map((d) => this.byUid.get(d)).filter((d): d is Ref => !!d);
    const blocking = deps.filter((d) => {
      const o = this.ctx.store.getObject(d.resource, d.namespace, d.name);
      return o && (o.metadata.ownerReferences ?? []).some((r) => r.uid === ref.uid && r.blockOwnerDeletion);
    });
    for (const d of deps) {
      const o = this.ctx.store.getObject(d.resource, d.namespace, d.name);
      if (o && !o.metadata.deletionTimestamp) this.ctx.api.delete(this.typeOf(d), d.namespace, d.name, { propagationPolicy: 'Foreground' });
    }
    if (blocking.length) return;
    this.removeFinalizer(ref, owner, FOREGROUND);
  }

  private orphanDependents(ref: Ref, owner: KubeObject): void {
    for (const depUid of [...(this.dependents.get(ref.uid) ?? [])]) {
      const d = this.byUid.get(depUid);
      const o = d && this.ctx.store.getObject(d.resource, d.namespace, d.name);
      if (!d || !o) continue;
      const remaining = (o.metadata.ownerReferences ?? []).filter((r) => r.uid !== ref.uid);
      const metadata = { ...o.metadata, ownerReferences: remaining.length ? remaining : undefined };
      this.ctx.api.update(this.typeOf(d), d.namespace, d.name, { ...o, metadata }, { fieldManager: 'kube-controller-manager' });
    }
    this.removeFinalizer(ref, owner, ORPHAN);
  }

  private removeFinalizer(ref: Ref, owner: KubeObject, finalizer: string): void {
    const finalizers = (owner.metadata.finalizers ?? []).filter((f) => f !== finalizer);
    const metadata = { ...owner.metadata, finalizers: finalizers.length ? finalizers : undefined };
    this.ctx.api.update(this.typeOf(ref), ref.namespace, ref.name, { ...owner, metadata }, { fieldManager: 'kube-controller-manager' });
  }

  private waitsForDependents(uid: string): boolean {
    const ref = this.byUid.get(uid);
    const o = ref && this.ctx.store.getObject(ref.resource, ref.namespace, ref.name);
    return !!o?.metadata.deletionTimestamp && (o.metadata.finalizers ?? []).includes(FOREGROUND);
  }

  private typeOf(ref: Ref) {
    const [group, plural] = ref.resource.split('/');
    return this.ctx.resource(group, plural);
  }
}
