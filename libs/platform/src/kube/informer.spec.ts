import { startKubeSim, type KubeSim } from '@flotilla/kube-sim';
import type { KubeObject } from '@flotilla/api-types';
import { Informer } from './informer';
import { kubeClientForCluster } from './kube-client.factory';
import type { KubeClient } from './kube.client';

// An informer on a custom resource whose CRD is deleted stops, instead of relisting a kind the
// server no longer serves every 10 s for ever (issue 16, seen on a real 1.20 API server).
let sim: KubeSim;
let kube: KubeClient;

const crd: KubeObject = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'gadgets.informer.example.com' },
  spec: {
    group: 'informer.example.com',
    scope: 'Namespaced',
    names: { kind: 'Gadget', plural: 'gadgets', singular: 'gadget', listKind: 'GadgetList' },
    versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } }],
  },
};
const gadget: KubeObject = { apiVersion: 'informer.example.com/v1', kind: 'Gadget', metadata: { name: 'g1', namespace: 'default' } };

const until = async (cond: () => boolean | Promise<boolean>, what: string): Promise<void> => {
  const deadline = Date.now() + 10_000;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

beforeAll(async () => {
  sim = await startKubeSim({ name: 'informer-unserved', timing: { nodes: 1 } });
  const access = sim.access();
  kube = kubeClientForCluster({ name: 'informer-unserved', server: access.url, config: { bearerToken: access.token, tlsClientConfig: { caData: access.caData } } });
});
afterAll(async () => {
  kube.close();
  await sim.stop();
});

it('stops, forgets its objects and sends no more requests once the kind is no longer served', async () => {
  await kube.create(crd);
  await until(() => kube.list('informer.example.com/v1', 'Gadget', { namespace: 'default' }).then(() => true, () => false), 'the CRD to be served');
  await kube.create(gadget);

  const lists = jest.spyOn(kube, 'listAll');
  const watches = jest.spyOn(kube, 'watch');
  const informer = new Informer(kube, { apiVersion: 'informer.example.com/v1', kind: 'Gadget' });
  const seen: string[] = [];
  const errors: Error[] = [];
  let unserved: Error | undefined;
  informer.on('delete', (o) => seen.push(`delete ${o.metadata?.name}`));
  informer.on('error', (err) => errors.push(err));
  informer.on('unserved', (err) => (unserved = err));
  await informer.start();
  expect(informer.list().map((o) => o.metadata?.name)).toEqual(['g1']);

  try {
    await kube.delete(crd);
    await until(() => unserved !== undefined, 'the informer to notice the kind is gone');
    expect(informer.unserved).toBe(true);
    expect(informer.list()).toEqual([]);
    expect(seen).toEqual(['delete g1']);
    const requests = lists.mock.calls.length + watches.mock.calls.length;
    // Long enough for a relisting informer's backoff (200 ms doubling) to try four more times.
    await new Promise((r) => setTimeout(r, 3_500));
    expect(lists.mock.calls.length + watches.mock.calls.length).toBe(requests);
    expect(errors).toEqual([]);
  } finally {
    await informer.stop();
    lists.mockRestore();
    watches.mockRestore();
  }
});
