import * as grpc from '@grpc/grpc-js';
import { toJsonObject } from '@flotilla/contracts';
import { KubeSim, startKubeSim } from '@flotilla/kube-sim';
import { clusterInfoKey } from '@flotilla/api-types';
import { Redis } from 'ioredis';
import { ApiServerHarness, appManifest, call, decodeBase64, startApiServer } from '../testing/api-server.harness';

describe('clusters, repositories and projects (the api-server process on a kube-sim hub, gRPC and REST on one port)', () => {
  let api: ApiServerHarness;
  let spoke: KubeSim;

  beforeAll(async () => {
    api = await startApiServer({ FLOTILLA_REPO_SERVER: '127.0.0.1:1' });
    await api.login();
    spoke = await startKubeSim({ name: 'spoke' });
  }, 90_000);

  afterAll(async () => {
    await spoke?.stop();
    await api?.stop();
  });

  describe('clusters', () => {
    const spokeCluster = () => ({
      server: spoke.url,
      name: 'spoke',
      labels: { env: 'dev' },
      config: { bearerToken: spoke.adminToken, tlsClientConfig: { caData: spoke.caData, insecure: false } },
    });

    it('lists the in-cluster hub even without a Secret', async () => {
      const list = await (await api.rest('/api/v1/clusters')).json();
      expect(list.items).toEqual([
        {
          server: 'https://kubernetes.default.svc',
          name: 'in-cluster',
          config: { tlsClientConfig: { insecure: false } },
          // No app-controller has recorded anything about it yet.
          connectionState: { status: 'Unknown', message: 'Cluster has no applications and is not being monitored.' },
          info: { connectionState: { status: 'Unknown', message: 'Cluster has no applications and is not being monitored.' }, applicationsCount: 0 },
        },
      ]);
    });

    it('shows what the app-controller recorded about a cluster: version, connection state, apps', async () => {
      const redis = new Redis('redis://127.0.0.1:6379');
      const key = clusterInfoKey('https://kubernetes.default.svc');
      try {
        const info = { serverVersion: '1.33', connectionState: { status: 'Failed', message: 'connect ECONNREFUSED', attemptedAt: '2026-11-22T10:00:00Z' }, applicationsCount: 2 };
        await redis.set(key, JSON.stringify(info), 'EX', 60);
        const got = await (await api.rest(`/api/v1/clusters/${encodeURIComponent('https://kubernetes.default.svc')}`)).json();
        expect(got).toMatchObject({ connectionState: info.connectionState, info: { serverVersion: '1.33', applicationsCount: 2, connectionState: info.connectionState } });
      } finally {
        await redis.del(key);
        redis.disconnect();
      }
    });

    it('adds a reachable cluster as an Argo cluster Secret and never returns its credentials', async () => {
      const created = JSON.parse((await call(api.clients.clusters, 'Create', { cluster: toJsonObject(spokeCluster()) }, api.md())).json);
      expect(created).toMatchObject({
        server: spoke.url,
        name: 'spoke',
        labels: { env: 'dev' },
        connectionState: { status: 'Successful' },
        info: { serverVersion: expect.stringMatching(/^1\.\d+$/) },
      });
      expect(created.config).toEqual({ tlsClientConfig: { insecure: false } });
      const host = new URL(spoke.url).hostname;
      const secrets = (
        await api.kube('GET', `/api/v1/namespaces/${api.namespace}/secrets?labelSelector=argocd.argoproj.io%2Fsecret-type%3Dcluster`)
      ).body.items;
      expect(secrets).toHaveLength(1);
      expect(secrets[0].metadata.name).toMatch(new RegExp(`^cluster-${host.replace(/\./g, '\\.')}-\\d+$`));
      expect(secrets[0].metadata.labels).toMatchObject({ env: 'dev', 'argocd.argoproj.io/secret-type': 'cluster' });
      expect(JSON.parse(decodeBase64(secrets[0].data.config)).bearerToken).toBe(spoke.adminToken);
      expect(decodeBase64(secrets[0].data.name)).toBe('spoke');
      const listed = await (await api.rest('/api/v1/clusters')).text();
      expect(listed).toContain('"name":"spoke"');
      expect(listed).not.toContain(spoke.adminToken);
      expect(listed).not.toContain(spoke.caData);
      const got = await (await api.rest(`/api/v1/clusters/${encodeURIComponent(spoke.url)}`)).json();
      expect(got).toMatchObject({ name: 'spoke', config: { tlsClientConfig: { insecure: false } } });
      const byName = JSON.parse((await call(api.clients.clusters, 'Get', { id: { type: 'name', value: 'spoke' } }, api.md())).json);
      expect(byName.server).toBe(spoke.url);
    });

    it('accepts the same cluster again, refuses a changed one without upsert', async () => {
      await expect(call(api.clients.clusters, 'Create', { cluster: toJsonObject(spokeCluster()) }, api.md())).resolves.toBeDefined();
      await expect(
        call(api.clients.clusters, 'Create', { cluster: toJsonObject({ ...spokeCluster(), labels: { env: 'prod' } }) }, api.md()),
      ).rejects.toMatchObject({
        code: grpc.status.INVALID_ARGUMENT,
        details: 'existing cluster spec is different; use upsert flag to force update',
      });
      const upserted = JSON.parse(
        (
          await call(
            api.clients.clusters,
            'Create',
            { cluster: toJsonObject({ ...spokeCluster(), labels: { env: 'prod' } }), upsert: true },
            api.md(),
          )
        ).json,
      );
      expect(upserted.labels).toEqual({ env: 'prod' });
    });

    it('lets Applications target the new cluster by name', async () => {
      const res = await api.rest('/api/v1/applications?validate=false', {
        method: 'POST',
        body: JSON.stringify(appManifest('on-spoke', { destination: { name: 'spoke', namespace: 'web' } })),
      });
      expect(res.status).toBe(200);
      await api.rest('/api/v1/applications/on-spoke?cascade=false', { method: 'DELETE' });
    });

    it('refuses an unreachable cluster', async () => {
      const res = await api.rest('/api/v1/clusters', {
        method: 'POST',
        body: JSON.stringify({ server: 'https://127.0.0.1:1', name: 'gone', config: { bearerToken: 'secret-token-value' } }),
      });
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(body.message).toMatch(/^error getting server version/);
      expect(body.message).not.toContain('secret-token-value');
    });

    it('deletes a cluster Secret', async () => {
      expect((await api.rest(`/api/v1/clusters/${encodeURIComponent(spoke.url)}`, { method: 'DELETE' })).status).toBe(200);
      expect((await api.rest(`/api/v1/clusters/${encodeURIComponent(spoke.url)}`)).status).toBe(404);
      const list = await (await api.rest('/api/v1/clusters')).json();
      expect(list.items.map((c: any) => c.name)).toEqual(['in-cluster']);
    });
  });

  describe('repositories and projects', () => {
    it('stores a repository Secret with its password and never returns it', async () => {
      const repo = { repo: 'https://charts.example.com', type: 'helm', name: 'charts', username: 'bot', password: 's3cret-pass' };
      const created = JSON.parse((await call(api.clients.repositories, 'Create', { repo: toJsonObject(repo) }, api.md())).json);
      expect(created).toMatchObject({ repo: 'https://charts.example.com', type: 'helm', username: 'bot' });
      expect(created.password).toBeUndefined();
      const secrets = (
        await api.kube('GET', `/api/v1/namespaces/${api.namespace}/secrets?labelSelector=argocd.argoproj.io%2Fsecret-type%3Drepository`)
      ).body.items;
      expect(secrets.map((s: any) => decodeBase64(s.data.password))).toEqual(['s3cret-pass']);
      expect(secrets[0].metadata.name).toMatch(/^repo-\d+$/);
      const listed = await (await api.rest('/api/v1/repositories')).text();
      expect(listed).toContain('charts.example.com');
      expect(listed).not.toContain('s3cret-pass');
      const got = await (await api.rest(`/api/v1/repositories/${encodeURIComponent('https://charts.example.com')}`)).json();
      expect(got).toMatchObject({ name: 'charts', username: 'bot' });
      expect(got.password).toBeUndefined();
      expect(
        (await api.rest(`/api/v1/repositories/${encodeURIComponent('https://charts.example.com')}`, { method: 'DELETE' })).status,
      ).toBe(200);
    });

    it('refuses a git repository repo-server cannot reach', async () => {
      const res = await api.rest('/api/v1/repositories', {
        method: 'POST',
        body: JSON.stringify({ repo: 'https://git.example.com/a.git', password: 'pw-hidden' }),
      });
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(body.message).toMatch(/^unable to connect to repository https:\/\/git\.example\.com\/a\.git/);
      expect(body.message).not.toContain('pw-hidden');
    });

    it('creates, lists and deletes AppProjects, but not default or one in use', async () => {
      const project = { metadata: { name: 'team-a' }, spec: { sourceRepos: ['*'], destinations: [{ server: '*', namespace: 'team-a' }] } };
      expect((await api.rest('/api/v1/projects', { method: 'POST', body: JSON.stringify({ project }) })).status).toBe(200);
      const names = (await (await api.rest('/api/v1/projects')).json()).items.map((p: any) => p.metadata.name);
      expect(names).toEqual(['default', 'team-a']);
      const denied = await api.rest('/api/v1/applications?validate=false', {
        method: 'POST',
        body: JSON.stringify(appManifest('wrong-ns', { project: 'team-a' })),
      });
      expect((await denied.json()).message).toMatch(
        /application destination server 'https:\/\/kubernetes.default.svc' and namespace 'web' do not match any of the allowed destinations in project 'team-a'/,
      );
      expect((await (await api.rest('/api/v1/projects/default', { method: 'DELETE' })).json()).message).toBe(
        "name 'default' is reserved and cannot be deleted",
      );
      expect((await api.rest('/api/v1/projects/team-a', { method: 'DELETE' })).status).toBe(200);
    });
  });
});
