// The Cluster `cluster add` registers, built like argocd's NewCluster from the kubeconfig context.
import type { Cluster } from '@flotilla/api-types';
import { IN_CLUSTER_SERVER } from '@flotilla/api-types';
import type { KubeContextAccess } from './kubeconfig.reader';

export interface ClusterOptions {
  name?: string;
  inCluster?: boolean;
  namespace?: string[];
  clusterResources?: boolean;
  project?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

/** The kubeconfig's TLS settings and the manager's token, under the context's (or --name's) name. */
export function clusterFor(access: KubeContextAccess, token: string, opts: ClusterOptions): Cluster {
  const tls = {
    ...(access.insecure ? { insecure: true } : {}),
    ...(access.serverName ? { serverName: access.serverName } : {}),
    ...(access.caData ? { caData: access.caData } : {}),
    ...(access.certData ? { certData: access.certData } : {}),
    ...(access.keyData ? { keyData: access.keyData } : {}),
  };
  // With a client certificate in the kubeconfig argocd keeps using it; otherwise the manager's token.
  const useToken = !access.certData || !access.keyData;
  return {
    server: opts.inCluster ? IN_CLUSTER_SERVER : access.server,
    name: opts.name ?? access.context,
    config: { ...(useToken ? { bearerToken: token } : {}), tlsClientConfig: tls },
    ...(opts.namespace?.length ? { namespaces: opts.namespace, clusterResources: Boolean(opts.clusterResources) } : {}),
    ...(opts.project ? { project: opts.project } : {}),
    ...(Object.keys(opts.labels).length ? { labels: opts.labels } : {}),
    ...(Object.keys(opts.annotations).length ? { annotations: opts.annotations } : {}),
  };
}
