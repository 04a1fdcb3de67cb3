import { request } from 'node:http';
import { KubeSim, startKubeSim } from '../src/kube-sim';
import { call } from './http.harness';
import { eventually } from './kubectl.harness';

// A CRD's life as apiextensions-apiserver runs it.
// - The cleanup finalizer is added by the first DELETE, together with deletionTimestamp, never at
//   create (apiextensions-apiserver/pkg/registry/customresourcedefinition/etcd.go, REST.Delete:
//   "upon first request to delete, add our finalizer and then delegate").
// - Once the CRD is gone its storage is torn down about a second later and every open watch on its
//   resources ends (apiextensions-apiserver/pkg/apiserver/customresource_handler.go,
//   removeDeadStorage → tearDown → DestroyFunc).
let sim: KubeSim;

beforeAll(async () => {
  sim = await startKubeSim({ name: 'crd-lifecycle', tls: false });
});
afterAll(async () => {
  await sim.stop();
});

const CRDS = '/apis/apiextensions.k8s.io/v1/customresourcedefinitions';
const crd = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'gadgets.example.com' },
  spec: {
    group: 'example.com',
    scope: 'Namespaced',
    names: { plural: 'gadgets', kind: 'Gadget' },
    versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } }],
  },
};

/** Opens a watch; `ended` resolves with its event types once the server closes it. */
function openWatch(path: string): { types: string[]; ended: Promise<string[]> } {
  const types: string[] = [];
  const ended = new Promise<string[]>((resolve, reject) => {
    const req = request(`${sim.url}${path}`, { headers: { Authorization: `Bearer ${sim.adminToken}` } }, (res) => {
      let buf = '';
      res.on('data', (c: Buffer) => {
        buf += c.toString();
        const lines = buf.split('\n');
        buf = lines.pop() ?? '';
        for (const l of lines.filter(Boolean)) types.push((JSON.parse(l) as { type: string }).type);
      });
      res.on('end', () => resolve(types));
    });
    req.on('error', reject);
    req.end();
  });
  return { types, ended };
}

describe('CustomResourceDefinition lifecycle', () => {
  it('has no finalizer until deletion starts, then carries customresourcecleanup while its objects go', async () => {
    expect((await call(sim, 'POST', CRDS, { body: crd })).status).toBe(201);
    await eventually(async () => (await call(sim, 'GET', '/apis/example.com/v1/namespaces/default/gadgets')).status === 200, 'gadgets served');
    const established = (await call(sim, 'GET', `${CRDS}/gadgets.example.com`)).json();
    expect(established.status.conditions).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'Established', status: 'True' })]));
    expect(established.metadata.finalizers).toBeUndefined();

    const gadget = { apiVersion: 'example.com/v1', kind: 'Gadget', metadata: { name: 'g1', namespace: 'default' }, spec: { size: 1 } };
    expect((await call(sim, 'POST', '/apis/example.com/v1/namespaces/default/gadgets', { body: gadget })).status).toBe(201);
    const watch = openWatch('/apis/example.com/v1/namespaces/default/gadgets?watch=1');
    await eventually(() => watch.types.includes('ADDED'), 'the ADDED event');

    const deleted = await call(sim, 'DELETE', `${CRDS}/gadgets.example.com`);
    expect(deleted.status).toBe(200);
    expect(deleted.json().metadata.finalizers).toEqual(['customresourcecleanup.apiextensions.k8s.io']);
    expect(deleted.json().metadata.deletionTimestamp).toEqual(expect.any(String));

    // The watch sees its object go, then ends with the CRD instead of staying open for its timeout.
    const stillOpen = new Promise<string>((r) => setTimeout(() => r('still open after 3 s'), 3000).unref());
    expect(await Promise.race([watch.ended, stillOpen])).toEqual(['ADDED', 'DELETED']);
    expect((await call(sim, 'GET', `${CRDS}/gadgets.example.com`)).status).toBe(404);
  });
});
