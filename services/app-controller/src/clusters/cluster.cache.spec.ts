import type { KubeObject } from '@flotilla/api-types';
import { startKubeSim, type KubeSim } from '@flotilla/kube-sim';
import { kubeClientForCluster, type KubeClient } from '@flotilla/platform';
import pino from 'pino';
import { eventually } from '../testing/app-controller.harness';
import { ClusterCache } from './cluster.cache';

// A cluster cache stops watching a kind its cluster no longer serves (its CRD was pruned) instead of
// relisting it every 10 s for ever, forgets its objects, and watches it again once its CRD is back.
let sim: KubeSim;
let kube: KubeClient;

const GADGET = { apiVersion: 'cache.example.com/v1', kind: 'Gadget' };
const WIDGET = { apiVersion: 'cache.example.com/v1', kind: 'Widget' };
const CRD_KIND = { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition' };
const crdOf = (kind: string): KubeObject => ({
  ...CRD_KIND,
  metadata: { name: `${kind.toLowerCase()}s.cache.example.com` },
  spec: {
    group: 'cache.example.com',
    scope: 'Namespaced',
    names: { kind, plural: `${kind.toLowerCase()}s`, singular: kind.toLowerCase(), listKind: `${kind}List` },
    versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } }],
  },
});
const crd = crdOf('Gadget');
const gadget = (name: string, kind = 'Gadget'): KubeObject => ({ apiVersion: 'cache.example.com/v1', kind, metadata: { name, namespace: 'default' } });
const keyOf = (name: string, kind = 'Gadget'): string => `cache.example.com/${kind}/default/${name}`;


const served = (kind = 'Gadget'): Promise<boolean> => kube.list('cache.example.com/v1', kind, { namespace: 'default' }).then(() => true, () => false);

beforeAll(async () => {
  sim = await startKubeSim({ name: 'cluster-cache', timing: { nodes: 1 } });
  const access = sim.access();
  kube = kubeClientForCluster({ name: 'cluster-cache', server: access.url, config: { bearerToken: access.token, tlsClientConfig: { caData: access.caData } } });
});
afterAll(async () => {
  kube.close();
  await sim.stop();
});

it('stops watching a kind whose CRD is deleted, forgets its objects, and watches it again when the CRD returns', async () => {
  const logger = pino({ level: 'silent' });
  const warnings = jest.spyOn(logger, 'warn');
  // The cache lists and watches through its own client, so every request it makes is counted here.
  const access = sim.access();
  const cacheKube = kubeClientForCluster({ name: 'cluster-cache', server: access.url, config: { bearerToken: access.token, tlsClientConfig: { caData: access.caData } } });
  const lists = jest.spyOn(cacheKube, 'list');
  const watches = jest.spyOn(cacheKube, 'watch');
  const gadgetRequests = (): number => [...lists.mock.calls, ...watches.mock.calls].filter(([, kind]) => kind === 'Gadget').length;
  const cache = new ClusterCache({ server: access.url, name: 'cluster-cache', kube: cacheKube, logger, onAppChanged: () => undefined });
  try {
    await kube.create(crd);
    await eventually(async () => expect(await served()).toBe(true));
    await kube.create(gadget('g1'));
    expect(await cache.ensure([GADGET])).toEqual([]);
    expect(cache.get(keyOf('g1'))).toBeDefined();

    await kube.delete(crd);
    await eventually(() => expect(cache.get(keyOf('g1'))).toBeUndefined());
    // No kind is watched any more.
    await eventually(() => expect(cache.info(0).cacheInfo?.apisCount).toBe(0));
    const requests = gadgetRequests();
    // A relisting informer would have tried again several times by now (backoff from 200 ms).
    await new Promise((r) => setTimeout(r, 3_000));
    expect(gadgetRequests()).toBe(requests);
    expect(warnings).not.toHaveBeenCalled();
    // Asked for again while the CRD is gone: unknown, and still no list of it.
    expect(await cache.ensure([GADGET])).toEqual([GADGET]);
    expect(gadgetRequests()).toBe(requests);

    await kube.create(crd);
    await eventually(async () => expect(await served()).toBe(true));
    await kube.create(gadget('g2'));
    // The reconciler asks again on its next pass; discovery is refreshed at most every 5 s.
    await eventually(async () => {
      expect(await cache.ensure([GADGET])).toEqual([]);
      expect(cache.get(keyOf('g2'))).toBeDefined();
    }, 10_000);
    expect(cache.get(keyOf('g1'))).toBeUndefined();
  } finally {
    await cache.stop();
  }
}, 30_000);

it('watches a kind again as soon as its CRD is back, when the cache watches CRDs too', async () => {
  const cache = new ClusterCache({ server: sim.url, name: 'cluster-cache', kube, logger: pino({ level: 'silent' }), onAppChanged: () => undefined });
  try {
    await kube.create(crdOf('Widget'));
    await eventually(async () => expect(await served('Widget')).toBe(true));
    await kube.create(gadget('w1', 'Widget'));
    expect(await cache.ensure([CRD_KIND, WIDGET])).toEqual([]);
    expect(cache.get(keyOf('w1', 'Widget'))).toBeDefined();

    await kube.delete(crdOf('Widget'));
    await eventually(() => expect(cache.info(0).cacheInfo?.apisCount).toBe(1));
    expect(cache.get(keyOf('w1', 'Widget'))).toBeUndefined();

    // Nobody calls ensure: the CRD's return alone starts the watch again.
    await kube.create(crdOf('Widget'));
    await eventually(async () => expect(await served('Widget')).toBe(true));
    await kube.create(gadget('w2', 'Widget'));
    await eventually(() => expect(cache.get(keyOf('w2', 'Widget'))).toBeDefined(), 5_000);
  } finally {
    await cache.stop({ closeClient: false });
  }
}, 30_000);
