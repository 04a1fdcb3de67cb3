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

export class KubeResourceStore<T extends NamedObject> {
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
    return (await this.kube.create(this.withIdentity(obj), opts)) as T;
  }

  /** Replaces the object; fails with 409 Conflict when `metadata.resourceVersion` is stale. */
  async replace(obj: T): Promise<T> {
    return (await this.kube.replace(this.withIdentity(obj))) as T;
  }

  async mergePatch(name: string, patch: Record<string, unknown>): Promise<T> {
    return await this.kube.patch<T>({ ...this.type, metadata: { name, namespace: this.namespace } }, patch, 'merge');
  }

  async delete(name: string): Promise<void> {
    await this.kube.delete({ ...this.type, metadata: { name, namespace: this.namespace } });
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
