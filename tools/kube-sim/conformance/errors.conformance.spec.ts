import { KubeSim, startKubeSim } from '../src/kube-sim';
import { call } from './http.harness';

// The Status bodies and codes a kube-apiserver returns for bad requests, which clients switch on.
let sim: KubeSim;

beforeAll(async () => {
  sim = await startKubeSim({ name: 'errors' });
  await call(sim, 'POST', '/api/v1/namespaces/default/configmaps', { body: { metadata: { name: 'existing' }, data: { a: '1' } } });
});
afterAll(async () => {
  await sim.stop();
});

const statusOf = (body: any) => ({ kind: body.kind, apiVersion: body.apiVersion, status: body.status, reason: body.reason, code: body.code });

describe('kube-sim error responses', () => {
  it('400 BadRequest for a body that is not JSON or YAML', async () => {
    const r = await call(sim, 'POST', '/api/v1/namespaces/default/configmaps', { body: '{"metadata": {', contentType: 'application/json' });
    expect(r.status).toBe(400);
    expect(statusOf(r.json())).toEqual({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'BadRequest', code: 400 });
  });

  it('404 NotFound naming the resource and the object', async () => {
    const r = await call(sim, 'GET', '/api/v1/namespaces/default/configmaps/nope');
    expect(r.status).toBe(404);
    expect(r.json()).toMatchObject({ reason: 'NotFound', message: 'configmaps "nope" not found', details: { name: 'nope', kind: 'configmaps' }, code: 404 });
    // An unserved version of a built-in group is go-restful's Status; a group nothing serves falls
    // through to Go's plain http.NotFound (both as a real v1.20.2 answers).
    const version = await call(sim, 'GET', '/apis/policy/v2/poddisruptionbudgets');
    expect(version.status).toBe(404);
    expect(version.json()).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'the server could not find the requested resource', reason: 'NotFound', details: {}, code: 404 });
    const route = await call(sim, 'GET', '/apis/nothing.example.com/v1/things');
    expect({ status: route.status, type: route.headers['content-type'], text: route.text }).toEqual({ status: 404, type: 'text/plain; charset=utf-8', text: '404 page not found\n' });
  });

  it('409 AlreadyExists on a second create and Conflict on a stale resourceVersion', async () => {
    const dup = await call(sim, 'POST', '/api/v1/namespaces/default/configmaps', { body: { metadata: { name: 'existing' } } });
    expect(dup.status).toBe(409);
    expect(dup.json()).toMatchObject({ reason: 'AlreadyExists', message: 'configmaps "existing" already exists' });

    const live = (await call(sim, 'GET', '/api/v1/namespaces/default/configmaps/existing')).json();
    const first = await call(sim, 'PUT', '/api/v1/namespaces/default/configmaps/existing', { body: { ...live, data: { a: '2' } } });
    expect(first.status).toBe(200);
    const stale = await call(sim, 'PUT', '/api/v1/namespaces/default/configmaps/existing', { body: { ...live, data: { a: '3' } } });
    expect(stale.status).toBe(409);
    expect(stale.json()).toMatchObject({
      reason: 'Conflict',
      message: 'Operation cannot be fulfilled on configmaps "existing": the object has been modified; please apply your changes to the latest version and try again',
    });
  });

  it('422 Invalid with a cause per field', async () => {
    const r = await call(sim, 'POST', '/apis/apps/v1/namespaces/default/deployments', {
      body: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'Bad_Name' }, spec: { template: { spec: { containers: [{ name: 'c' }] } } } },
    });
    expect(r.status).toBe(422);
    const body = r.json();
    expect(body.reason).toBe('Invalid');
    expect(body.message).toMatch(/^Deployment\.apps "Bad_Name" is invalid: /);
    const fields = body.details.causes.map((c: any) => c.field);
    expect(fields).toEqual(expect.arrayContaining(['metadata.name', 'spec.selector', 'spec.template.spec.containers[0].image']));
    expect(body.details).toMatchObject({ name: 'Bad_Name', group: 'apps', kind: 'Deployment' });
  });

  it('401 for unknown credentials and 403 naming what RBAC denied', async () => {
    const unknown = await call(sim, 'GET', '/api/v1/namespaces', { token: 'made-up' });
    expect(unknown.status).toBe(401);
    expect(statusOf(unknown.json())).toMatchObject({ reason: 'Unauthorized', code: 401 });

    const anonymous = await call(sim, 'GET', '/api/v1/namespaces', { token: null });
    expect(anonymous.status).toBe(403);
    expect(anonymous.json()).toMatchObject({
      reason: 'Forbidden',
      message: 'namespaces is forbidden: User "system:anonymous" cannot list resource "namespaces" in API group "" at the cluster scope',
      details: { kind: 'namespaces' },
    });
    expect((await call(sim, 'GET', '/version', { token: null })).status).toBe(200);
  });

  it('405 for a verb a resource does not serve', async () => {
    const ssar = await call(sim, 'GET', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews');
    expect(ssar.status).toBe(405);
    expect(ssar.json().reason).toBe('MethodNotAllowed');
  });

  it('honours dryRun=All without storing anything', async () => {
    const r = await call(sim, 'POST', '/api/v1/namespaces/default/configmaps?dryRun=All', { body: { metadata: { name: 'dry' } } });
    expect(r.status).toBe(201);
    expect(r.json().metadata.uid).toBeTruthy();
    expect((await call(sim, 'GET', '/api/v1/namespaces/default/configmaps/dry')).status).toBe(404);
  });
});

describe('kube-sim list semantics over HTTP', () => {
  beforeAll(async () => {
    for (let i = 0; i < 7; i++) {
      const tier = ['web', 'db', 'cache'][i % 3];
      await call(sim, 'POST', '/api/v1/namespaces/default/configmaps', { body: { metadata: { name: `item-${i}`, labels: { tier, idx: String(i) } } } });
    }
  });

  it('filters by equality and set-based label selectors and by field selectors', async () => {
    const names = async (q: string): Promise<string[]> => (await call(sim, 'GET', `/api/v1/namespaces/default/configmaps?${q}`)).json().items.map((i: any) => i.metadata.name);
    expect(await names('labelSelector=tier%3Ddb')).toEqual(['item-1', 'item-4']);
    expect(await names(`labelSelector=${encodeURIComponent('tier in (db,cache),idx!=5')}`)).toEqual(['item-1', 'item-2', 'item-4']);
    expect(await names(`labelSelector=${encodeURIComponent('!tier')}&fieldSelector=${encodeURIComponent('metadata.name=existing')}`)).toEqual(['existing']);
  });

  it('pages with limit and continue, reporting remainingItemCount only without selectors', async () => {
    const first = (await call(sim, 'GET', '/api/v1/namespaces/default/configmaps?limit=3')).json();
    expect(first.items.map((i: any) => i.metadata.name)).toEqual(['existing', 'item-0', 'item-1']);
    expect(first.metadata.remainingItemCount).toBe(6);
    const second = (await call(sim, 'GET', `/api/v1/namespaces/default/configmaps?limit=10&continue=${encodeURIComponent(first.metadata.continue)}`)).json();
    expect(second.items.map((i: any) => i.metadata.name)).toEqual(['item-2', 'item-3', 'item-4', 'item-5', 'item-6', 'kube-root-ca.crt']);
    expect(second.metadata.continue).toBeUndefined();
    const selected = (await call(sim, 'GET', '/api/v1/namespaces/default/configmaps?labelSelector=tier&limit=3')).json();
    expect(selected.items).toHaveLength(3);
    expect(selected.metadata.continue).toBeTruthy();
    expect(selected.metadata.remainingItemCount).toBeUndefined();
  });
});
