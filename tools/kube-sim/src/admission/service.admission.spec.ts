import { KubeObject } from '../store/kube-object';
import { admit, fakeContext, messages } from './admission.fixture';

const service = (spec: object): KubeObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec });

describe('Service admission', () => {
  it('allocates a ClusterIP and fills the defaults kube-apiserver returns', () => {
    const svc = service({ selector: { app: 'web' }, ports: [{ port: 80 }] });
    expect(admit('/Service', svc, undefined, fakeContext())).toEqual([]);
    expect(svc.spec).toEqual({
      selector: { app: 'web' },
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
      type: 'ClusterIP',
      sessionAffinity: 'None',
      clusterIP: '10.96.0.11',
      clusterIPs: ['10.96.0.11'],
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      internalTrafficPolicy: 'Cluster',
    });
    expect(svc.status).toEqual({ loadBalancer: {} });
  });

  it('keeps allocated IPs and node ports when an update omits them, and refuses a new IP', () => {
    const ctx = fakeContext();
    const old = service({ type: 'NodePort', ports: [{ name: 'http', port: 80 }, { name: 'https', port: 443, targetPort: 'https' }] });
    expect(admit('/Service', old, undefined, ctx)).toEqual([]);
    const oldSpec = old.spec as any;
    expect(oldSpec.ports.map((p: any) => p.nodePort)).toEqual([30001, 30002]);
    expect(oldSpec.externalTrafficPolicy).toBe('Cluster');
    const update = service({ type: 'NodePort', ports: [{ name: 'http', port: 80 }, { name: 'https', port: 443, targetPort: 'https' }] });
    expect(admit('/Service', update, old, ctx)).toEqual([]);
    expect(update.spec).toMatchObject({ clusterIP: oldSpec.clusterIP, clusterIPs: oldSpec.clusterIPs, ports: [{ nodePort: 30001 }, { nodePort: 30002 }] });
    expect(ctx.ips).toBe(1);
    const moved = structuredClone(old);
    (moved.spec as any).clusterIP = '10.96.9.9';
    expect(messages(admit('/Service', moved, old, ctx))).toEqual(['spec.clusterIPs[0]: Invalid value: []string{"10.96.9.9"}: may not change once set']);
  });

  it('keeps headless services headless and leaves ExternalName without cluster fields', () => {
    const headless = service({ clusterIP: 'None', selector: { app: 'db' }, ports: [{ port: 5432 }] });
    admit('/Service', headless);
    expect(headless.spec).toMatchObject({ clusterIP: 'None', clusterIPs: ['None'], ipFamilyPolicy: 'SingleStack' });
    const external = service({ type: 'ExternalName', externalName: 'db.example.com' });
    expect(admit('/Service', external)).toEqual([]);
    expect(external.spec).toEqual({ type: 'ExternalName', externalName: 'db.example.com', sessionAffinity: 'None' });
  });

  it('defaults LoadBalancer node port allocation and session affinity timeouts', () => {
    const lb = service({ type: 'LoadBalancer', sessionAffinity: 'ClientIP', ports: [{ port: 80 }] });
    admit('/Service', lb);
    expect(lb.spec).toMatchObject({ allocateLoadBalancerNodePorts: true, externalTrafficPolicy: 'Cluster', sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } }, ports: [{ nodePort: 30001 }] });
  });

  it('requires ports, and names when there are several', () => {
    expect(messages(admit('/Service', service({ selector: { app: 'x' } })))).toEqual(['spec.ports: Required value']);
    expect(messages(admit('/Service', service({ ports: [{ port: 80 }, { port: 81 }] })))).toEqual(['spec.ports[0].name: Required value', 'spec.ports[1].name: Required value']);
    expect(messages(admit('/Service', service({ ports: [{ name: 'a', port: 80 }, { name: 'a', port: 81 }] })))).toEqual(['spec.ports[1].name: Duplicate value: "a"']);
    expect(messages(admit('/Service', service({ ports: [{ port: 80, nodePort: 30080 }] })))).toEqual(["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"]);
  });
});
