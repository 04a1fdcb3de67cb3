import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { ClusterAccess } from '@flotilla/kube-sim';

/** Where `../shared/realcluster/realcluster.sh` writes its kubeconfig, unless FLOTILLA_REAL_KUBECONFIG says otherwise. */
export function realKubeconfigPath(): string {
  return process.env.FLOTILLA_REAL_KUBECONFIG || '/var/tmp/realcluster/kubeconfig';
}

interface Kubeconfig {
  'current-context'?: string;
  contexts?: Array<{ name: string; context: { cluster: string; user: string } }>;
  clusters?: Array<{ name: string; cluster: { server: string; 'certificate-authority-data'?: string; 'insecure-skip-tls-verify'?: boolean } }>;
  users?: Array<{ name: string; user: { token?: string; 'client-certificate-data'?: string; 'client-key-data'?: string } }>;
}

/** The real cluster's address and credentials from its kubeconfig (current context), named `name`. */
export function realClusterAccess(name: string, path = realKubeconfigPath()): ClusterAccess {
  if (!existsSync(path)) throw new Error(`no real cluster: ${path} does not exist (run 'npm run e2e:real', which builds and starts ../shared/realcluster)`);
  const kc = parse(readFileSync(path, 'utf8')) as Kubeconfig;
  const context = kc.contexts?.find((c) => c.name === kc['current-context']) ?? kc.contexts?.[0];
  const cluster = kc.clusters?.find((c) => c.name === context?.context.cluster)?.cluster;
  const user = kc.users?.find((u) => u.name === context?.context.user)?.user;
  if (!cluster || !user) throw new Error(`${path}: its current context names no cluster or user`);
  return {
    name,
    url: cluster.server,
    caData: cluster['certificate-authority-data'],
    token: user.token,
    clientCertificateData: user['client-certificate-data'],
    clientKeyData: user['client-key-data'],
    insecure: cluster['insecure-skip-tls-verify'],
  };
}
