// ClusterService calls with typed Clusters instead of JSON on the wire.
import type { Cluster } from '@flotilla/api-types';
import { fromJsonObject, toJsonObject } from '@flotilla/contracts';
import type { ApiClient } from '../api/api.client';
import { clusterQueryFor } from './cluster.printer';

/** Both spellings of the query: server/name as argocd sends them, and the id the REST route carries. */
const queryFor = (selector: string) => {
  const q = clusterQueryFor(selector);
  return { ...q, id: q.server ? { type: 'url', value: q.server } : { type: 'name', value: q.name } };
};

export class ClustersClient {
  constructor(private readonly api: ApiClient) {}

  async list(): Promise<Cluster[]> {
    const res = await this.api.call(this.api.clusters, 'List', {});
    return (res.items ?? []).map((item) => fromJsonObject<Cluster>(item, 'items'));
  }

  async get(selector: string): Promise<Cluster> {
    return fromJsonObject<Cluster>(await this.api.call(this.api.clusters, 'Get', queryFor(selector)), 'cluster');
  }

  async create(cluster: Cluster, upsert: boolean): Promise<Cluster> {
    return fromJsonObject<Cluster>(await this.api.call(this.api.clusters, 'Create', { cluster: toJsonObject(cluster), upsert }), 'cluster');
  }

  /** Argo's ClusterUpdateRequest: only `updatedFields` of `cluster` change, on the cluster named `name`. */
  async update(name: string, cluster: Partial<Cluster>, updatedFields: string[]): Promise<Cluster> {
    const res = await this.api.call(this.api.clusters, 'Update', { cluster: toJsonObject(cluster), updatedFields, id: { type: 'name', value: name } });
    return fromJsonObject<Cluster>(res, 'cluster');
  }

  async rotateAuth(selector: string): Promise<void> {
    await this.api.call(this.api.clusters, 'RotateAuth', queryFor(selector));
  }

  async delete(selector: string): Promise<void> {
    await this.api.call(this.api.clusters, 'Delete', queryFor(selector));
  }
}
