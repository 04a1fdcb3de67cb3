import * as grpc from '@grpc/grpc-js';
import { contracts, toJsonObject } from '@flotilla/contracts';
import type { RepoCredsServiceClient } from '@flotilla/contracts';
import { createGrpcClient } from '@flotilla/platform';
import { ApiServerHarness, call, decodeBase64, startApiServer } from '../testing/api-server.harness';

// Argo CD's RepoCredsService: /api/v1/repocreds list, create, update and delete of repo-creds
// Secrets, RBAC'd as repositories get/create/update/delete on the template's URL.
describe('repository credential templates (the api-server process on a kube-sim hub)', () => {
  let api: ApiServerHarness;
  let client: RepoCredsServiceClient;
  let viewer: string;
  const URL_PREFIX = 'https://git.example.com/team/';

  const credsSecrets = async () =>
    (await api.kube('GET', `/api/v1/namespaces/${api.namespace}/secrets?labelSelector=argocd.argoproj.io%2Fsecret-type%3Drepo-creds`)).body
      .items;

  beforeAll(async () => {
    api = await startApiServer({ FLOTILLA_REPO_SERVER: '127.0.0.1:1' });
    await api.login();
    client = createGrpcClient(
      contracts().repocreds.RepoCredsService as unknown as new (a: string, c: grpc.ChannelCredentials) => RepoCredsServiceClient,
      api.address,
    );
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
      data: { 'policy.csv': `p, viewer, repositories, get, ${URL_PREFIX}*, allow` },
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
    client?.close();
    await api?.stop();
  });

  it('creates a repo-creds Secret as Argo CD names and lays it out, answering the URL only', async () => {
    const res = await api.rest('/api/v1/repocreds', {
      method: 'POST',
      body: JSON.stringify({ url: URL_PREFIX, username: 'bot', password: 'tmpl-pass-1', enableOCI: false }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ url: URL_PREFIX });
    const [secret] = await credsSecrets();
    expect(secret.metadata.name).toMatch(/^creds-\d+$/);
    expect(secret.metadata.labels).toEqual({ 'argocd.argoproj.io/secret-type': 'repo-creds' });
    expect(Object.fromEntries(Object.entries(secret.data as Record<string, string>).map(([k, v]) => [k, decodeBase64(v)]))).toEqual({
      url: URL_PREFIX,
      username: 'bot',
      password: 'tmpl-pass-1',
    });
  });

  it('lists templates without credentials, only those the caller may get', async () => {
    await call(
      client,
      'CreateRepositoryCredentials',
      { creds: toJsonObject({ url: 'https://other.example.com/', sshPrivateKey: 'ssh-key-material' }) },
      api.md(),
    );
    const text = await (await api.rest('/api/v1/repocreds')).text();
    expect(text).not.toContain('tmpl-pass-1');
    expect(text).not.toContain('ssh-key-material');
    expect(JSON.parse(text)).toEqual({
      metadata: {},
      items: [{ url: URL_PREFIX, username: 'bot' }, { url: 'https://other.example.com/' }].sort((a, b) => a.url.localeCompare(b.url)),
    });
    expect((await (await api.rest('/api/v1/repocreds', { token: viewer })).json()).items).toEqual([{ url: URL_PREFIX, username: 'bot' }]);
  });

  it('accepts the same template again, refuses a changed one without upsert, replaces it with upsert', async () => {
    await expect(
      call(
        client,
        'CreateRepositoryCredentials',
        { creds: toJsonObject({ url: URL_PREFIX, username: 'bot', password: 'tmpl-pass-1' }) },
        api.md(),
      ),
    ).resolves.toBeDefined();
    await expect(
      call(
        client,
        'CreateRepositoryCredentials',
        { creds: toJsonObject({ url: URL_PREFIX, username: 'bot', password: 'tmpl-pass-2' }) },
        api.md(),
      ),
    ).rejects.toMatchObject({
      code: grpc.status.INVALID_ARGUMENT,
      details: 'existing repository credentials spec is different; use upsert flag to force update',
    });
    await call(
      client,
      'CreateRepositoryCredentials',
      { creds: toJsonObject({ url: URL_PREFIX, username: 'bot', password: 'tmpl-pass-2' }), upsert: true },
      api.md(),
    );
    const secret = (await credsSecrets()).find((s: any) => decodeBase64(s.data.url) === URL_PREFIX);
    expect(decodeBase64(secret.data.password)).toBe('tmpl-pass-2');
  });

  it('updates a template by its URL and names one that does not exist', async () => {
    const res = await api.rest(`/api/v1/repocreds/${encodeURIComponent(URL_PREFIX)}`, {
      method: 'PUT',
      body: JSON.stringify({ url: URL_PREFIX, username: 'robot', password: 'tmpl-pass-3' }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ url: URL_PREFIX });
    const secret = (await credsSecrets()).find((s: any) => decodeBase64(s.data.url) === URL_PREFIX);
    expect(decodeBase64(secret.data.username)).toBe('robot');
    const missing = await api.rest(`/api/v1/repocreds/${encodeURIComponent('https://nowhere.example.com/')}`, {
      method: 'PUT',
      body: JSON.stringify({ username: 'x' }),
    });
    expect(missing.status).toBe(404);
    expect((await missing.json()).message).toBe('repository credentials "https://nowhere.example.com/" not found');
    const noUrl = await api.rest('/api/v1/repocreds', { method: 'POST', body: JSON.stringify({ username: 'x' }) });
    expect(noUrl.status).toBe(400);
    expect((await noUrl.json()).message).toBe('must specify URL');
  });

  it('needs repositories create, update and delete on the URL', async () => {
    const created = await api.rest('/api/v1/repocreds', {
      method: 'POST',
      body: JSON.stringify({ url: `${URL_PREFIX}x/` }),
      token: viewer,
    });
    expect(created.status).toBe(403);
    expect((await created.json()).message).toBe(`permission denied: repositories, create, ${URL_PREFIX}x/, sub: viewer`);
    const updated = await api.rest(`/api/v1/repocreds/${encodeURIComponent(URL_PREFIX)}`, {
      method: 'PUT',
      body: JSON.stringify({ username: 'x' }),
      token: viewer,
    });
    expect(updated.status).toBe(403);
    expect((await updated.json()).message).toBe(`permission denied: repositories, update, ${URL_PREFIX}, sub: viewer`);
    const deleted = await api.rest(`/api/v1/repocreds/${encodeURIComponent(URL_PREFIX)}`, { method: 'DELETE', token: viewer });
    expect(deleted.status).toBe(403);
    expect((await deleted.json()).message).toBe(`permission denied: repositories, delete, ${URL_PREFIX}, sub: viewer`);
  });

  it('deletes a template, and names one that does not exist', async () => {
    expect((await api.rest(`/api/v1/repocreds/${encodeURIComponent(URL_PREFIX)}`, { method: 'DELETE' })).status).toBe(200);
    expect((await credsSecrets()).map((s: any) => decodeBase64(s.data.url))).toEqual(['https://other.example.com/']);
    await expect(call(client, 'DeleteRepositoryCredentials', { url: URL_PREFIX }, api.md())).rejects.toMatchObject({
      code: grpc.status.NOT_FOUND,
      details: `repository credentials "${URL_PREFIX}" not found`,
    });
  });
});
