// The objects of a cluster cache, indexed by resource key, by the app whose tracking id they carry,
// and by owner uid, so a change to a Pod can be traced up to the Application that owns its Deployment.
import type { KubeObject, OwnerReference } from '@flotilla/api-types';
import { trackedAppName } from '@flotilla/engine';

const MAX_OWNER_DEPTH = 8;

export class ObjectIndex {
  private readonly byKey = new Map<string, KubeObject>();
  private readonly byApp = new Map<string, Map<string, KubeObject>>();
  private readonly byUid = new Map<string, KubeObject>();
  private readonly children = new Map<string, Set<string>>();

  constructor(
    private readonly keyOf: (obj: KubeObject) => string,
    private readonly onAppChanged: (trackingName: string) => void,
    /** An object no app tracks, itself or through its owners, changed in this namespace (orphaned-resource candidates). */
    private readonly onUnmanagedChanged?: (namespace: string) => void,
  ) {}

  get size(): number {
    return this.byKey.size;
  }

  get(key: string): KubeObject | undefined {
    return this.byKey.get(key);
  }

  trackedBy(trackingName: string): KubeObject[] {
    return [...(this.byApp.get(trackingName)?.values() ?? [])];
  }

  /** The namespace's objects with no owner (the roots orphaned-resource monitoring looks at); a scan, run once per comparison. */
  topLevelIn(namespace: string): KubeObject[] {
    const out: KubeObject[] = [];
    for (const obj of this.byKey.values()) if (obj.metadata?.namespace === namespace && !obj.metadata.ownerReferences?.length) out.push(obj);
    return out;
  }

  childrenOf(uid: string): KubeObject[] {
    return [...(this.children.get(uid) ?? [])].map((c) => this.byUid.get(c)).filter((o): o is KubeObject => !!o);
  }

  upsert(obj: KubeObject): void {
    const key = this.keyOf(obj);
    const before = this.byKey.get(key);
    if (before) this.unlink(key, before);
    this.byKey.set(key, obj);
    const uid = obj.metadata?.uid;
    if (uid) this.byUid.set(uid, obj);
    for (const owner of obj.metadata?.ownerReferences ?? []) {
      if (!uid) break;
      const set = this.children.get(owner.uid) ?? new Set<string>();
      set.add(uid);
      this.children.set(owner.uid, set);
    }
    const app = trackedAppName(obj);
    if (app) {
      const objs = this.byApp.get(app) ?? new Map<string, KubeObject>();
      objs.set(key, obj);
      this.byApp.set(app, objs);
    }
    this.notify(before, obj);
  }

  remove(obj: KubeObject): void {
    const key = this.keyOf(obj);
    const before = this.byKey.get(key);
    if (!before) return;
    this.unlink(key, before);
    this.byKey.delete(key);
    if (before.metadata?.uid) this.byUid.delete(before.metadata.uid);
    this.notify(before, undefined);
  }

  private unlink(key: string, obj: KubeObject): void {
    const app = trackedAppName(obj);
    if (app) {
      const objs = this.byApp.get(app);
      objs?.delete(key);
      if (objs?.size === 0) this.byApp.delete(app);
    }
    const uid = obj.metadata?.uid;
    for (const owner of obj.metadata?.ownerReferences ?? []) {
      const set = this.children.get(owner.uid);
      if (uid) set?.delete(uid);
      if (set?.size === 0) this.children.delete(owner.uid);
    }
  }

  private notify(before: KubeObject | undefined, after: KubeObject | undefined): void {
    const apps = new Set<string>();
    const unmanagedIn = new Set<string>();
    for (const obj of [before, after]) {
      if (!obj) continue;
      const app = this.owningApp(obj);
      if (app) apps.add(app);
      else if (obj.metadata?.namespace) unmanagedIn.add(obj.metadata.namespace);
    }
    for (const app of apps) this.onAppChanged(app);
    for (const namespace of unmanagedIn) this.onUnmanagedChanged?.(namespace);
  }

  /** The app tracking obj, or the nearest tracked owner up its ownerReferences. */
  private owningApp(obj: KubeObject): string | undefined {
    let current: KubeObject | undefined = obj;
    for (let depth = 0; current && depth < MAX_OWNER_DEPTH; depth++) {
      const app = trackedAppName(current);
      if (app) return app;
      const owner: OwnerReference | undefined = current.metadata?.ownerReferences?.find((o) => o.controller) ?? current.metadata?.ownerReferences?.[0];
      current = owner ? this.byUid.get(owner.uid) : undefined;
    }
    return undefined;
  }
}
