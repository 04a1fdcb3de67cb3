import * as grpc from '@grpc/grpc-js';
import { toJsonObject } from '@flotilla/contracts';
import { startGitHttpServer, type GitHttpServer } from '@flotilla/git-server';
import { GitRepo, RepoServerProcess, startGitRepo, startRepoServer } from '@flotilla/testing';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiServerHarness, call, startApiServer } from '../testing/api-server.harness';

// Argo CD's RepositoryService ListApps (GET /api/v1/repositories/{repo}/apps) and GetAppDetails
// (POST /api/v1/repositories/{source.repoURL}/appdetails), what the UI's create-app dialog asks,
// over REST and gRPC against a real repo-server reading a repository behind basic auth whose
// credentials only a repo-creds template holds.
describe('repository ListApps and GetAppDetails (api-server and repo-server processes)', () => {
  let dir: string;
  let api: ApiServerHarness;
  let repoServer: RepoServerProcess;
  let repo: GitRepo;
  let guarded: GitHttpServer;
  let url: string;
  let first: string;
  const tokens: Record<string, string> = {};

  const apps = (u: string, query: string) => `/api/v1/repositories/${encodeURIComponent(u)}/apps?${query}`;
  const details = (u: string) => `/api/v1/repositories/${encodeURIComponent(u)}/appdetails`;
  const post = (path: string, body: unknown, token?: string) => api.rest(path, { method: 'POST', body: JSON.stringify(body), ...(token ? { token } : {}) });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'repo-apps-spec-'));
    repo = await startGitRepo(dir, 'apps');
    first = repo.commit(
      {
        'charts/web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 0.1.0\n',
        'charts/web/values.yaml': 'replicas: 1\nimage:\n  tag: "1.25"\n',
        'charts/web/values-prod.yaml': 'replicas: 3\n',
        'plain/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\n',
      },
      'first',
    );
    repo.commit(
      {
        'overlays/dev/kustomization.yaml': 'resources:\n  - deploy.yaml\n',
        'overlays/dev/deploy.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.25\n',
      },
      'an overlay',
    );
    guarded = await startGitHttpServer({ root: join(dir, 'git'), auth: { username: 'bot', password: 'git-pass-7' } });
    url = `${guarded.url}/apps.git`;
    repoServer = await startRepoServer(dir, `flotilla-spec-${randomBytes(4).toString('hex')}`, { PATH: `${join(__dirname, '../../../../.tools/bin')}:${process.env.PATH}` });
    api = await startApiServer({ FLOTILLA_REPO_SERVER: repoServer.address });
    await api.login();
    await api.kube('POST', `/api/v1/namespaces/${api.namespace}/configmaps`, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'argocd-cm' },
      data: { 'accounts.viewer': 'login', 'accounts.creator': 'login', 'accounts.nobody': 'login' },
    });
    const policy = [
      'p, viewer, repositories, get, *, allow',
      'p, viewer, applications, get, default/*, allow',
      'p, creator, repositories, get, *, allow',
      'p, creator, applications, get, */*, allow',
      'p, creator, applications, create, */*, allow',
    ];
    await api.kube('POST', `/api/v1/namespaces/${api.namespace}/configmaps`, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'argocd-rbac-cm' },
      data: { 'policy.csv': policy.join('\n') },
    });
    // The repository is not stored: its credentials come from the template, as Argo's GetRepository gives them.
    const creds = await api.rest('/api/v1/repocreds', { method: 'POST', body: JSON.stringify({ url: `${guarded.url}/`, username: 'bot', password: 'git-pass-7' }) });
    expect(creds.status).toBe(200);
    await api.kube('POST', api.nsPath('appprojects'), {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'AppProject',
      metadata: { name: 'narrow' },
      spec: { sourceRepos: ['https://example.com/*'], destinations: [{ server: '*', namespace: '*' }] },
    });
    await api.kube('POST', api.nsPath('applications'), {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: 'guestbook' },
      spec: {
        project: 'default',
        source: { repoURL: url, path: 'plain', targetRevision: 'main' },
        destination: { server: 'https://kubernetes.default.svc', namespace: 'web' },
      },
    });
    await new Promise((r) => setTimeout(r, 1100)); // settings are cached for a second
    for (const user of ['viewer', 'creator', 'nobody']) {
      await call(api.clients.accounts, 'UpdatePassword', { name: user, currentPassword: await api.initialPassword(), newPassword: `${user}-password` }, api.md());
      tokens[user] = (await call(api.clients.session, 'Create', { username: user, password: `${user}-password` })).token;
    }
  }, 180_000);

  afterAll(async () => {
    await api?.stop();
    await repoServer?.stop();
    await guarded?.stop();
    await repo?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('ListApps', () => {
    it('lists the Helm and Kustomize directories at HEAD or at a revision, sorted by path', async () => {
      const head = await api.rest(apps(url, 'appName=new-app&appProject=default'), { token: tokens.creator });
      expect(head.status).toBe(200);
      expect(await head.json()).toEqual({
        items: [
          { type: 'Helm', path: 'charts/web' },
          { type: 'Kustomize', path: 'overlays/dev' },
        ],
      });
      const old = await api.rest(apps(url, `revision=${first}&appName=new-app&appProject=default`), { token: tokens.creator });
      expect(await old.json()).toEqual({ items: [{ type: 'Helm', path: 'charts/web' }] });
      expect(await call(api.clients.repositories, 'ListApps', { repo: url, revision: first, appName: 'new-app', appProject: 'default' }, api.md(tokens.creator))).toEqual({
        items: [{ type: 'Helm', path: 'charts/web' }],
      });
    });

    it('needs repositories/get, and applications create or update on the app', async () => {
      const noRepo = await api.rest(apps(url, 'appName=new-app&appProject=default'), { token: tokens.nobody });
      expect(noRepo.status).toBe(403);
      expect((await noRepo.json()).message).toBe(`permission denied: repositories, get, ${url}, sub: nobody`);
      const noCreate = await api.rest(apps(url, 'appName=new-app&appProject=default'), { token: tokens.viewer });
      expect(noCreate.status).toBe(403);
      expect((await noCreate.json()).message).toBe('permission denied');
      const err = await call(api.clients.repositories, 'ListApps', { repo: url, appName: 'new-app', appProject: 'default' }, api.md(tokens.viewer)).catch((e: grpc.ServiceError) => e);
      expect(err.code).toBe(grpc.status.PERMISSION_DENIED);
    });

    it("answers a project that does not exist, and one whose sourceRepos refuse the repository, in Argo's words", async () => {
      const ghost = await api.rest(apps(url, 'appName=new-app&appProject=ghost'));
      expect(ghost.status).toBe(404);
      expect((await ghost.json()).message).toBe('error getting app project "ghost": appproject.argoproj.io "ghost" not found');
      const narrow = await api.rest(apps(url, 'appName=new-app&appProject=narrow'));
      expect(narrow.status).toBe(403);
      expect((await narrow.json()).message).toBe(`repository '${url}' not permitted in project 'narrow'`);
    });
  });

  describe('GetAppDetails', () => {
    it("Helm: value files, values.yaml's text and parameters, the repository URL taken from the path", async () => {
      const res = await post(details(url), { source: { path: 'charts/web', targetRevision: 'main', helm: { valueFiles: ['values-prod.yaml'] } }, appName: 'new-app', appProject: 'default' }, tokens.creator);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({
        type: 'Helm',
        helm: {
          valueFiles: ['values-prod.yaml', 'values.yaml'],
          values: 'replicas: 1\nimage:\n  tag: "1.25"\n',
          parameters: [
            { name: 'replicas', value: '3' },
            { name: 'image.tag', value: '1.25' },
          ],
        },
      });
    });

    it('Kustomize: the images it builds; Directory: the type alone; over gRPC as over REST', async () => {
      const kustomize = await post(details(url), { source: { path: 'overlays/dev' }, appName: 'new-app', appProject: 'default' });
      expect(await kustomize.json()).toEqual({ type: 'Kustomize', kustomize: { images: ['nginx:1.25'] } });
      const dirRes = await call(api.clients.repositories, 'GetAppDetails', { source: toJsonObject({ repoURL: url, path: 'plain' }), appName: 'new-app', appProject: 'default' }, api.md());
      expect(dirRes).toMatchObject({ type: 'Directory', helm: null, kustomize: null, directory: null, plugin: null });
      const plain = await post(details(url), { source: { path: 'plain' }, appName: 'new-app', appProject: 'default' });
      expect(await plain.json()).toEqual({ type: 'Directory' });
    });

    it("describes an existing app's own source to a reader, but no other source of it, and no app of another project", async () => {
      const own = await post(details(url), { source: { path: 'plain', targetRevision: 'main' }, appName: 'guestbook', appProject: 'default' }, tokens.viewer);
      expect(own.status).toBe(200);
      expect(await own.json()).toEqual({ type: 'Directory' });
      const other = await post(details(url), { source: { path: 'charts/web', targetRevision: 'main' }, appName: 'guestbook', appProject: 'default' }, tokens.creator);
      expect(other.status).toBe(403);
      expect((await other.json()).message).toBe('permission denied');
      const wrongProject = await post(details(url), { source: { path: 'plain', targetRevision: 'main' }, appName: 'guestbook', appProject: 'narrow' }, tokens.creator);
      expect(wrongProject.status).toBe(403);
    });

    it('a new app needs applications/create; no source is a bad request; a missing path is named', async () => {
      const denied = await post(details(url), { source: { path: 'charts/web' }, appName: 'new-app', appProject: 'default' }, tokens.viewer);
      expect(denied.status).toBe(403);
      expect((await denied.json()).message).toBe('permission denied: applications, create, default/new-app, sub: viewer');
      const empty = await call(api.clients.repositories, 'GetAppDetails', { appName: 'new-app', appProject: 'default' }, api.md()).catch((e: grpc.ServiceError) => e);
      expect(empty.code).toBe(grpc.status.INVALID_ARGUMENT);
      expect(empty.details).toBe('missing payload in request');
      const missing = await post(details(url), { source: { path: 'nowhere' }, appName: 'new-app', appProject: 'default' });
      expect(missing.status).toBe(400);
      expect((await missing.json()).message).toContain('nowhere: app path does not exist');
    });
  });
});
