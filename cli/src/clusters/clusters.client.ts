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

  async delete(selector: string): Promise<void> {
    await this.api.call(this.api.clusters, 'Delete', queryFor(selector));
  }
}
