import type { Cluster } from '@flotilla/api-types';
import { clusterFromSecret, clusterToSecret, sameCluster, sanitizeCluster } from './cluster-secret.codec';

const cluster: Cluster = {
  server: 'https://kube.example:6443',
  name: 'prod',
  namespaces: ['a', 'b'],
  project: 'team',
  clusterResources: true,
  labels: { env: 'prod' },
  annotations: { owner: 'ops' },
  config: {
    bearerToken: 'token-123',
    password: 'pw',
    tlsClientConfig: { insecure: false, serverName: 'kube', caData: 'Q0E=', certData: 'Q0VSVA==', keyData: 'S0VZ' },
    execProviderConfig: { command: 'aws', args: ['--key=secret'], env: { AWS_SECRET: 'x' }, apiVersion: 'client.authentication.k8s.io/v1' },
    proxyUrl: 'http://proxy:3128',
  },
};

describe('cluster Secrets', () => {
  it("round-trips a cluster through Argo CD's Secret layout", () => {
    const secret = clusterToSecret(cluster, 'argocd');
    expect(secret.metadata).toMatchObject({
      namespace: 'argocd',
      labels: { env: 'prod', 'argocd.argoproj.io/secret-type': 'cluster' },
      annotations: { owner: 'ops', 'managed-by': 'argocd.argoproj.io' },
    });
    expect(secret.metadata.name).toMatch(/^cluster-kube\.example-\d+$/);
    const data = Object.fromEntries(Object.entries(secret.data ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64').toString()]));
    expect(data).toMatchObject({ server: cluster.server, name: 'prod', namespaces: 'a,b', project: 'team', clusterResources: 'true' });
    expect(clusterFromSecret(secret)).toEqual({ ...cluster, id: secret.metadata.name });
  });

  it('names an unnamed cluster after its server, and rejects a broken config', () => {
    expect(clusterFromSecret(clusterToSecret({ server: 'https://x', name: '', config: {} }, 'argocd')).name).toBe('https://x');
    const broken = clusterToSecret(cluster, 'argocd');
    broken.data = { ...broken.data, config: Buffer.from('{nope').toString('base64') };
    expect(() => clusterFromSecret(broken)).toThrow('config is not valid JSON');
  });

  it('sanitizes like Argo CD: no credentials, keys, CA or exec plugin', () => {
    const shown = sanitizeCluster(cluster);
    expect(shown.config).toEqual({ proxyUrl: 'http://proxy:3128', tlsClientConfig: { insecure: false, serverName: 'kube' } });
    expect(JSON.stringify(shown)).not.toMatch(/token-123|S0VZ|secret|AWS_SECRET/);
  });

  it('compares clusters ignoring key order', () => {
    const reordered = {
      ...cluster,
      config: {
        tlsClientConfig: cluster.config.tlsClientConfig,
        proxyUrl: 'http://proxy:3128',
        execProviderConfig: cluster.config.execProviderConfig,
        password: 'pw',
        bearerToken: 'token-123',
      },
    };
    expect(sameCluster(cluster, reordered)).toBe(true);
    expect(sameCluster(cluster, { ...cluster, labels: { env: 'dev' } })).toBe(false);
  });
});
