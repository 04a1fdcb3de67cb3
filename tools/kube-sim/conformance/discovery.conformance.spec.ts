import { call } from './http.harness';
import { KubectlHarness, startKubectlHarness } from './kubectl.harness';

// The API surface a 1.32 kube-apiserver with default feature gates reports: groups from
// pkg/controlplane/instance.go's storage providers plus kube-aggregator and apiextensions, core
// resources and subresources from pkg/registry/core/rest/storage_core.go, options kinds of the
// connect subresources from pkg/registry/core/{pod,node,service}/rest; `kubectl api-resources`
// of a kind 1.32 cluster shows the same names, short names and kinds.
let k: KubectlHarness;

beforeAll(async () => {
  k = await startKubectlHarness();
});
afterAll(async () => {
  await k.stop();
});

const GROUPS = [
  'admissionregistration.k8s.io', 'apiextensions.k8s.io', 'apiregistration.k8s.io', 'apps', 'authentication.k8s.io', 'authorization.k8s.io',
  'autoscaling', 'batch', 'certificates.k8s.io', 'coordination.k8s.io', 'discovery.k8s.io', 'events.k8s.io', 'flowcontrol.apiserver.k8s.io',
  'networking.k8s.io', 'node.k8s.io', 'policy', 'rbac.authorization.k8s.io', 'scheduling.k8s.io', 'storage.k8s.io',
];

const CORE = [
  'bindings', 'componentstatuses', 'configmaps', 'endpoints', 'events', 'limitranges', 'namespaces', 'namespaces/finalize', 'namespaces/status',
  'nodes', 'nodes/proxy', 'nodes/status', 'persistentvolumeclaims', 'persistentvolumeclaims/status', 'persistentvolumes', 'persistentvolumes/status',
  'pods', 'pods/attach', 'pods/binding', 'pods/ephemeralcontainers', 'pods/eviction', 'pods/exec', 'pods/log', 'pods/portforward', 'pods/proxy', 'pods/status',
  'podtemplates', 'replicationcontrollers', 'replicationcontrollers/scale', 'replicationcontrollers/status', 'resourcequotas', 'resourcequotas/status',
  'secrets', 'serviceaccounts', 'serviceaccounts/token', 'services', 'services/proxy', 'services/status',
];

describe('discovery, as complete as a real 1.32 server', () => {
  it('lists the 19 named groups a default 1.32 server serves', async () => {
    const groups = (await call(k.sim, 'GET', '/apis')).json().groups.map((g: { name: string }) => g.name);
    expect([...groups].sort()).toEqual(GROUPS);
  });

  it('lists the 38 core resources and subresources, with the kinds and verbs upstream reports', async () => {
    const list = (await call(k.sim, 'GET', '/api/v1')).json().resources as Array<Record<string, unknown>>;
    expect(list.map((r) => r.name).sort()).toEqual(CORE);
    const byName = new Map(list.map((r) => [r.name, r]));
    expect(byName.get('bindings')).toMatchObject({ namespaced: true, kind: 'Binding', verbs: ['create'] });
    expect(byName.get('componentstatuses')).toMatchObject({ namespaced: false, kind: 'ComponentStatus', verbs: ['get', 'list'], shortNames: ['cs'] });
    expect(byName.get('componentstatuses')).not.toHaveProperty('storageVersionHash');
    expect(byName.get('replicationcontrollers')).toMatchObject({ kind: 'ReplicationController', shortNames: ['rc'], categories: ['all'] });
    expect(byName.get('replicationcontrollers/scale')).toMatchObject({ group: 'autoscaling', version: 'v1', kind: 'Scale', verbs: ['get', 'patch', 'update'] });
    expect(byName.get('pods/exec')).toMatchObject({ kind: 'PodExecOptions', verbs: ['create', 'get'] });
    expect(byName.get('pods/attach')).toMatchObject({ kind: 'PodAttachOptions', verbs: ['create', 'get'] });
    expect(byName.get('pods/portforward')).toMatchObject({ kind: 'PodPortForwardOptions', verbs: ['create', 'get'] });
    expect(byName.get('pods/proxy')).toMatchObject({ kind: 'PodProxyOptions', verbs: ['create', 'delete', 'get', 'patch', 'update'] });
    expect(byName.get('nodes/proxy')).toMatchObject({ kind: 'NodeProxyOptions', verbs: ['create', 'delete', 'get', 'patch', 'update'] });
    expect(byName.get('services/proxy')).toMatchObject({ kind: 'ServiceProxyOptions', verbs: ['create', 'delete', 'get', 'patch', 'update'] });
    expect(byName.get('pods/binding')).toEqual({ name: 'pods/binding', singularName: '', namespaced: true, kind: 'Binding', verbs: ['create'] });
    expect(byName.get('pods/ephemeralcontainers')).toMatchObject({ kind: 'Pod', verbs: ['get', 'patch', 'update'] });
  });

  it('shows the new kinds in kubectl api-resources with their short names', async () => {
    const out = await k.ok(['api-resources', '--no-headers']);
    const rows = out.split('\n').map((l) => l.trim().split(/\s+/));
    const row = (name: string, group: string): string[] | undefined => rows.find((r) => r[0] === name && r.some((c) => c === group || c.startsWith(`${group}/`) || (group === 'v1' && c === 'v1')));
    expect(row('certificatesigningrequests', 'certificates.k8s.io')).toEqual(['certificatesigningrequests', 'csr', 'certificates.k8s.io/v1', 'false', 'CertificateSigningRequest']);
    expect(row('replicationcontrollers', 'v1')).toEqual(['replicationcontrollers', 'rc', 'v1', 'true', 'ReplicationController']);
    expect(row('apiservices', 'apiregistration.k8s.io')).toEqual(['apiservices', 'apiregistration.k8s.io/v1', 'false', 'APIService']);
    expect(row('runtimeclasses', 'node.k8s.io')).toEqual(['runtimeclasses', 'node.k8s.io/v1', 'false', 'RuntimeClass']);
    expect(row('flowschemas', 'flowcontrol.apiserver.k8s.io')).toEqual(['flowschemas', 'flowcontrol.apiserver.k8s.io/v1', 'false', 'FlowSchema']);
    expect(rows.filter((r) => r[0] === 'events').map((r) => r[2])).toEqual(['v1', 'events.k8s.io/v1']);
  });

  it('stores and lists objects of the added kinds', async () => {
    const manifests = `
apiVersion: v1
kind: PodTemplate
metadata: { name: tpl, namespace: default }
template: { spec: { containers: [{ name: c, image: nginx }] } }
---
apiVersion: v1
kind: ReplicationController
metadata: { name: rc, namespace: default }
spec: { replicas: 0, selector: { app: rc }, template: { metadata: { labels: { app: rc } }, spec: { containers: [{ name: c, image: nginx }] } } }
---
apiVersion: node.k8s.io/v1
kind: RuntimeClass
metadata: { name: gvisor }
handler: runsc
---
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: { name: high }
value: 1000
`;
    await k.ok(['apply', '-f', k.writeFile('kinds.yaml', manifests)]);
    expect((await k.ok(['get', 'podtemplates,rc', '-n', 'default', '-o', 'name'])).trim().split('\n')).toEqual(['podtemplate/tpl', 'replicationcontroller/rc']);
    expect((await k.ok(['get', 'runtimeclass', 'gvisor', '-o', 'jsonpath={.handler}']))).toBe('runsc');
    const cs = await k.run(['get', 'componentstatuses', '-o', 'name']);
    expect(cs.stdout.trim().split('\n').sort()).toEqual(['componentstatus/controller-manager', 'componentstatus/etcd-0', 'componentstatus/scheduler']);
  });

  it('binds a pod to a node through pods/binding, once', async () => {
    await call(k.sim, 'POST', '/api/v1/namespaces/default/pods', { body: { metadata: { name: 'unbound', annotations: {} }, spec: { schedulerName: 'none', containers: [{ name: 'c', image: 'nginx' }] } } });
    const binding = { apiVersion: 'v1', kind: 'Binding', metadata: { name: 'unbound' }, target: { kind: 'Node', name: 'kube-sim-node-2' } };
    const bound = await call(k.sim, 'POST', '/api/v1/namespaces/default/pods/unbound/binding', { body: binding });
    expect(bound.status).toBe(201);
    expect(bound.json()).toMatchObject({ kind: 'Status', status: 'Success' });
    expect((await call(k.sim, 'GET', '/api/v1/namespaces/default/pods/unbound')).json().spec.nodeName).toBe('kube-sim-node-2');
    const again = await call(k.sim, 'POST', '/api/v1/namespaces/default/bindings', { body: binding });
    expect(again.status).toBe(409);
    expect(again.json().message).toBe('Operation cannot be fulfilled on pods/binding "unbound": pod unbound is already assigned to node "kube-sim-node-2"');
  });

  it('answers exec, attach, port-forward and proxy as a server whose kubelet cannot be reached', async () => {
    await call(k.sim, 'POST', '/api/v1/namespaces/default/pods', { body: { metadata: { name: 'two' }, spec: { nodeName: 'kube-sim-node-1', containers: [{ name: 'a', image: 'nginx' }, { name: 'b', image: 'nginx' }] } } });
    const which = await call(k.sim, 'POST', '/api/v1/namespaces/default/pods/two/exec?command=ls&stdout=true');
    expect(which.status).toBe(400);
    expect(which.json().message).toBe('a container name must be specified for pod two, choose one of: [a b]');
    const exec = await call(k.sim, 'POST', '/api/v1/namespaces/default/pods/two/exec?command=ls&stdout=true&container=a');
    expect(exec.status).toBe(500);
    expect(exec.json().message).toBe('error dialing backend: dial tcp 172.18.0.2:10250: connect: connection refused');
    expect((await call(k.sim, 'GET', '/api/v1/namespaces/default/pods/two/portforward')).status).toBe(500);
    expect((await call(k.sim, 'GET', '/api/v1/namespaces/default/pods/missing/exec')).status).toBe(404);
    const proxy = await call(k.sim, 'GET', '/api/v1/nodes/kube-sim-node-2/proxy/metrics');
    expect(proxy.json().message).toBe('error dialing backend: dial tcp 172.18.0.3:10250: connect: connection refused');
    await call(k.sim, 'POST', '/api/v1/namespaces/default/services', { body: { metadata: { name: 'lonely' }, spec: { ports: [{ port: 80 }] } } });
    const svc = await call(k.sim, 'GET', '/api/v1/namespaces/default/services/lonely/proxy/');
    expect(svc.status).toBe(503);
    expect(svc.json().message).toBe('no endpoints available for service "lonely"');
  });
});
