import { request } from 'node:http';
import { KubeSim, startKubeSim } from '../src/kube-sim';
import { call } from './http.harness';
import { eventually } from './kubectl.harness';

// Object lifecycles over HTTP: finalizers, namespace deletion, deletecollection, status, watch bookmarks.
let sim: KubeSim;

beforeAll(async () => {
  sim = await startKubeSim({ name: 'lifecycle', tls: false, watch: { bookmarkIntervalMs: 100 } });
  await call(sim, 'POST', '/api/v1/namespaces', { body: { metadata: { name: 'apps' } } });
});
afterAll(async () => {
  await sim.stop();
});

const cm = (name: string, extra: object = {}) => ({ metadata: { name, ...extra } });

describe('kube-sim object lifecycle', () => {
  it('holds a deletion with finalizers, stamping deletionTimestamp, until they are removed', async () => {
    await call(sim, 'POST', '/api/v1/namespaces/apps/configmaps', { body: cm('held', { finalizers: ['example.com/cleanup'] }) });
    const del = await call(sim, 'DELETE', '/api/v1/namespaces/apps/configmaps/held');
    expect(del.status).toBe(200);
    const held = (await call(sim, 'GET', '/api/v1/namespaces/apps/configmaps/held')).json();
    expect(held.metadata.deletionTimestamp).toBeTruthy();
    await call(sim, 'PATCH', '/api/v1/namespaces/apps/configmaps/held', { body: { metadata: { finalizers: null } }, contentType: 'application/merge-patch+json' });
    await eventually(async () => (await call(sim, 'GET', '/api/v1/namespaces/apps/configmaps/held')).status === 404, 'the object to go');
  });

  it('deletes a collection by label selector', async () => {
    for (const n of ['a', 'b', 'c']) await call(sim, 'POST', '/api/v1/namespaces/apps/configmaps', { body: cm(n, { labels: { batch: n === 'c' ? 'keep' : 'drop' } }) });
    const r = await call(sim, 'DELETE', '/api/v1/namespaces/apps/configmaps?labelSelector=batch%3Ddrop');
    expect(r.status).toBe(200);
    const left = (await call(sim, 'GET', '/api/v1/namespaces/apps/configmaps?labelSelector=batch')).json().items.map((i: any) => i.metadata.name);
    expect(left).toEqual(['c']);
  });

  it('bumps generation on spec changes only, and keeps status writes to /status', async () => {
    const dep = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'gen' }, spec: { replicas: 0, selector: { matchLabels: { app: 'gen' } }, template: { metadata: { labels: { app: 'gen' } }, spec: { containers: [{ name: 'c', image: 'i:1' }] } } } };
    await call(sim, 'POST', '/apis/apps/v1/namespaces/apps/deployments', { body: dep });
    const labelled = (await call(sim, 'PATCH', '/apis/apps/v1/namespaces/apps/deployments/gen', { body: { metadata: { labels: { x: 'y' } } }, contentType: 'application/merge-patch+json' })).json();
    expect(labelled.metadata.generation).toBe(1);
    const scaled = (await call(sim, 'PATCH', '/apis/apps/v1/namespaces/apps/deployments/gen', { body: { spec: { replicas: 1 } }, contentType: 'application/strategic-merge-patch+json' })).json();
    expect(scaled.metadata.generation).toBe(2);
    const ignored = (await call(sim, 'PATCH', '/apis/apps/v1/namespaces/apps/deployments/gen', { body: { status: { replicas: 42 } }, contentType: 'application/merge-patch+json' })).json();
    expect(ignored.status?.replicas).not.toBe(42);
    const scale = (await call(sim, 'GET', '/apis/apps/v1/namespaces/apps/deployments/gen/scale')).json();
    expect(scale).toMatchObject({ kind: 'Scale', apiVersion: 'autoscaling/v1', spec: { replicas: 1 } });
  });

  it('removes everything inside a namespace when it is deleted', async () => {
    await call(sim, 'POST', '/api/v1/namespaces', { body: { metadata: { name: 'doomed' } } });
    await call(sim, 'POST', '/api/v1/namespaces/doomed/configmaps', { body: cm('inside') });
    const deleting = (await call(sim, 'DELETE', '/api/v1/namespaces/doomed')).json();
    expect(deleting.metadata.deletionTimestamp).toBeTruthy();
    expect(deleting.status.phase).toBe('Terminating');
    const refused = await call(sim, 'POST', '/api/v1/namespaces/doomed/configmaps', { body: cm('late') });
    expect(refused.status).toBe(403);
    expect(refused.json().message).toContain('because it is being terminated');
    await eventually(async () => (await call(sim, 'GET', '/api/v1/namespaces/doomed')).status === 404, 'the namespace to go', 5000);
    expect((await call(sim, 'GET', '/api/v1/namespaces/doomed/configmaps/inside')).status).toBe(404);
  });

  // The namespace controller (pkg/controller/namespace/deletion/namespaced_resources_deleter.go) empties
  // the namespace through discovery before it drops the `kubernetes` finalizer, so a real namespace
  // reads Terminating for seconds; NamespaceLifecycle admission refuses new content with
  // admission.NewForbidden, which names the object (plugin/pkg/admission/namespace/lifecycle/admission.go).
  it('keeps a deleted namespace Terminating for a while, its content gone first, and refuses new content by name', async () => {
    await call(sim, 'POST', '/api/v1/namespaces', { body: { metadata: { name: 'slow' } } });
    await call(sim, 'POST', '/api/v1/namespaces/slow/configmaps', { body: cm('inside') });
    const started = Date.now();
    await call(sim, 'DELETE', '/api/v1/namespaces/slow');
    await eventually(async () => (await call(sim, 'GET', '/api/v1/namespaces/slow/configmaps/inside')).status === 404, 'the content to go');
    await new Promise((r) => setTimeout(r, 500));
    const terminating = (await call(sim, 'GET', '/api/v1/namespaces/slow')).json();
    expect(terminating.status.phase).toBe('Terminating');
    expect(terminating.spec.finalizers).toEqual(['kubernetes']);
    const refused = await call(sim, 'POST', '/api/v1/namespaces/slow/configmaps', { body: cm('late') });
    expect(refused.status).toBe(403);
    expect(refused.json()).toMatchObject({
      reason: 'Forbidden',
      message: 'configmaps "late" is forbidden: unable to create new content in namespace slow because it is being terminated',
      details: { name: 'late', kind: 'configmaps', causes: [{ reason: 'NamespaceTerminating', message: 'namespace slow is being terminated', field: 'metadata.namespace' }] },
    });
    await eventually(async () => (await call(sim, 'GET', '/api/v1/namespaces/slow')).status === 404, 'the namespace to go', 5000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it('removes a namespace as soon as it is empty with timing.namespaceDeletionMs 0', async () => {
    const fast = await startKubeSim({ name: 'instant', tls: false, timing: { namespaceDeletionMs: 0 } });
    try {
      await call(fast, 'POST', '/api/v1/namespaces', { body: { metadata: { name: 'gone' } } });
      const started = Date.now();
      await call(fast, 'DELETE', '/api/v1/namespaces/gone');
      await eventually(async () => (await call(fast, 'GET', '/api/v1/namespaces/gone')).status === 404, 'the namespace to go', 1000);
      expect(Date.now() - started).toBeLessThan(1000);
    } finally {
      await fast.stop();
    }
  });

  it('streams watch events from a resourceVersion, with bookmarks', async () => {
    const start = (await call(sim, 'GET', '/api/v1/namespaces/apps/configmaps')).json().metadata.resourceVersion;
    const lines: any[] = [];
    const req = request(`${sim.url}/api/v1/namespaces/apps/configmaps?watch=1&allowWatchBookmarks=true&resourceVersion=${start}`, { headers: { Authorization: `Bearer ${sim.adminToken}` } }, (res) => {
      let buf = '';
      res.on('data', (d: Buffer) => {
        buf += d.toString();
        const parts = buf.split('\n');
        buf = parts.pop()!;
        for (const p of parts) if (p) lines.push(JSON.parse(p));
      });
    });
    req.end();
    try {
      await call(sim, 'POST', '/api/v1/namespaces/apps/configmaps', { body: cm('watched') });
      await eventually(() => lines.some((l) => l.type === 'ADDED' && l.object.metadata.name === 'watched'), 'the ADDED event');
      await eventually(() => lines.some((l) => l.type === 'BOOKMARK'), 'a bookmark', 2000);
      const bookmark = lines.find((l) => l.type === 'BOOKMARK');
      expect(bookmark.object).toMatchObject({ kind: 'ConfigMap', apiVersion: 'v1', metadata: { resourceVersion: expect.any(String) } });
    } finally {
      req.destroy();
    }
  });

  it('serves a new CRD in discovery within a second and forgets it after deletion', async () => {
    const crd = { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'gadgets.example.com' }, spec: { group: 'example.com', scope: 'Cluster', names: { plural: 'gadgets', kind: 'Gadget' }, versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } }] } };
    const started = Date.now();
    await call(sim, 'POST', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', { body: crd });
    await eventually(async () => (await call(sim, 'GET', '/apis/example.com/v1')).status === 200, 'discovery of example.com/v1', 1000);
    expect(Date.now() - started).toBeLessThan(1000);
    const list = (await call(sim, 'GET', '/apis/example.com/v1')).json();
    expect(list.resources.map((r: any) => r.name)).toEqual(['gadgets']);
    await call(sim, 'DELETE', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions/gadgets.example.com');
    await eventually(async () => (await call(sim, 'GET', '/apis/example.com/v1')).status === 404, 'example.com/v1 to disappear', 2000);
  });
});
