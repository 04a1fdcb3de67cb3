import type { KubeObject } from '@flotilla/api-types';
import { networkingInfoOf } from './networking-info';

const meta = (name: string, extra: object = {}): KubeObject['metadata'] => ({ name, namespace: 'web', ...extra });

describe('networkingInfoOf', () => {
  it('gives a Service its selector as targetLabels, and its load balancer only when it is a LoadBalancer', () => {
    const status = { loadBalancer: { ingress: [{ ip: '10.0.0.9' }, { hostname: 'lb.example.com', ip: '10.0.0.8' }] } };
    const lb: KubeObject = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: meta('web'),
      spec: { type: 'LoadBalancer', selector: { app: 'web', tier: 'front' } },
      status,
    };
    expect(networkingInfoOf(lb)).toEqual({
      targetLabels: { app: 'web', tier: 'front' },
      ingress: [{ ip: '10.0.0.9' }, { hostname: 'lb.example.com' }],
    });
    const clusterIp: KubeObject = { ...lb, spec: { type: 'ClusterIP', selector: { app: 'web' } } };
    expect(networkingInfoOf(clusterIp)).toEqual({ targetLabels: { app: 'web' } });
    // A selector-less Service (its Endpoints written by hand) targets no pods.
    expect(networkingInfoOf({ apiVersion: 'v1', kind: 'Service', metadata: meta('ext'), spec: { type: 'ExternalName' } })).toEqual({});
  });

  it('gives a Pod its labels', () => {
    const pod: KubeObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: meta('web-1', { labels: { app: 'web', 'pod-template-hash': 'abc' } }),
    };
    expect(networkingInfoOf(pod)).toEqual({ labels: { app: 'web', 'pod-template-hash': 'abc' } });
  });

  it('gives a networking.k8s.io/v1 Ingress its backend Services, default backend included, its load balancer and URLs', () => {
    const ingress: KubeObject = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: meta('web'),
      spec: {
        defaultBackend: { service: { name: 'fallback', port: { number: 80 } } },
        tls: [{ hosts: ['secure.example.com', '*.wild.example.com'], secretName: 'tls' }],
        rules: [
          {
            host: 'secure.example.com',
            http: { paths: [{ path: '/api', pathType: 'Prefix', backend: { service: { name: 'api', port: { number: 80 } } } }] },
          },
          {
            host: 'plain.example.com',
            http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { name: 'http' } } } }] },
          },
          {
            host: 'a.wild.example.com',
            http: {
              paths: [
                { path: '/static/*', pathType: 'ImplementationSpecific', backend: { service: { name: 'web', port: { number: 80 } } } },
              ],
            },
          },
          { host: 'a.b.wild.example.com', http: { paths: [{ backend: { service: { name: 'web', port: { number: 80 } } } }] } },
        ],
      },
      status: { loadBalancer: { ingress: [{ ip: '192.0.2.1' }] } },
    };
    expect(networkingInfoOf(ingress)).toEqual({
      targetRefs: [
        { group: '', kind: 'Service', namespace: 'web', name: 'api' },
        { group: '', kind: 'Service', namespace: 'web', name: 'fallback' },
        { group: '', kind: 'Service', namespace: 'web', name: 'web' },
      ],
      ingress: [{ ip: '192.0.2.1' }],
      // The wildcard certificate covers one label under it, not two.
      externalURLs: [
        'http://a.b.wild.example.com',
        'http://plain.example.com/',
        'https://a.wild.example.com/static/',
        'https://secure.example.com/api',
      ],
    });
  });

  it('reads an extensions/v1beta1 Ingress, whose rule without a host answers on the load balancer', () => {
    const ingress: KubeObject = {
      apiVersion: 'extensions/v1beta1',
      kind: 'Ingress',
      metadata: meta('old'),
      spec: {
        backend: { serviceName: 'fallback', servicePort: 80 },
        rules: [{ http: { paths: [{ path: '/app', backend: { serviceName: 'app', servicePort: 80 } }] } }],
      },
      status: { loadBalancer: { ingress: [{ hostname: 'lb.example.net' }] } },
    };
    expect(networkingInfoOf(ingress)).toEqual({
      targetRefs: [
        { group: '', kind: 'Service', namespace: 'web', name: 'app' },
        { group: '', kind: 'Service', namespace: 'web', name: 'fallback' },
      ],
      ingress: [{ hostname: 'lb.example.net' }],
      externalURLs: ['http://lb.example.net/app'],
    });
  });

  it('survives an Ingress whose fields have the wrong shapes, naming nothing it cannot read', () => {
    const broken: KubeObject = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: meta('broken'),
      spec: { rules: 'nope', tls: { hosts: 1 }, defaultBackend: [] },
      status: { loadBalancer: { ingress: [null, 'x'] } },
    };
    expect(networkingInfoOf(broken)).toEqual({});
  });

  it('gives an Istio VirtualService the Services its routes name, in their namespace or its own', () => {
    const vs: KubeObject = {
      apiVersion: 'networking.istio.io/v1beta1',
      kind: 'VirtualService',
      metadata: meta('vs'),
      spec: { http: [{ route: [{ destination: { host: 'reviews' } }, { destination: { host: 'ratings.shop.svc.cluster.local' } }] }] },
    };
    expect(networkingInfoOf(vs)).toEqual({
      targetRefs: [
        { group: '', kind: 'Service', namespace: 'web', name: 'reviews' },
        { group: '', kind: 'Service', namespace: 'shop', name: 'ratings' },
      ],
    });
  });

  it('adds link annotations of any kind as external URLs, and gives other kinds nothing', () => {
    const deploy: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: meta('web', { annotations: { 'link.argocd.argoproj.io/docs': 'https://docs.example.com', other: 'x' } }),
    };
    expect(networkingInfoOf(deploy)).toEqual({ externalURLs: ['https://docs.example.com'] });
    expect(networkingInfoOf({ apiVersion: 'v1', kind: 'ConfigMap', metadata: meta('cm') })).toBeUndefined();
  });
});
