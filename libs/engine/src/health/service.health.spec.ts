// Service and Ingress health by their load balancers, as gitops-engine's getCorev1ServiceHealth and
// getIngressHealth read them.
import type { HealthStatus, KubeObject } from '@flotilla/api-types';
import { assessHealth } from './health.registry';

const service = (type: string | undefined, ingress?: unknown, apiVersion = 'v1'): KubeObject => ({
  apiVersion,
  kind: 'Service',
  metadata: { name: 'web', namespace: 'shop' },
  spec: { ...(type ? { type } : {}), ports: [{ port: 80 }] },
  status: ingress === undefined ? {} : { loadBalancer: { ingress } },
});

const ingress = (apiVersion: string, lb?: unknown): KubeObject => ({
  apiVersion,
  kind: 'Ingress',
  metadata: { name: 'web', namespace: 'shop' },
  spec: { rules: [{ host: 'shop.example.com' }] },
  status: lb === undefined ? {} : { loadBalancer: { ingress: lb } },
});

const cases: [string, KubeObject, HealthStatus][] = [
  ['ClusterIP', service('ClusterIP'), { status: 'Healthy' }],
  ['no type (ClusterIP)', service(undefined), { status: 'Healthy' }],
  ['NodePort', service('NodePort'), { status: 'Healthy' }],
  ['LoadBalancer without an address', service('LoadBalancer'), { status: 'Progressing' }],
  ['LoadBalancer with an empty list', service('LoadBalancer', []), { status: 'Progressing' }],
  ['LoadBalancer with an address', service('LoadBalancer', [{ ip: '203.0.113.7' }]), { status: 'Healthy' }],
  ['LoadBalancer with a host name', service('LoadBalancer', [{ hostname: 'lb.example.com' }]), { status: 'Healthy' }],
  ['Service of a version Argo does not convert', service('ClusterIP', undefined, 'v2'), { status: 'Unknown', message: 'unsupported Service GVK: /v2, Kind=Service' }],
  ['Ingress without an address', ingress('networking.k8s.io/v1'), { status: 'Progressing' }],
  ['Ingress with an address', ingress('networking.k8s.io/v1', [{ ip: '203.0.113.8' }]), { status: 'Healthy' }],
  ['Ingress with an empty list', ingress('networking.k8s.io/v1', []), { status: 'Progressing' }],
  ['extensions Ingress with an address', ingress('extensions/v1beta1', [{ hostname: 'lb.example.com' }]), { status: 'Healthy' }],
  ['Ingress of any version is read untyped', ingress('networking.k8s.io/v1beta1', [{ ip: '203.0.113.8' }]), { status: 'Healthy' }],
  ['Ingress whose address list is not a list', ingress('networking.k8s.io/v1', { ip: '203.0.113.8' }), { status: 'Progressing' }],
];

describe('Service and Ingress health', () => {
  it.each(cases)('%s', (_name, obj, expected) => {
    expect(assessHealth(obj)).toEqual(expected);
  });
});
