import { KubeSim, startKubeSim } from '../src/kube-sim';
import { call } from './http.harness';
import { eventually } from './kubectl.harness';

// Structural schema defaults, as the Kubernetes docs state them (tasks/extend-kubernetes/custom-resources/
// custom-resource-definitions, "Defaulting"): they are applied to requests (create, update, patch) and
// when reading from storage; a default inside an object that was itself defaulted applies too; a null
// in a non-nullable field is pruned and then defaulted. Algorithm: apiextensions-apiserver
// pkg/apiserver/schema/defaulting/algorithm.go.
let sim: KubeSim;

const BASE = '/apis/example.com/v1/namespaces/default/dials';
const CRD_PATH = '/apis/apiextensions.k8s.io/v1/customresourcedefinitions/dials.example.com';

const crd = (withColourDefault: boolean) => ({
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'dials.example.com' },
  spec: {
    group: 'example.com',
    scope: 'Namespaced',
    names: { plural: 'dials', kind: 'Dial' },
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        schema: {
          openAPIV3Schema: {
            type: 'object',
            properties: {
              spec: {
                type: 'object',
                default: {},
                properties: {
                  replicas: { type: 'integer', default: 1 },
                  mode: { type: 'string', default: 'auto' },
                  colour: { type: 'string', ...(withColourDefault ? { default: 'red' } : {}) },
                  ports: { type: 'array', items: { type: 'object', properties: { port: { type: 'integer' }, protocol: { type: 'string', default: 'TCP' } } } },
                },
              },
            },
          },
        },
      },
    ],
  },
});

beforeAll(async () => {
  sim = await startKubeSim({ name: 'crd-defaults', tls: false });
  expect((await call(sim, 'POST', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', { body: crd(false) })).status).toBe(201);
  await eventually(async () => (await call(sim, 'GET', BASE)).status === 200, 'dials served');
});
afterAll(async () => {
  await sim.stop();
});

const dial = (name: string, spec?: object) => ({ apiVersion: 'example.com/v1', kind: 'Dial', metadata: { name }, ...(spec ? { spec } : {}) });

describe('CRD structural schema defaults', () => {
  it('fills absent fields on create, inside defaulted objects and in list items', async () => {
    const created = await call(sim, 'POST', BASE, { body: dial('d1', { ports: [{ port: 80 }, { port: 53, protocol: 'UDP' }] }) });
    expect(created.status).toBe(201);
    expect(created.json().spec).toEqual({ replicas: 1, mode: 'auto', ports: [{ port: 80, protocol: 'TCP' }, { port: 53, protocol: 'UDP' }] });
    const bare = await call(sim, 'POST', BASE, { body: dial('d2') });
    expect(bare.json().spec).toEqual({ replicas: 1, mode: 'auto' });
    expect((await call(sim, 'GET', `${BASE}/d2`)).json().spec).toEqual({ replicas: 1, mode: 'auto' });
  });

  it('defaults again on update and on a patch that nulls a field', async () => {
    const live = (await call(sim, 'GET', `${BASE}/d1`)).json();
    const put = await call(sim, 'PUT', `${BASE}/d1`, { body: { ...live, spec: { replicas: 3 } } });
    expect(put.json().spec).toEqual({ replicas: 3, mode: 'auto' });
    const patched = await call(sim, 'PATCH', `${BASE}/d1`, { body: { spec: { replicas: null, mode: 'manual' } }, contentType: 'application/merge-patch+json' });
    expect(patched.json().spec).toEqual({ replicas: 1, mode: 'manual' });
  });

  it('defaults objects read from storage with a default added later', async () => {
    const live = (await call(sim, 'GET', CRD_PATH)).json();
    expect((await call(sim, 'PUT', CRD_PATH, { body: { ...live, spec: crd(true).spec } })).status).toBe(200);
    await eventually(async () => (await call(sim, 'GET', `${BASE}/d2`)).json().spec.colour === 'red', 'the new default on read');
    expect((await call(sim, 'GET', `${BASE}/d2`)).json().spec).toEqual({ replicas: 1, mode: 'auto', colour: 'red' });
  });
});
