import * as grpc from '@grpc/grpc-js';
import { toJsonObject } from '@flotilla/contracts';
import { startGitHttpServer, type GitHttpServer } from '@flotilla/git-server';
import { GitRepo, RepoServerProcess, startGitRepo, startRepoServer } from '@flotilla/testing';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiServerHarness, call, decodeBase64, startApiServer } from '../testing/api-server.harness';

// Argo CD's RepositoryService ListRefs (GET /api/v1/repositories/{repo}/refs, repositories/get),
// Update (PUT /api/v1/repositories/{repo.repo}, repositories/update) and ValidateAccess
// (POST /api/v1/repositories/{repo}/validate, repositories/create), against a real repo-server.
describe('repository ListRefs, Update and ValidateAccess (api-server and repo-server processes)', () => {
  let dir: string;
  let api: ApiServerHarness;
  let repoServer: RepoServerProcess;
  let open: GitRepo;
  let guarded: GitHttpServer;
  let url: string;
  let viewer: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'repo-update-spec-'));
    open = await startGitRepo(dir, 'apps');
    open.commit({ 'guestbook/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: gb\n' }, 'first');
    execFileSync('git', ['tag', 'v1.0.0'], { cwd: open.workDir });
    execFileSync('git', ['push', 'origin', 'v1.0.0'], { cwd: open.workDir, stdio: 'pipe' });
    execFileSync('git', ['push', 'origin', 'main:release'], { cwd: open.workDir, stdio: 'pipe' });
    // The same repositories, behind basic auth.
    guarded = await startGitHttpServer({ root: join(dir, 'git'), auth: { username: 'bot', password: 'git-pass-1' } });
    url = `${guarded.url}/apps.git`;
    repoServer = await startRepoServer(dir, `flotilla-spec-${randomBytes(4).toString('hex')}`);
    api = await startApiServer({ FLOTILLA_REPO_SERVER: repoServer.address });
    await api.login();
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
      data: { 'policy.csv': 'p, viewer, repositories, get, *, allow' },
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
    await api?.stop();
    await repoServer?.stop();
    await guarded?.stop();
    await open?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const repoPath = (u: string) => `/api/v1/repositories/${encodeURIComponent(u)}`;

  describe('ValidateAccess', () => {
    it('answers {} when repo-server reaches the repository with the credentials, and stores nothing', async () => {
      expect(
        await call(api.clients.repositories, 'ValidateAccess', { repo: url, username: 'bot', password: 'git-pass-1' }, api.md()),
      ).toEqual({});
      const res = await api.rest(`${repoPath(url)}/validate?username=bot&password=git-pass-1`, {
        method: 'POST',
        body: JSON.stringify(url),
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({});
      const secrets = await api.kube(
        'GET',
        `/api/v1/namespaces/${api.namespace}/secrets?labelSelector=argocd.argoproj.io%2Fsecret-type%3Drepository`,
      );
      expect(secrets.body.items).toEqual([]);
    });

    it('refuses wrong credentials without repeating them', async () => {
      const err = await call(
        api.clients.repositories,
        'ValidateAccess',
        { repo: url, username: 'bot', password: 'wrong-pass-9' },
        api.md(),
      ).catch((e) => e);
      expect(err.code).toBe(grpc.status.INVALID_ARGUMENT);
      expect(err.details).toMatch(new RegExp(`^unable to connect to repository ${url.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`));
      expect(err.details).not.toContain('wrong-pass-9');
      expect(api.logs()).not.toContain('wrong-pass-9');
    });

    it('needs repositories/create', async () => {
      const res = await api.rest(`${repoPath(url)}/validate?username=bot&password=git-pass-1`, {
        method: 'POST',
        body: JSON.stringify(url),
        token: viewer,
      });
      expect(res.status).toBe(403);
      expect((await res.json()).message).toBe(`permission denied: repositories, create, ${url}, sub: viewer`);
    });
  });

  describe('ListRefs', () => {
    beforeAll(async () => {
      const repo = { repo: url, username: 'bot', password: 'git-pass-1', name: 'apps' };
      await call(api.clients.repositories, 'Create', { repo: toJsonObject(repo) }, api.md());
    });

    it("lists a stored repository's branches and tags with its stored credentials, to a caller with repositories/get", async () => {
      const res = await api.rest(`${repoPath(url)}/refs`, { token: viewer });
      expect(res.status).toBe(200);
      const refs = await res.json();
      expect([...refs.branches].sort()).toEqual(['main', 'release']);
      expect(refs.tags).toEqual(['v1.0.0']);
      const viaGrpc = await call(api.clients.repositories, 'ListRefs', { repo: url }, api.md());
      expect([...viaGrpc.branches].sort()).toEqual(['main', 'release']);
    });

    it('answers not found for a repository that is not stored', async () => {
      const res = await api.rest(`${repoPath('https://git.example.com/none.git')}/refs`);
      expect(res.status).toBe(404);
      expect((await res.json()).message).toBe("repo 'https://git.example.com/none.git' not found");
    });
  });

  describe('Update', () => {
    it("replaces a stored repository's credentials and settings, answering its URL, type and name only", async () => {
      const res = await api.rest(repoPath(url), {
        method: 'PUT',
        body: JSON.stringify({
          repo: url,
          username: 'bot',
          password: 'git-pass-2',
          name: 'apps-renamed',
          proxy: 'http://proxy.example.com:3128',
        }),
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ repo: url, type: 'git', name: 'apps-renamed' });
      const [secret] = (
        await api.kube('GET', `/api/v1/namespaces/${api.namespace}/secrets?labelSelector=argocd.argoproj.io%2Fsecret-type%3Drepository`)
      ).body.items;
      expect(decodeBase64(secret.data.password)).toBe('git-pass-2');
      expect(decodeBase64(secret.data.name)).toBe('apps-renamed');
      expect(decodeBase64(secret.data.proxy)).toBe('http://proxy.example.com:3128');
      const got = await (await api.rest(repoPath(url))).json();
      expect(got).toMatchObject({ name: 'apps-renamed', username: 'bot' });
      expect(got.password).toBeUndefined();
    });

    it('needs repositories/update, and names a repository that is not stored', async () => {
      const denied = await api.rest(repoPath(url), { method: 'PUT', body: JSON.stringify({ repo: url, name: 'x' }), token: viewer });
      expect(denied.status).toBe(403);
      expect((await denied.json()).message).toBe(`permission denied: repositories, update, ${url}, sub: viewer`);
      const missing = await api.rest(repoPath('https://git.example.com/none.git'), {
        method: 'PUT',
        body: JSON.stringify({ repo: 'https://git.example.com/none.git' }),
      });
      expect(missing.status).toBe(404);
      expect((await missing.json()).message).toBe("repo 'https://git.example.com/none.git' not found");
    });
  });

  describe('credential templates', () => {
    let tools: GitRepo;
    let toolsUrl: string;

    beforeAll(async () => {
      // A second repository under the same guarded server, with no credentials of its own.
      tools = await startGitRepo(dir, 'tools');
      tools.commit({ 'README.md': 'tools\n' }, 'first');
      toolsUrl = `${guarded.url}/tools.git`;
      const res = await api.rest('/api/v1/repocreds', {
        method: 'POST',
        body: JSON.stringify({ url: `${guarded.url}/`, username: 'bot', password: 'git-pass-1' }),
      });
      expect(res.status).toBe(200);
    });

    afterAll(async () => {
      await tools?.stop();
    });

    it('validates and adds a repository given without credentials with its template’s, as Argo does', async () => {
      expect(await call(api.clients.repositories, 'ValidateAccess', { repo: toolsUrl }, api.md())).toEqual({});
      const created = await api.rest('/api/v1/repositories', { method: 'POST', body: JSON.stringify({ repo: toolsUrl, name: 'tools' }) });
      expect(created.status).toBe(200);
      const [secret] = (
        await api.kube('GET', `/api/v1/namespaces/${api.namespace}/secrets?labelSelector=argocd.argoproj.io%2Fsecret-type%3Drepository`)
      ).body.items.filter((s: any) => decodeBase64(s.data.repo) === toolsUrl);
      // The template's credentials are not copied into the repository's own Secret.
      expect(secret.data.password).toBeUndefined();
    });

    it('marks the repository inheritedCreds and lists its refs with the template’s credentials', async () => {
      const text = await (await api.rest('/api/v1/repositories')).text();
      expect(text).not.toContain('git-pass-1');
      const listed = JSON.parse(text).items.find((r: { repo: string }) => r.repo === toolsUrl);
      expect(listed).toMatchObject({ repo: toolsUrl, name: 'tools', inheritedCreds: true });
      expect(await (await api.rest(repoPath(toolsUrl))).json()).toMatchObject({ inheritedCreds: true });
      expect((await (await api.rest(`${repoPath(toolsUrl)}/refs`)).json()).branches).toEqual(['main']);
    });
  });
});
