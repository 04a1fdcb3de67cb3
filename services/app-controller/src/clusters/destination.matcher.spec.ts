import type { Cluster } from '@flotilla/api-types';
import { clusterFromSecret } from './cluster-secret.codec';
import { knownClusters, matchDestination } from './destination.matcher';

const b64 = (s: string): string => Buffer.from(s).toString('base64');
const spoke = (name: string, server: string): Cluster => ({ name, server, config: {} });

describe('matchDestination', () => {
  const clusters = knownClusters([spoke('east', 'https://east.example.com'), spoke('west', 'https://west.example.com'), spoke('dup', 'https://a'), spoke('dup', 'https://b')]);

  it('finds a cluster by server, ignoring a trailing slash', () => {
    expect(matchDestination({ server: 'https://east.example.com/' }, clusters).cluster?.name).toBe('east');
  });

  it('finds a cluster by name, and the hub as in-cluster', () => {
    expect(matchDestination({ name: 'west' }, clusters).cluster?.server).toBe('https://west.example.com');
    expect(matchDestination({ name: 'in-cluster' }, clusters).cluster?.server).toBe('https://kubernetes.default.svc');
    expect(matchDestination({ server: 'https://kubernetes.default.svc' }, clusters).cluster?.name).toBe('in-cluster');
  });

  it('names the cluster it cannot find', () => {
    expect(matchDestination({ server: 'https://gone.example.com' }, clusters).error).toBe(
      'cluster "https://gone.example.com" is not configured: no cluster Secret has server https://gone.example.com',
    );
    expect(matchDestination({ name: 'north' }, clusters).error).toBe('there are no clusters with this name: north');
  });

  it('refuses ambiguous names, both name and server, and neither', () => {
    expect(matchDestination({ name: 'dup' }, clusters).error).toBe('there are 2 clusters with the same name: [https://a https://b]');
    expect(matchDestination({ name: 'east', server: 'https://east.example.com' }, clusters).error).toMatch(/can't have both name and server/);
    expect(matchDestination({ namespace: 'x' }, clusters).error).toBe('Destination server missing from app spec');
  });

  it('lets a Secret for the hub rename in-cluster', () => {
    const renamed = knownClusters([spoke('hub', 'https://kubernetes.default.svc')]);
    expect(renamed).toHaveLength(1);
    expect(matchDestination({ name: 'in-cluster' }, renamed).error).toBeDefined();
    expect(matchDestination({ name: 'hub' }, renamed).cluster?.server).toBe('https://kubernetes.default.svc');
  });
});

describe('clusterFromSecret', () => {
  it('decodes name, server, config, namespaces and clusterResources', () => {
    const secret = {
      metadata: { name: 'cluster-east' },
      data: {
        name: b64('east'),
        server: b64('https://east.example.com/'),
        config: b64(JSON.stringify({ bearerToken: 't', tlsClientConfig: { insecure: true } })),
        namespaces: b64('a, b'),
        clusterResources: b64('true'),
      },
    };
    expect(clusterFromSecret(secret)).toEqual({
      id: 'cluster-east',
      name: 'east',
      server: 'https://east.example.com',
      config: { bearerToken: 't', tlsClientConfig: { insecure: true } },
      namespaces: ['a', 'b'],
      clusterResources: true,
    });
  });

  it('names the Secret whose config is not JSON', () => {
    expect(() => clusterFromSecret({ metadata: { name: 'bad' }, data: { server: b64('https://x'), config: b64('{') } })).toThrow('cluster Secret bad: config is not valid JSON');
  });
});
