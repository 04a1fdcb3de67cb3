import { ApiException, CustomObjectsApi, KubeConfig, KubernetesObject, KubernetesObjectApi, makeInformer, Watch } from '@kubernetes/client-node';
import { KubeSim, startKubeSim } from '../src/kube-sim';
import { eventually } from './kubectl.harness';

// @kubernetes/client-node, the client Flotilla itself uses, against kube-sim over HTTPS.
let sim: KubeSim;
let kc: KubeConfig;
let objects: KubernetesObjectApi;

beforeAll(async () => {
  sim = await startKubeSim({ name: 'client-node', timing: { podStartMs: 50, nodes: 1 } });
  kc = new KubeConfig();
  kc.loadFromString(sim.kubeconfig());
  objects = KubernetesObjectApi.makeApiClient(kc);
});
afterAll(async () => {
  await sim.stop();
});

const widgetCrd = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'widgets.example.flotilla.dev' },
  spec: {
    group: 'example.flotilla.dev',
    scope: 'Namespaced',
    names: { plural: 'widgets', singular: 'widget', kind: 'Widget', shortNames: ['wd'] },
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        subresources: { status: {} },
        schema: {
          openAPIV3Schema: {
            type: 'object',
            properties: {
              spec: { type: 'object', properties: { size: { type: 'integer' } } },
              status: { type: 'object', properties: { phase: { type: 'string' } } },
            },
          },
        },
      },
    ],
  },
};

describe('@kubernetes/client-node against kube-sim', () => {
  it('creates, reads, patches, replaces, lists and deletes with KubernetesObjectApi', async () => {
    const created = await objects.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'crud', namespace: 'default', labels: { suite: 'crud' } }, data: { a: '1' } } as KubernetesObject);
    expect(created.metadata?.uid).toMatch(/^[0-9a-f-]{36}$/);

    const read = await objects.read<KubernetesObject & { data: Record<string, string> }>({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'crud', namespace: 'default' } });
    expect(read.data).toEqual({ a: '1' });

    const patched = await objects.patch<KubernetesObject & { data: Record<string, string> }>({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'crud', namespace: 'default' }, data: { b: '2' } });
    expect(patched.data).toEqual({ a: '1', b: '2' });

    const replaced = await objects.replace<KubernetesObject & { data: Record<string, string> }>({ ...patched, data: { c: '3' } });
    expect(replaced.data).toEqual({ c: '3' });

    const stale = objects.replace({ ...patched, data: { d: '4' } });
    await expect(stale).rejects.toMatchObject({ code: 409 });

    const list = await objects.list('v1', 'ConfigMap', 'default', undefined, undefined, undefined, undefined, 'suite=crud');
    expect(list.items.map((i) => i.metadata?.name)).toEqual(['crud']);

    await objects.delete({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'crud', namespace: 'default' } });
    const gone = await objects.read({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'crud', namespace: 'default' } }).catch((e: ApiException<unknown>) => e);
    expect(gone).toMatchObject({ code: 404 });
  });

  it('streams ADDED, MODIFIED and DELETED events with Watch', async () => {
    const seen: string[] = [];
    const watch = new Watch(kc);
    const abort = await watch.watch('/api/v1/namespaces/default/configmaps', { labelSelector: 'suite=watch' }, (phase, obj: KubernetesObject) => seen.push(`${phase} ${obj.metadata?.name}`), () => undefined);
    try {
      await objects.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'w1', namespace: 'default', labels: { suite: 'watch' } } });
      await objects.patch({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'w1', namespace: 'default' }, data: { x: 'y' } } as KubernetesObject);
      await objects.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'other', namespace: 'default' } });
      await objects.delete({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'w1', namespace: 'default' } });
      await eventually(() => seen.length >= 3, 'three watch events');
      expect(seen).toEqual(['ADDED w1', 'MODIFIED w1', 'DELETED w1']);
    } finally {
      abort.abort();
    }
  });

  it('serves a CRD within a second and feeds an informer over its resources', async () => {
    await objects.create(widgetCrd);
    const custom = kc.makeApiClient(CustomObjectsApi);
    await eventually(
      () => custom.listNamespacedCustomObject({ group: 'example.flotilla.dev', version: 'v1', namespace: 'default', plural: 'widgets' }).then(() => true),
      'the widgets resource to be served',
      1000,
    );

    const informer = makeInformer<KubernetesObject>(kc, '/apis/example.flotilla.dev/v1/namespaces/default/widgets', () =>
      custom.listNamespacedCustomObject({ group: 'example.flotilla.dev', version: 'v1', namespace: 'default', plural: 'widgets' }),
    );
    const events: string[] = [];
    informer.on('add', (o) => events.push(`add ${o.metadata?.name}`));
    informer.on('update', (o) => events.push(`update ${o.metadata?.name} ${(o as { status?: { phase?: string } }).status?.phase}`));
    informer.on('delete', (o) => events.push(`delete ${o.metadata?.name}`));
    await informer.start();
    try {
      await custom.createNamespacedCustomObject({ group: 'example.flotilla.dev', version: 'v1', namespace: 'default', plural: 'widgets', body: { apiVersion: 'example.flotilla.dev/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { size: 3 } } });
      await eventually(() => informer.get('w', 'default'), 'the informer cache to hold the widget');
      await custom.patchNamespacedCustomObjectStatus({ group: 'example.flotilla.dev', version: 'v1', namespace: 'default', plural: 'widgets', name: 'w', body: [{ op: 'add', path: '/status', value: { phase: 'Ready' } }] });
      await eventually(() => events.includes('update w Ready'), 'the status update in the informer');
      const widget = informer.get('w', 'default') as KubernetesObject & { spec: { size: number }; metadata: { generation: number } };
      expect(widget.spec.size).toBe(3);
      expect(widget.metadata.generation).toBe(1);
      await custom.deleteNamespacedCustomObject({ group: 'example.flotilla.dev', version: 'v1', namespace: 'default', plural: 'widgets', name: 'w' });
      await eventually(() => events.includes('delete w'), 'the delete in the informer');
      expect(events[0]).toBe('add w');
    } finally {
      await informer.stop();
    }
  });

  it('stops serving a CRD resource once the CRD is deleted', async () => {
    await objects.delete({ apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'widgets.example.flotilla.dev' } });
    const custom = kc.makeApiClient(CustomObjectsApi);
    await eventually(
      () =>
        custom
          .listNamespacedCustomObject({ group: 'example.flotilla.dev', version: 'v1', namespace: 'default', plural: 'widgets' })
          .then(() => false)
          .catch((e: ApiException<unknown>) => e.code === 404),
      'the widgets resource to disappear',
      2000,
    );
  });
});
