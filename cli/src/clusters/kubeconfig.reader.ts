// `cluster add CONTEXT` reads the user's kubeconfig the way kubectl would: the named context's
// cluster (server, CA, TLS options) and user (token or client certificate).
import { KubeConfig } from '@kubernetes/client-node';
import { readFileSync } from 'node:fs';
import { CliError } from '../output/cli.error';
import { formatTable } from '../output/tab-writer';

export interface KubeContextAccess {
  context: string;
  /** A KubeConfig switched to the context, for API clients. */
  kubeConfig: KubeConfig;
  server: string;
  insecure: boolean;
  serverName?: string;
  /** Base64 PEM, as in a kubeconfig's *-data fields. */
  caData?: string;
  certData?: string;
  keyData?: string;
}

export function loadKubeConfig(path: string): KubeConfig {
  const kc = new KubeConfig();
  try {
    kc.loadFromFile(path);
  } catch (err) {
    throw new CliError(`failed to read kubeconfig ${path}: ${(err as Error).message}`);
  }
  return kc;
}

const fileAsBase64 = (file: string | undefined): string | undefined => (file ? readFileSync(file).toString('base64') : undefined);

/** The context's connection details; an unknown context is an error naming it. */
export function readKubeContext(kc: KubeConfig, contextName: string): KubeContextAccess {
  const ctx = kc.getContextObject(contextName);
  if (!ctx) throw new CliError(`context ${contextName} does not exist in kubeconfig`);
  const cluster = kc.getCluster(ctx.cluster);
  if (!cluster) throw new CliError(`cluster ${ctx.cluster} of context ${contextName} does not exist in kubeconfig`);
  const user = ctx.user ? kc.getUser(ctx.user) : null;
  const scoped = new KubeConfig();
  scoped.loadFromOptions({ clusters: kc.getClusters(), users: kc.getUsers(), contexts: kc.getContexts(), currentContext: contextName });
  return {
    context: contextName,
    kubeConfig: scoped,
    server: cluster.server,
    insecure: Boolean(cluster.skipTLSVerify),
    serverName: cluster.tlsServerName,
    caData: cluster.caData ?? fileAsBase64(cluster.caFile),
    certData: user?.certData ?? fileAsBase64(user?.certFile),
    keyData: user?.keyData ?? fileAsBase64(user?.keyFile),
  };
}

/** What argocd prints when `cluster add` gets no context: the kubeconfig's contexts to choose from. */
export function formatKubeContexts(kc: KubeConfig): string {
  const rows = kc
    .getContexts()
    .map((c) => ({ c, cluster: kc.getCluster(c.cluster) }))
    .filter(({ cluster }) => cluster)
    .sort((a, b) => a.c.name.localeCompare(b.c.name))
    .map(({ c, cluster }) => [kc.getCurrentContext() === c.name ? '*' : ' ', c.name, c.cluster, cluster!.server]);
  return formatTable([['CURRENT', 'NAME', 'CLUSTER', 'SERVER'], ...rows]);
}
