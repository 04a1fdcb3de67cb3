import { Cluster, ClusterConfig, IN_CLUSTER_NAME, IN_CLUSTER_SERVER, SECRET_TYPE_CLUSTER, SECRET_TYPE_LABEL } from '@flotilla/api-types';
import {
  decodeSecretData,
  encodeSecretData,
  KubeSecret,
  LAST_APPLIED_ANNOTATION,
  MANAGED_BY_ANNOTATION,
  MANAGED_BY_ARGOCD,
} from '../secrets/kube-secret';
import { uriToSecretName } from '../secrets/secret-name';
import { canonicalJson } from '../hub/object-equality';

// Argo CD's cluster Secret layout (util/db/cluster.go): name, server, config JSON, namespaces,
// project, clusterResources; the user's labels and annotations on the Secret itself.

/** The cluster a Secret describes; throws when its config is not JSON. */
export function clusterFromSecret(secret: KubeSecret): Cluster {
  const data = decodeSecretData(secret);
  let config: ClusterConfig = {};
  if (data.config) {
    try {
      config = JSON.parse(data.config) as ClusterConfig;
    } catch {
      throw new Error(`cluster Secret ${secret.metadata.name}: config is not valid JSON`);
    }
  }
  const labels = { ...secret.metadata.labels };
  delete labels[SECRET_TYPE_LABEL];
  const annotations = { ...secret.metadata.annotations };
  delete annotations[LAST_APPLIED_ANNOTATION];
  delete annotations[MANAGED_BY_ANNOTATION];
  return {
    id: secret.metadata.name,
    server: (data.server ?? '').replace(/\/+$/, ''),
    name: data.name ?? '',
    config,
    ...(data.namespaces
      ? {
          namespaces: data.namespaces
            .split(',')
            .map((n) => n.trim())
            .filter(Boolean),
        }
      : {}),
    ...(data.clusterResources === 'true' ? { clusterResources: true } : {}),
    ...(data.project ? { project: data.project } : {}),
    ...(Object.keys(labels).length ? { labels } : {}),
    ...(Object.keys(annotations).length ? { annotations } : {}),
  };
}

/** The Secret Argo CD would write for a cluster; its name derives from the server URL. */
export function clusterToSecret(cluster: Cluster, namespace: string, name = uriToSecretName('cluster', cluster.server)): KubeSecret {
  const data: Record<string, string> = {
    server: cluster.server,
    name: cluster.name || cluster.server,
    config: JSON.stringify(cluster.config ?? {}),
  };
  if (cluster.namespaces?.length) data.namespaces = cluster.namespaces.join(',');
  if (cluster.clusterResources) data.clusterResources = 'true';
  if (cluster.project) data.project = cluster.project;
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name,
      namespace,
      labels: { ...cluster.labels, [SECRET_TYPE_LABEL]: SECRET_TYPE_CLUSTER },
      annotations: { ...cluster.annotations, [MANAGED_BY_ANNOTATION]: MANAGED_BY_ARGOCD },
    },
    type: 'Opaque',
    data: encodeSecretData(data),
  };
}

/** The hub itself, which Argo CD lists even when no Secret describes it. */
export const inClusterCluster = (): Cluster => ({
  server: IN_CLUSTER_SERVER,
  name: IN_CLUSTER_NAME,
  config: { tlsClientConfig: { insecure: false } },
});

/**
 * What the API may show of a cluster (Argo's Cluster.Sanitized): credentials, client keys and the
 * exec plugin (whose args and env may hold secrets) are left out.
 */
export function sanitizeCluster(cluster: Cluster): Cluster {
  // The Secret's name (id) is internal, as Argo's Cluster.ID is `json:"-"`.
  const { config, id: _id, ...rest } = cluster;
  const tls = config.tlsClientConfig;
  return {
    ...rest,
    config: {
      ...(config.awsAuthConfig ? { awsAuthConfig: config.awsAuthConfig } : {}),
      ...(config.proxyUrl ? { proxyUrl: config.proxyUrl } : {}),
      ...(config.disableCompression ? { disableCompression: true } : {}),
      tlsClientConfig: { insecure: tls?.insecure ?? false, ...(tls?.serverName ? { serverName: tls.serverName } : {}) },
    },
  };
}

/** Argo's Cluster.Equals: what decides whether re-adding a cluster changes it. */
export function sameCluster(a: Cluster, b: Cluster): boolean {
  const canon = (c: Cluster): string =>
    canonicalJson([
      c.server,
      c.name || c.server,
      (c.namespaces ?? []).join(','),
      !!c.clusterResources,
      c.project ?? '',
      c.config ?? {},
      c.labels ?? {},
      c.annotations ?? {},
    ]);
  return canon(a) === canon(b);
}
