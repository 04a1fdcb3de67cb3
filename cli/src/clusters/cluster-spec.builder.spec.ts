import { KubeConfig } from '@kubernetes/client-node';
import { clusterFor } from './cluster-spec.builder';
import type { KubeContextAccess } from './kubeconfig.reader';

const access = (extra: Partial<KubeContextAccess> = {}): KubeContextAccess => ({
  context: 'dev',
  kubeConfig: new KubeConfig(),
  server: 'https://127.0.0.1:6443',
  insecure: false,
  caData: 'Q0E=',
  ...extra,
});
const base = { labels: {}, annotations: {} };

describe('the Cluster cluster add registers', () => {
  it("carries the manager's token, the CA, and the context name, labels and annotations", () => {
    expect(clusterFor(access(), 'sa-token', { ...base, labels: { env: 'dev' }, annotations: { team: 'web' } })).toEqual({
      server: 'https://127.0.0.1:6443',
      name: 'dev',
      config: { bearerToken: 'sa-token', tlsClientConfig: { caData: 'Q0E=' } },
      labels: { env: 'dev' },
      annotations: { team: 'web' },
    });
  });

  it('honours --name, --in-cluster and --namespace', () => {
    const cluster = clusterFor(access(), 't', { ...base, name: 'development', inCluster: true, namespace: ['a'], clusterResources: true });
    expect(cluster).toMatchObject({ server: 'https://kubernetes.default.svc', name: 'development', namespaces: ['a'], clusterResources: true });
  });

  it('keeps a client certificate from the kubeconfig instead of the token, as argocd does', () => {
    const cluster = clusterFor(access({ certData: 'Y2VydA==', keyData: 'a2V5', insecure: true }), 't', base);
    expect(cluster.config).toEqual({ tlsClientConfig: { insecure: true, caData: 'Q0E=', certData: 'Y2VydA==', keyData: 'a2V5' } });
  });
});
