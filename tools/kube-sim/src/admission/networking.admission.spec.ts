import { KubeObject } from '../store/kube-object';
import { admit, messages } from './admission.fixture';

describe('networking.k8s.io/v1 admission', () => {
  it('defaults NetworkPolicy policyTypes from its rules and port protocols', () => {
    const np: KubeObject = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'n' }, spec: { egress: [{ ports: [{ port: 53 }] }] } };
    expect(admit('networking.k8s.io/NetworkPolicy', np)).toEqual([]);
    expect(np.spec).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'], egress: [{ ports: [{ port: 53, protocol: 'TCP' }] }] });
    const ingressOnly: KubeObject = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'n' }, spec: { podSelector: { matchLabels: { a: 'b' } }, egress: [] } };
    admit('networking.k8s.io/NetworkPolicy', ingressOnly);
    expect((ingressOnly.spec as any).policyTypes).toEqual(['Ingress']);
  });

  it('takes a networking.k8s.io/v1beta1 Ingress (1.20, 1.21) with serviceName backends, its paths defaulted to ImplementationSpecific', () => {
    const path = { path: '/', backend: { serviceName: 'web', servicePort: 80 } };
    const beta: KubeObject = { apiVersion: 'networking.k8s.io/v1beta1', kind: 'Ingress', metadata: { name: 'web' }, spec: { rules: [{ host: 'web.example.com', http: { paths: [path] } }] } };
    expect(admit('networking.k8s.io/Ingress', beta)).toEqual([]);
    expect(path).toEqual({ path: '/', pathType: 'ImplementationSpecific', backend: { serviceName: 'web', servicePort: 80 } });
  });

  it('requires an Ingress pathType and a complete backend', () => {
    const ing: KubeObject = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'i' },
      spec: { rules: [{ host: 'a.example.com', http: { paths: [{ path: '/', backend: { service: { name: 'web', port: { number: 80 } } } }, { path: 'api', pathType: 'Prefix', backend: { service: { name: 'api' } } }] } }] },
    };
    expect(messages(admit('networking.k8s.io/Ingress', ing))).toEqual([
      'spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified',
      'spec.rules[0].http.paths[1].path: Invalid value: "api": must be an absolute path',
      'spec.rules[0].http.paths[1].backend: Required value: port name or number is required',
    ]);
  });
});
