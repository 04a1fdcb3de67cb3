import type { Cluster } from '@flotilla/api-types';
import { clusterQueryFor, formatClusterDetails, formatClusterTable } from './cluster.printer';

const clusters: Cluster[] = [
  { server: 'https://kubernetes.default.svc', name: 'in-cluster', config: {}, info: { serverVersion: '1.30', connectionState: { status: 'Successful' } } },
  {
    server: 'https://127.0.0.1:6443',
    name: 'dev',
    config: { bearerToken: '********', tlsClientConfig: { caData: 'x' } },
    namespaces: ['a', 'b'],
    project: 'team',
    info: { connectionState: { status: 'Failed', message: 'connection refused' } },
  },
];

describe('cluster output', () => {
  it("lists clusters in argocd's columns", () => {
    expect(formatClusterTable(clusters)).toBe(
      [
        'SERVER                                 NAME        VERSION  STATUS      MESSAGE             PROJECT',
        'https://kubernetes.default.svc         in-cluster  1.30     Successful                      ',
        'https://127.0.0.1:6443 (2 namespaces)  dev                  Failed      connection refused  team',
        '',
      ].join('\n'),
    );
  });

  it('describes authentication without printing secrets', () => {
    const out = formatClusterDetails([clusters[1]]);
    expect(out).toContain('  Server URL:            https://127.0.0.1:6443\n');
    expect(out).toContain('  Namespaces:            a, b\n');
    expect(out).toContain('  oAuth authentication:  true\n');
    expect(out).toContain('  Cert validation:       true\n');
    expect(out).not.toContain('********');
  });

  it('reads a URL as a server and anything else as a name', () => {
    expect(clusterQueryFor('https://1.2.3.4')).toEqual({ server: 'https://1.2.3.4' });
    expect(clusterQueryFor('dev')).toEqual({ name: 'dev' });
  });
});
