// Argo CD's cluster model: a Secret labelled argocd.argoproj.io/secret-type=cluster holds `name`,
// `server`, `config` (JSON below), optional `namespaces`, `project`, `clusterResources`.
// https://argo-cd.readthedocs.io/en/stable/operator-manual/declarative-setup/#clusters

/** The `config` key of a cluster Secret: how to reach and authenticate to the cluster. */
export interface ClusterConfig {
  username?: string;
  password?: string;
  bearerToken?: string;
  tlsClientConfig?: TlsClientConfig;
  awsAuthConfig?: { clusterName?: string; roleARN?: string; profile?: string };
  execProviderConfig?: ExecProviderConfig;
  /** Non-empty when the hub reaches this cluster through a proxy. */
  proxyUrl?: string;
  disableCompression?: boolean;
}

export interface TlsClientConfig {
  insecure?: boolean;
  serverName?: string;
  /** Base64 PEM, as in a kubeconfig's *-data fields. */
  caData?: string;
  certData?: string;
  keyData?: string;
}

/** An exec credential plugin (client.authentication.k8s.io), as in a kubeconfig's user.exec. */
export interface ExecProviderConfig {
  command: string;
  args?: string[];
  env?: Record<string, string>;
  apiVersion: string;
  installHint?: string;
}

export type ConnectionStatus = 'Successful' | 'Failed' | 'Unknown';

/** A cluster as the API and CLI show it (Argo's v1alpha1.Cluster). */
export interface Cluster {
  /** Cluster Secret's name, when the cluster comes from a Secret. */
  id?: string;
  server: string;
  name: string;
  config: ClusterConfig;
  namespaces?: string[];
  clusterResources?: boolean;
  project?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  connectionState?: { status: ConnectionStatus; message?: string; attemptedAt?: string };
  info?: {
    serverVersion?: string;
    applicationsCount?: number;
    cacheInfo?: { resourcesCount?: number; apisCount?: number; lastCacheSyncTime?: string };
    connectionState?: { status: ConnectionStatus; message?: string; attemptedAt?: string };
  };
}

/** The hub cluster as Argo names it: Applications deploying to the cluster Flotilla runs in. */
export const IN_CLUSTER_SERVER = 'https://kubernetes.default.svc';
export const IN_CLUSTER_NAME = 'in-cluster';
