// `cluster list` / `cluster get` output, as argocd prints clusters.
import type { Cluster } from '@flotilla/api-types';
import { formatTable } from '../output/tab-writer';

const connectionOf = (c: Cluster) => c.info?.connectionState ?? c.connectionState;

export function formatClusterTable(clusters: readonly Cluster[]): string {
  const rows = clusters.map((c) => [
    c.namespaces?.length ? `${c.server} (${c.namespaces.length} namespaces)` : c.server,
    c.name,
    c.info?.serverVersion ?? '',
    connectionOf(c)?.status ?? '',
    connectionOf(c)?.message ?? '',
    c.project ?? '',
  ]);
  return formatTable([['SERVER', 'NAME', 'VERSION', 'STATUS', 'MESSAGE', 'PROJECT'], ...rows]);
}

export const formatClusterServers = (clusters: readonly Cluster[]): string => clusters.map((c) => `${c.server}\n`).join('');

/** `cluster get -o wide`: what the cluster is and how Flotilla authenticates to it, never the secrets. */
export function formatClusterDetails(clusters: readonly Cluster[]): string {
  return clusters
    .map((c) => {
      const cfg = c.config ?? {};
      const tls = cfg.tlsClientConfig ?? {};
      return [
        'Cluster information\n\n',
        `  Server URL:            ${c.server}\n`,
        `  Server Name:           ${c.name || '-'}\n`,
        `  Server Version:        ${c.info?.serverVersion ?? ''}\n`,
        `  Namespaces:            ${c.namespaces?.length ? c.namespaces.join(', ') : 'all namespaces'}\n`,
        '\nTLS configuration\n\n',
        `  Client cert:           ${Boolean(tls.certData)}\n`,
        `  Cert validation:       ${!tls.insecure}\n`,
        '\nAuthentication\n\n',
        `  Basic authentication:  ${Boolean(cfg.username)}\n`,
        `  oAuth authentication:  ${Boolean(cfg.bearerToken)}\n`,
        `  AWS authentication:    ${Boolean(cfg.awsAuthConfig)}\n`,
        `\nDisable compression: ${Boolean(cfg.disableCompression)}\n`,
        `\nUse proxy: ${Boolean(cfg.proxyUrl)}\n\n`,
      ].join('');
    })
    .join('');
}

/** argocd's rule: an `http(s)://` argument names a server URL, anything else a cluster name. */
export const clusterQueryFor = (selector: string): { server?: string; name?: string } => (/^https?:\/\//.test(selector) ? { server: selector } : { name: selector });
