import * as grpc from '@grpc/grpc-js';
import { ApiServerHarness, call, startApiServer } from '../testing/api-server.harness';

// Argo CD's ApplicationSetService ResourceTree (GET /api/v1/applicationsets/{name}/resource-tree):
// the Applications the set's status lists, as ApplicationSetTree nodes; RBAC applicationsets/get.
describe('ApplicationSet ResourceTree (the api-server process on a kube-sim hub)', () => {
  let api: ApiServerHarness;
  let viewer: string;

  const appset = {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'ApplicationSet',
    metadata: { name: 'web' },
    spec: {
      generators: [{ list: { elements: [{ cluster: 'dev' }, { cluster: 'prod' }] } }],
      template: {
        metadata: { name: '{{cluster}}-web' },
        spec: {
          project: 'default',
          source: { repoURL: 'https://example.com/repo.git', path: 'web' },
          destination: { server: 'https://kubernetes.default.svc', namespace: 'web' },
        },
      },
    },
  };

  beforeAll(async () => {
    api = await startApiServer({ FLOTILLA_REPO_SERVER: '127.0.0.1:1' });
    await api.login();
    expect((await api.rest('/api/v1/applicationsets', { method: 'POST', body: JSON.stringify(appset) })).status).toBe(200);
    // What the appset-controller records once it has generated the Applications.
    const stored = (await api.kube('GET', api.nsPath('applicationsets/web'))).body;
    const status = {
      resources: [
        {
          group: 'argoproj.io',
          version: 'v1alpha1',
          kind: 'Application',
          name: 'prod-web',
          status: 'Synced',
          health: { status: 'Degraded', message: 'pod crashed' },
        },
        {
          group: 'argoproj.io',
          version: 'v1alpha1',
          kind: 'Application',
          name: 'dev-web',
          status: 'Synced',
          health: { status: 'Healthy' },
        },
      ],
    };
    expect((await api.kube('PUT', api.nsPath('applicationsets/web/status'), { ...stored, status })).status).toBe(200);
    await api.kube('POST', `/api/v1/namespaces/${api.namespace}/configmaps`, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'argocd-cm' },
      data: { 'accounts.viewer': 'login' },
    });
    await new Promise((r) => setTimeout(r, 1100)); // settings are cached for a second
    await call(
      api.clients.accounts,
      'UpdatePassword',
      { name: 'viewer', currentPassword: await api.initialPassword(), newPassword: 'viewer-password' },
      api.md(),
    );
    viewer = (await call(api.clients.session, 'Create', { username: 'viewer', password: 'viewer-password' })).token;
  }, 90_000);

  afterAll(async () => {
    await api?.stop();
  });

  it('answers a node per generated Application, sorted, with its health and the set as parent', async () => {
    const res = await api.rest('/api/v1/applicationsets/web/resource-tree');
    expect(res.status).toBe(200);
    const uid = (await api.kube('GET', api.nsPath('applicationsets/web'))).body.metadata.uid;
    const parentRefs = [{ group: 'argoproj.io', version: 'v1alpha1', kind: 'ApplicationSet', namespace: api.namespace, name: 'web', uid }];
    expect(await res.json()).toEqual({
      nodes: [
        {
          group: 'argoproj.io',
          version: 'v1alpha1',
          kind: 'Application',
          namespace: api.namespace,
          name: 'dev-web',
          parentRefs,
          health: { status: 'Healthy' },
        },
        {
          group: 'argoproj.io',
          version: 'v1alpha1',
          kind: 'Application',
          namespace: api.namespace,
          name: 'prod-web',
          parentRefs,
          health: { status: 'Degraded', message: 'pod crashed' },
        },
      ],
    });
    const viaGrpc = JSON.parse((await call(api.clients.appsets, 'ResourceTree', { name: 'web' }, api.md())).json);
    expect(viaGrpc.nodes.map((n: { name: string }) => n.name)).toEqual(['dev-web', 'prod-web']);
  });

  it('needs applicationsets/get, and names a set that does not exist', async () => {
    const denied = await api.rest('/api/v1/applicationsets/web/resource-tree', { token: viewer });
    expect(denied.status).toBe(403);
    expect((await denied.json()).message).toBe('permission denied: applicationsets, get, default/web, sub: viewer');
    const missing = await api.rest('/api/v1/applicationsets/nothing/resource-tree');
    expect(missing.status).toBe(404);
    expect((await missing.json()).message).toBe('applicationsets.argoproj.io "nothing" not found');
    await expect(call(api.clients.appsets, 'ResourceTree', { name: 'web', appsetNamespace: 'elsewhere' }, api.md())).rejects.toMatchObject({
      code: grpc.status.PERMISSION_DENIED,
    });
  });
});
