import { KubeSim, startKubeSim } from '../kube-sim';
import { KubeObject } from '../store/kube-object';

// metadata.generation as kube-apiserver keeps it. rest.BeforeCreate leaves it to each registry
// strategy's PrepareForCreate and rest.BeforeUpdate copies the stored value before PrepareForUpdate
// (apiserver/pkg/registry/rest/create.go, update.go). Only strategies with a spec/status split set it:
// apps (deployment, replicaset, statefulset, daemonset), batch (job, cronjob), networking (ingress,
// ingressclass, networkpolicy), policy (poddisruptionbudget), apiextensions (the CRD itself), each
// `Generation = 1` on create and `+1` when the spec changes (pkg/registry/<group>/<kind>/strategy.go;
// Deployments also on annotation changes). ConfigMap, Secret, Service, Pod (1.32), Namespace never get
// one. A custom resource gets 1 on create and +1 on any change outside metadata, status included when
// there is no status subresource; `/status` writes never bump it
// (apiextensions-apiserver/pkg/registry/customresource/strategy.go, status_strategy.go).
let sim: KubeSim;

beforeAll(async () => {
  sim = await startKubeSim({ name: 'generation', tls: false, auth: false, timing: { podStartMs: 10, nodes: 1 } });
  for (const [plural, status] of [['plainthings', false], ['splitthings', true]] as const) {
    const crd = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: `${plural}.example.com` },
      spec: {
        group: 'example.com',
        scope: 'Namespaced',
        names: { plural, kind: plural === 'plainthings' ? 'PlainThing' : 'SplitThing' },
        versions: [{ name: 'v1', served: true, storage: true, ...(status ? { subresources: { status: {} } } : {}), schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } }],
      },
    };
    sim.cluster.api.create(type('apiextensions.k8s.io', 'customresourcedefinitions'), '', crd);
  }
  await until(() => sim.cluster.registry.lookup('example.com', 'v1', 'plainthings') && sim.cluster.registry.lookup('example.com', 'v1', 'splitthings'));
});
afterAll(async () => {
  await sim.stop();
});

const type = (group: string, plural: string) => sim.cluster.resource(group, plural);

async function until(probe: () => unknown, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Creates, then writes `change` over the stored object; returns the generations after each step. */
function generations(group: string, plural: string, obj: KubeObject, change: (o: KubeObject) => KubeObject, subresource?: string): Array<number | undefined> {
  const t = type(group, plural);
  const ns = t.namespaced ? 'default' : '';
  const created = sim.cluster.api.create(t, ns, obj);
  const updated = sim.cluster.api.update(t, ns, obj.metadata.name!, change(created), {}, subresource);
  return [created.metadata.generation, updated.metadata.generation];
}

const meta = (name: string, extra: object = {}) => ({ name, ...extra });
const labelled = (o: KubeObject): KubeObject => ({ ...o, metadata: { ...o.metadata, labels: { touched: 'yes' } } });

describe('metadata.generation', () => {
  it('is never set on kinds without a spec/status split, whatever changes', () => {
    expect(generations('', 'configmaps', { metadata: meta('cm'), data: { a: '1' } }, (o) => ({ ...o, data: { a: '2' } }))).toEqual([undefined, undefined]);
    expect(generations('', 'secrets', { metadata: meta('s'), stringData: { a: '1' } }, (o) => ({ ...o, data: { a: 'Mg==' } }))).toEqual([undefined, undefined]);
    const svc = { metadata: meta('svc'), spec: { selector: { app: 'a' }, ports: [{ port: 80 }] } };
    expect(generations('', 'services', svc, (o) => ({ ...o, spec: { ...(o.spec as object), selector: { app: 'b' } } }))).toEqual([undefined, undefined]);
    expect(generations('', 'namespaces', { metadata: meta('gen-ns') }, labelled)).toEqual([undefined, undefined]);
    const pod = { metadata: meta('pod'), spec: { containers: [{ name: 'c', image: 'nginx:1' }] } };
    expect(generations('', 'pods', pod, (o) => ({ ...o, spec: { ...(o.spec as object), activeDeadlineSeconds: 30 } }))).toEqual([undefined, undefined]);
  });

  it('is 1 on create and bumps on spec changes only for workloads and policies', () => {
    const spec = { replicas: 1, selector: { matchLabels: { app: 'd' } }, template: { metadata: { labels: { app: 'd' } }, spec: { containers: [{ name: 'c', image: 'nginx:1' }] } } };
    expect(generations('apps', 'deployments', { metadata: meta('d'), spec }, (o) => ({ ...o, spec: { ...(o.spec as object), replicas: 2 } }))).toEqual([1, 2]);
    expect(generations('apps', 'statefulsets', { metadata: meta('ss'), spec: { ...spec, serviceName: 'ss' } }, labelled)).toEqual([1, 1]);
    const pdb = { metadata: meta('pdb'), spec: { minAvailable: 1, selector: { matchLabels: { app: 'd' } } } };
    expect(generations('policy', 'poddisruptionbudgets', pdb, (o) => ({ ...o, spec: { ...(o.spec as object), minAvailable: 2 } }))).toEqual([1, 2]);
    const netpol = { metadata: meta('np'), spec: { podSelector: {} } };
    expect(generations('networking.k8s.io', 'networkpolicies', netpol, labelled)).toEqual([1, 1]);
  });

  it('bumps a Deployment on annotation changes too, as they are copied to its ReplicaSets', () => {
    const spec = { replicas: 0, selector: { matchLabels: { app: 'an' } }, template: { metadata: { labels: { app: 'an' } }, spec: { containers: [{ name: 'c', image: 'nginx:1' }] } } };
    const annotate = (o: KubeObject): KubeObject => ({ ...o, metadata: { ...o.metadata, annotations: { ...o.metadata.annotations, note: 'x' } } });
    expect(generations('apps', 'deployments', { metadata: meta('annotated'), spec }, annotate)).toEqual([1, 2]);
  });

  it('counts any change outside metadata on a custom resource, status too unless it is a subresource', () => {
    const thing = (name: string) => ({ apiVersion: 'example.com/v1', metadata: meta(name), spec: { size: 1 } });
    const withStatus = (o: KubeObject): KubeObject => ({ ...o, status: { phase: 'Ready' } });
    expect(generations('example.com', 'plainthings', thing('p1'), withStatus)).toEqual([1, 2]);
    expect(generations('example.com', 'plainthings', thing('p2'), labelled)).toEqual([1, 1]);
    expect(generations('example.com', 'splitthings', thing('s1'), withStatus)).toEqual([1, 1]);
    expect(generations('example.com', 'splitthings', thing('s2'), withStatus, 'status')).toEqual([1, 1]);
    expect(generations('example.com', 'splitthings', thing('s3'), (o) => ({ ...o, spec: { size: 2 } }))).toEqual([1, 2]);
  });

  it('keeps the stored value whatever a client sends', () => {
    const t = type('apps', 'deployments');
    const spec = { replicas: 0, selector: { matchLabels: { app: 'k' } }, template: { metadata: { labels: { app: 'k' } }, spec: { containers: [{ name: 'c', image: 'nginx:1' }] } } };
    const created = sim.cluster.api.create(t, 'default', { metadata: meta('kept', { generation: 7 }), spec });
    expect(created.metadata.generation).toBe(1);
    const updated = sim.cluster.api.update(t, 'default', 'kept', { ...created, metadata: { ...created.metadata, generation: 9 } });
    expect(updated.metadata.generation).toBe(1);
  });
});
