// Argo CD's cluster Secret layout (util/db/cluster.go): data.name, data.server, data.config (JSON),
// data.namespaces (comma-separated), data.clusterResources ("true"). Only decoding: the controller never writes them.
import { IN_CLUSTER_NAME, IN_CLUSTER_SERVER, type Cluster, type ClusterConfig, type KubeObject } from '@flotilla/api-types';

export interface SecretObject extends KubeObject {
  data?: Record<string, string>;
}

/** A Secret's data, base64-decoded. */
export const decodeSecretData = (secret: SecretObject): Record<string, string> =>
  Object.fromEntries(Object.entries(secret.data ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64').toString('utf8')]));

/** Servers compare without trailing slashes, as Argo normalizes them. */
export const normalizeServer = (server: string): string => server.trim().replace(/\/+$/, '');

/** The cluster a Secret describes; throws, naming the Secret, when it has no server or its config is not JSON. */
export function clusterFromSecret(secret: SecretObject): Cluster {
  const data = decodeSecretData(secret);
  const secretName = secret.metadata?.name ?? '(unnamed)';
  if (!data.server) throw new Error(`cluster Secret ${secretName} has no server`);
  let config: ClusterConfig = {};
  if (data.config) {
    try {
      config = JSON.parse(data.config) as ClusterConfig;
    } catch {
      throw new Error(`cluster Secret ${secretName}: config is not valid JSON`);
    }
  }
  const namespaces = (data.namespaces ?? '')
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  return {
    id: secretName,
    server: normalizeServer(data.server),
    name: data.name || data.server,
    config,
    ...(namespaces.length ? { namespaces } : {}),
    ...(data.clusterResources === 'true' ? { clusterResources: true } : {}),
  };
}

/** The hub, which Argo CD serves as `in-cluster` even when no Secret describes it. */
export const inClusterCluster = (): Cluster => ({ server: IN_CLUSTER_SERVER, name: IN_CLUSTER_NAME, config: {} });
