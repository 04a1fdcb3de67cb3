import { KubeConfig } from '@kubernetes/client-node';
import type { Cluster } from '@flotilla/api-types';
import { KubeClient } from './kube.client';

/** A client from a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config), on a context if given. */
export function kubeClientFromKubeconfig(path?: string, context?: string): KubeClient {
  const kc = new KubeConfig();
  try {
    if (path) kc.loadFromFile(path);
    else kc.loadFromDefault();
  } catch (err) {
    throw new Error(`cannot read kubeconfig ${path ?? '(default)'}: ${(err as Error).message}`);
  }
  if (context) {
    if (!kc.getContextObject(context)) throw new Error(`kubeconfig ${path ?? '(default)'} has no context "${context}"`);
    kc.setCurrentContext(context);
  }
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new Error(`kubeconfig ${path ?? '(default)'} has no current context with a cluster`);
  return new KubeClient(kc, kc.getCurrentContext() || cluster.name);
}

/** A client from a kubeconfig held in memory. */
export function kubeClientFromKubeconfigString(kubeconfig: string, context?: string): KubeClient {
  const kc = new KubeConfig();
  kc.loadFromString(kubeconfig);
  if (context) kc.setCurrentContext(context);
  return new KubeClient(kc, kc.getCurrentContext());
}

/** The pod's own cluster through its ServiceAccount token. */
export function kubeClientInCluster(): KubeClient {
  const kc = new KubeConfig();
  kc.loadFromCluster();
  return new KubeClient(kc, 'in-cluster');
}

/**
 * A client for an Argo CD cluster (from a cluster Secret): bearer token or basic auth, TLS client
 * config with base64 PEM data, or an exec credential plugin.
 */
export function kubeClientForCluster(cluster: Pick<Cluster, 'name' | 'server' | 'config'>): KubeClient {
  const { config } = cluster;
  const tls = config.tlsClientConfig ?? {};
  const name = cluster.name || cluster.server;
  const kc = new KubeConfig();
  const exec = config.execProviderConfig;
  kc.loadFromOptions({
    clusters: [
      {
        name,
        server: cluster.server,
        skipTLSVerify: tls.insecure ?? false,
        ...(tls.caData ? { caData: tls.caData } : {}),
        ...(tls.serverName ? { tlsServerName: tls.serverName } : {}),
      },
    ],
    users: [
      {
        name,
        ...(config.bearerToken ? { token: config.bearerToken } : {}),
        ...(config.username ? { username: config.username, password: config.password ?? '' } : {}),
        ...(tls.certData ? { certData: tls.certData } : {}),
        ...(tls.keyData ? { keyData: tls.keyData } : {}),
        ...(exec
          ? {
              exec: {
                command: exec.command,
                args: exec.args ?? [],
                env: Object.entries(exec.env ?? {}).map(([n, value]) => ({ name: n, value })),
                apiVersion: exec.apiVersion,
                installHint: exec.installHint,
              },
            }
          : {}),
      },
    ],
    contexts: [{ name, cluster: name, user: name }],
    currentContext: name,
  });
  return new KubeClient(kc, name);
}
