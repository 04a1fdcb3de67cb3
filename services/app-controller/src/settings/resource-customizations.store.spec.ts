import { join } from 'node:path';
import { readCustomizationsDir } from '@flotilla/engine';
import { startKubeSim, type KubeSim } from '@flotilla/kube-sim';
import { kubeClientForCluster, type KubeClient } from '@flotilla/platform';
import pino from 'pino';
import { eventually } from '../testing/app-controller.harness';
import { ResourceCustomizationsStore } from './resource-customizations.store';

// The store keeps the script library (FLOTILLA_RESOURCE_CUSTOMIZATIONS_DIR) behind argocd-cm's keys,
// before argocd-cm exists and after every change to it.
const LIBRARY = readCustomizationsDir(join(__dirname, '../../../../libs/engine/testdata/resource-customizations'));
let sim: KubeSim;
let kube: KubeClient;
let store: ResourceCustomizationsStore;

beforeAll(async () => {
  sim = await startKubeSim({ name: 'customizations-store', timing: { nodes: 1 } });
  const access = sim.access();
  kube = kubeClientForCluster({ name: 'customizations-store', server: access.url, config: { bearerToken: access.token, tlsClientConfig: { caData: access.caData } } });
  await kube.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'argocd' } });
  store = new ResourceCustomizationsStore(kube, 'argocd', pino({ level: 'silent' }), () => undefined, LIBRARY);
  await store.start();
});

afterAll(async () => {
  await store.stop();
  await sim.stop();
});

it("keeps the library's health checks behind argocd-cm's, before and after argocd-cm changes", async () => {
  expect(Object.keys(store.customizations().libraryHealth ?? {}).sort()).toEqual(['PersistentVolume', 'batch.example.io/Queue', 'example.com/Widget']);
  await kube.create({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'argocd-cm', namespace: 'argocd' },
    data: { 'resource.customizations.health.example.com_Widget': 'return { status = "Healthy" }' },
  });
  await eventually(() => expect(Object.keys(store.customizations().health)).toEqual(['example.com/Widget']));
  expect(Object.keys(store.customizations().libraryHealth ?? {})).toHaveLength(3);
});
