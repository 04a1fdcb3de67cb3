import * as grpc from '@grpc/grpc-js';
import { toJsonObject } from '@flotilla/contracts';
import { KubeSim, startKubeSim } from '@flotilla/kube-sim';
import { ApiServerHarness, call, decodeBase64, kubeApi, startApiServer } from '../testing/api-server.harness';

// Argo CD's ClusterService Update (PUT /api/v1/clusters/{id.value}, body cluster, updatedFields)
// and RotateAuth (POST /api/v1/clusters/{id.value}/rotate-auth), RBAC clusters/update.
describe('cluster Update and RotateAuth (the api-server process on a kube-sim hub)', () => {
  let api: ApiServerHarness;
  let spoke: KubeSim;
  let viewer: string;
  const SA_NS = 'kube-system';

  /** A ServiceAccount with full access on the spoke and its legacy token Secret, as argocd cluster add installs it. */
  async function managerToken(): Promise<{ token: string; secret: string }> {
    const kube = kubeApi(spoke);
    await kube('POST', `/api/v1/namespaces/${SA_NS}/serviceaccounts`, {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'argocd-manager' },
    });
    await kube('POST', '/apis/rbac.authorization.k8s.io/v1/clusterroles', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: 'argocd-manager-role' },
      rules: [
        { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
        { nonResourceURLs: ['*'], verbs: ['*'] },
      ],
    });
    await kube('POST', '/apis/rbac.authorization.k8s.io/v1/clusterrolebindings', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: 'argocd-manager-role-binding' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'argocd-manager-role' },
      subjects: [{ kind: 'ServiceAccount', name: 'argocd-manager', namespace: SA_NS }],
    });
    const secret = 'argocd-manager-long-lived-token';
    await kube('POST', `/api/v1/namespaces/${SA_NS}/secrets`, {
      apiVersion: 'v1',
      kind: 'Secret',
      type: 'kubernetes.io/service-account-token',
      metadata: { name: secret, annotations: { 'kubernetes.io/service-account.name': 'argocd-manager' } },
    });
    for (;;) {
      const got = await kube('GET', `/api/v1/namespaces/${SA_NS}/secrets/${secret}`);
      if (got.body?.data?.token) return { token: decodeBase64(got.body.data.token), secret };
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  const clusterSecrets = async () =>
    (await api.kube('GET', `/api/v1/namespaces/${api.namespace}/secrets?labelSelector=argocd.argoproj.io%2Fsecret-type%3Dcluster`)).body
      .items;
  const spokePath = () => `/api/v1/clusters/${encodeURIComponent(spoke.url)}`;

  beforeAll(async () => {
    api = await startApiServer({ FLOTILLA_REPO_SERVER: '127.0.0.1:1' });
    await api.login();
    spoke = await startKubeSim({ name: 'spoke', tls: false });
    const { token } = await managerToken();
    const cluster = { server: spoke.url, name: 'spoke', config: { bearerToken: token } };
    await call(api.clients.clusters, 'Create', { cluster: toJsonObject(cluster) }, api.md());
    // viewer may read clusters but not change them.
    await api.kube('POST', `/api/v1/namespaces/${api.namespace}/configmaps`, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'argocd-cm' },
      data: { 'accounts.viewer': 'login' },
    });
    await api.kube('POST', `/api/v1/namespaces/${api.namespace}/configmaps`, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'argocd-rbac-cm' },
      data: { 'policy.csv': 'p, viewer, clusters, get, *, allow' },
    });
    await new Promise((r) => setTimeout(r, 1100)); // settings are cached for a second
    await call(
      api.clients.accounts,
      'UpdatePassword',
      { name: 'viewer', currentPassword: await api.initialPassword(), newPassword: 'viewer-password' },
      api.md(),
    );
    viewer = (await call(api.clients.session, 'Create', { username: 'viewer', password: 'viewer-password' })).token;
  }, 120_000);

  afterAll(async () => {
    await spoke?.stop();
    await api?.stop();
  });

  describe('Update', () => {
    it('changes only the updatedFields, keeps the credentials, and answers the sanitized cluster', async () => {
      const res = await api.rest(`${spokePath()}?updatedFields=namespaces&updatedFields=labels&updatedFields=project`, {
        method: 'PUT',
        body: JSON.stringify({
          server: spoke.url,
          name: 'ignored',
          namespaces: ['web', 'db'],
          labels: { env: 'prod' },
          project: 'default',
          config: {},
        }),
      });
      expect(res.status).toBe(200);
      const text = await res.text();
      const updated = JSON.parse(text);
      expect(updated).toMatchObject({
        server: spoke.url,
        name: 'spoke',
        namespaces: ['web', 'db'],
        labels: { env: 'prod' },
        project: 'default',
        config: { tlsClientConfig: { insecure: false } },
        connectionState: { status: 'Successful' },
        info: { serverVersion: expect.stringMatching(/^1\.\d+$/) },
      });
      const [secret] = await clusterSecrets();
      expect(decodeBase64(secret.data.namespaces)).toBe('web,db');
      expect(decodeBase64(secret.data.project)).toBe('default');
      expect(secret.metadata.labels).toMatchObject({ env: 'prod' });
      const config = JSON.parse(decodeBase64(secret.data.config));
      expect(config.bearerToken).toMatch(/^ey/);
      expect(text).not.toContain(config.bearerToken);
    });

    it('replaces the whole cluster without updatedFields, over gRPC, and proves the new config reaches it', async () => {
      const [before] = await clusterSecrets();
      const config = JSON.parse(decodeBase64(before.data.config));
      const cluster = { server: spoke.url, name: 'spoke-renamed', config, annotations: { team: 'infra' } };
      const updated = JSON.parse((await call(api.clients.clusters, 'Update', { cluster: toJsonObject(cluster) }, api.md())).json);
      expect(updated).toMatchObject({ name: 'spoke-renamed', annotations: { team: 'infra' } });
      expect(updated.namespaces).toBeUndefined();
      expect(updated.labels).toBeUndefined();
      const broken = { ...cluster, config: { ...config, bearerToken: 'not-a-token-value' } };
      const err = await call(
        api.clients.clusters,
        'Update',
        { cluster: toJsonObject(broken), id: { type: 'name', value: 'spoke-renamed' } },
        api.md(),
      ).catch((e) => e);
      expect(err.code).toBe(grpc.status.UNKNOWN);
      expect(err.details).toMatch(/^failed to get server version: /);
      expect(err.details).not.toContain('not-a-token-value');
      const [after] = await clusterSecrets();
      expect(JSON.parse(decodeBase64(after.data.config)).bearerToken).toBe(config.bearerToken);
    });

    it('names an unknown updatedFields entry', async () => {
      const res = await api.rest(`${spokePath()}?updatedFields=server`, { method: 'PUT', body: JSON.stringify({ server: spoke.url }) });
      expect(res.status).toBe(400);
      expect((await res.json()).message).toBe(
        'unknown updatedFields server; known are name, namespaces, config, shard, clusterResources, labels, annotations, project',
      );
    });

    it('needs clusters/update, and answers not found only to a caller who may update', async () => {
      const denied = await api.rest(`${spokePath()}?updatedFields=labels`, {
        method: 'PUT',
        body: JSON.stringify({ labels: { a: 'b' } }),
        token: viewer,
      });
      expect(denied.status).toBe(403);
      expect((await denied.json()).message).toBe(`permission denied: clusters, update, ${spoke.url}, sub: viewer`);
      const missing = await api.rest(`/api/v1/clusters/${encodeURIComponent('https://nowhere.example.com')}?updatedFields=labels`, {
        method: 'PUT',
        body: JSON.stringify({ labels: { a: 'b' } }),
      });
      expect(missing.status).toBe(404);
      expect((await missing.json()).message).toBe('cluster "https://nowhere.example.com" not found');
      const hidden = await api.rest(`/api/v1/clusters/${encodeURIComponent('https://nowhere.example.com')}?updatedFields=labels`, {
        method: 'PUT',
        body: JSON.stringify({ labels: {} }),
        token: viewer,
      });
      expect(hidden.status).toBe(403);
    });
  });

  describe('RotateAuth', () => {
    it('needs clusters/update', async () => {
      const res = await api.rest(`${spokePath()}/rotate-auth`, { method: 'POST', token: viewer });
      expect(res.status).toBe(403);
      const missing = await api.rest(`/api/v1/clusters/${encodeURIComponent('https://nowhere.example.com')}/rotate-auth`, {
        method: 'POST',
      });
      expect(missing.status).toBe(404);
    });

    it('refuses a cluster that has no bearer token', async () => {
      const res = await api.rest(`/api/v1/clusters/${encodeURIComponent('https://kubernetes.default.svc')}/rotate-auth`, {
        method: 'POST',
      });
      expect(res.status).toBe(400);
      expect((await res.json()).message).toBe("Cluster 'https://kubernetes.default.svc' does not use bearer token authentication");
    });

    it('stores a new token of the same ServiceAccount, and deletes the old token Secret', async () => {
      const [before] = await clusterSecrets();
      const oldToken = JSON.parse(decodeBase64(before.data.config)).bearerToken;
      const res = await api.rest(`${spokePath()}/rotate-auth`, { method: 'POST' });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({});
      const [after] = await clusterSecrets();
      const newToken = JSON.parse(decodeBase64(after.data.config)).bearerToken;
      expect(newToken).toMatch(/^ey/);
      expect(newToken).not.toBe(oldToken);
      const spokeKube = kubeApi(spoke);
      expect((await spokeKube('GET', `/api/v1/namespaces/${SA_NS}/secrets/argocd-manager-long-lived-token`)).status).toBe(404);
      const tokens = (await spokeKube('GET', `/api/v1/namespaces/${SA_NS}/secrets`)).body.items.filter(
        (s: any) => s.type === 'kubernetes.io/service-account-token',
      );
      expect(tokens.map((s: any) => s.metadata.name)).toEqual([expect.stringMatching(/^argocd-manager-token-[0-9a-f]{6}$/)]);
      // The cluster is reachable with what was stored.
      expect((await (await api.rest(spokePath())).json()).name).toBe('spoke-renamed');
      expect(api.logs()).not.toContain(newToken);
    });
  });
});
