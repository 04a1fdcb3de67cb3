import { stringify } from 'yaml';

/** What a kubeconfig needs to reach one simulated cluster. */
export interface ClusterAccess {
  name: string;
  url: string;
  /** Base64 PEM of the cluster CA; absent for plain HTTP. */
  caData?: string;
  token?: string;
  clientCertificateData?: string;
  clientKeyData?: string;
  insecure?: boolean;
}

/** A kubeconfig with one cluster, user and context per entry, each named after the cluster. */
export function renderKubeconfig(clusters: ClusterAccess[], currentContext = clusters[0]?.name): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    preferences: {},
    'current-context': currentContext,
    clusters: clusters.map((c) => ({
      name: c.name,
      cluster: {
        server: c.url,
        ...(c.insecure ? { 'insecure-skip-tls-verify': true } : c.caData ? { 'certificate-authority-data': c.caData } : {}),
      },
    })),
    users: clusters.map((c) => ({
      name: c.name,
      user: {
        ...(c.token ? { token: c.token } : {}),
        ...(c.clientCertificateData ? { 'client-certificate-data': c.clientCertificateData, 'client-key-data': c.clientKeyData } : {}),
      },
    })),
    contexts: clusters.map((c) => ({ name: c.name, context: { cluster: c.name, user: c.name } })),
  });
}
