import type { KubeObject, ObjectMeta } from '@flotilla/api-types';
import { KubeApiError, KubeClient } from '@flotilla/platform';

export interface ResourceKind {
  apiVersion: string;
  kind: string;
}

export interface ObjectList<T> {
  items: T[];
  resourceVersion?: string;
}

/** One kind of object in one namespace of the hub: the api-server's database table. */
/** Anything stored in the hub: a typed object with a name (Application, Secret, …). */
export type NamedObject = { apiVersion?: string; kind?: string; metadata: ObjectMeta & { name: string } };

/** What this process last wrote to one object: the version the hub answered, or that it deleted it. */
export interface OwnWrite {
  version?: string;
  deleted: boolean;
}

export class KubeResourceStore<T extends NamedObject> {
  /**
   * This process's writes a cache of the kind may not have seen yet, by name: a cache answers a list
   * in their place only once it shows each of them (read-your-writes), and drops them then.
   */
  readonly ownWrites = new Map<string, OwnWrite>();

  constructor(
    private readonly kube: KubeClient,
    private readonly type: ResourceKind,
    readonly namespace: string,
  ) {}

  /** The object, or undefined when it does not exist. */
  async get(name: string): Promise<T | undefined> {
    try {
      return await this.kube.get<T>({ ...this.type, metadata: { name, namespace: this.namespace } });
    } catch (err) {
      if (err instanceof KubeApiError && err.code === 404) return undefined;
      throw err;
    }
  }

  async list(labelSelector?: string): Promise<ObjectList<T>> {
    const list = await this.kube.list(this.type.apiVersion, this.type.kind, { namespace: this.namespace, labelSelector });
    return { items: list.items as T[], resourceVersion: list.metadata?.resourceVersion };
  }

  async create(obj: T, opts: { dryRun?: boolean } = {}): Promise<T> {
    const created = (await this.kube.create(this.withIdentity(obj), opts)) as T;
    if (!opts.dryRun) this.wrote(created);
    return created;
  }

  /** Replaces the object; fails with 409 Conflict when `metadata.resourceVersion` is stale. */
  async replace(obj: T): Promise<T> {
    return this.wrote((await this.kube.replace(this.withIdentity(obj))) as T);
  }

  async mergePatch(name: string, patch: Record<string, unknown>): Promise<T> {
    return this.wrote(await this.kube.patch<T>({ ...this.type, metadata: { name, namespace: this.namespace } }, patch, 'merge'));
  }

  async delete(name: string): Promise<void> {
    const answer = (await this.kube.delete({ ...this.type, metadata: { name, namespace: this.namespace } })) as Partial<T> | undefined;
    // An object with finalizers stays, marked for deletion, at a new version; otherwise it is gone.
    const kept = answer?.metadata?.deletionTimestamp && answer.metadata.name === name ? answer.metadata.resourceVersion : undefined;
    this.ownWrites.set(name, kept ? { version: kept, deleted: false } : { deleted: true });
  }

  private wrote(obj: T): T {
    this.ownWrites.set(obj.metadata.name, { version: obj.metadata.resourceVersion, deleted: false });
    return obj;
  }

  private withIdentity(obj: T): KubeObject {
    return {
      ...obj,
      apiVersion: this.type.apiVersion,
      kind: this.type.kind,
      metadata: { ...obj.metadata, namespace: this.namespace },
    };
  }
}
