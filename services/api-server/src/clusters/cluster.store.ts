import { Cluster, IN_CLUSTER_SERVER, SECRET_TYPE_CLUSTER, SECRET_TYPE_LABEL } from '@flotilla/api-types';
import type { KubeResourceStore } from '../hub/kube-resource.store';
import type { KubeSecret } from '../secrets/kube-secret';
import { clusterFromSecret, inClusterCluster } from './cluster-secret.codec';

/** A known cluster and the Secret it comes from (none for the implicit in-cluster hub). */
export interface StoredCluster {
  cluster: Cluster;
  secret?: KubeSecret;
}

/** Clusters as Argo CD knows them: cluster Secrets, plus the hub itself when no Secret names it. */
export class ClusterStore {
  constructor(private readonly secrets: KubeResourceStore<KubeSecret>) {}

  async all(): Promise<StoredCluster[]> {
    const { items } = await this.secrets.list(`${SECRET_TYPE_LABEL}=${SECRET_TYPE_CLUSTER}`);
    const stored: StoredCluster[] = [];
    for (const secret of items) {
      try {
        stored.push({ cluster: clusterFromSecret(secret), secret });
      } catch {
        // A Secret with a broken config is not a usable cluster; Argo CD skips it the same way.
      }
    }
    stored.sort((a, b) => a.cluster.name.localeCompare(b.cluster.name));
    if (!stored.some((s) => s.cluster.server === IN_CLUSTER_SERVER)) stored.unshift({ cluster: inClusterCluster() });
    return stored;
  }

  async byServer(server: string): Promise<StoredCluster | undefined> {
    const wanted = server.replace(/\/+$/, '');
    return (await this.all()).find((s) => s.cluster.server === wanted);
  }

  async byName(name: string): Promise<StoredCluster | undefined> {
    return (await this.all()).find((s) => s.cluster.name === name);
  }

  get namespace(): string {
    return this.secrets.namespace;
  }

  create(secret: KubeSecret): Promise<KubeSecret> {
    return this.secrets.create(secret);
  }

  replace(secret: KubeSecret): Promise<KubeSecret> {
    return this.secrets.replace(secret);
  }

  delete(name: string): Promise<void> {
    return this.secrets.delete(name);
  }
}
