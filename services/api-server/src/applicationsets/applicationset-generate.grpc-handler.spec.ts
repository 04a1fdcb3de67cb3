import * as grpc from '@grpc/grpc-js';
import { toJsonObject } from '@flotilla/contracts';
import { GitRepo, RepoServerProcess, startGitRepo, startRepoServer } from '@flotilla/testing';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiServerHarness, call, startApiServer } from '../testing/api-server.harness';

// Argo CD's ApplicationSetService Generate (POST /api/v1/applicationsets/generate, body
// {"applicationSet": …}): the Applications the spec would produce, none created; RBAC
// applicationsets/create. The api-server runs against a kube-sim hub and a real repo-server.
describe('ApplicationSet Generate (api-server and repo-server processes)', () => {
  let dir: string;
  let api: ApiServerHarness;
  let repoServer: RepoServerProcess;
  let repo: GitRepo;
  let viewer: string;
  let dev: string;

  const destination = { server: 'https://kubernetes.default.svc', namespace: 'web' };
  const appSet = (generators: unknown[], extra: { name?: string; project?: string; goTemplate?: boolean; appName?: string } = {}) => ({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'ApplicationSet',
    metadata: { name: extra.name ?? 'web' },
    spec: {
      goTemplate: extra.goTemplate,
      generators,
      template: {
        metadata: { name: extra.appName ?? '{{name}}-web' },
        spec: { project: extra.project ?? 'default', source: { repoURL: 'https://example.com/web.git', path: 'web' }, destination },
      },
    },
  });
  const generate = (body: unknown, token?: string) =>
    api.rest('/api/v1/applicationsets/generate', { method: 'POST', body: JSON.stringify(body), token });
  const names = (apps: { metadata: { name: string } }[]) => apps.map((a) => a.metadata.name);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'appset-generate-spec-'));
    repo = await startGitRepo(dir, 'fleet');
    repo.commit(
      {
        'apps/billing/kustomization.yaml': 'resources: []\n',
        'apps/checkout/kustomization.yaml': 'resources: []\n',
        'apps/legacy/kustomization.yaml': 'resources: []\n',
        'README.md': 'fleet\n',
      },
      'apps',
    );
    repoServer = await startRepoServer(dir, `flotilla-spec-${randomBytes(4).toString('hex')}`);
    // A low step limit, read under the appset-controller's own variable name.
    api = await startApiServer({ FLOTILLA_REPO_SERVER: repoServer.address, FLOTILLA_APPSET_TEMPLATE_MAX_STEPS: '5000' });
    await api.login();
    const secret = (name: string, server: string, env: string) => ({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name, labels: { 'argocd.argoproj.io/secret-type': 'cluster', env } },
      data: { name: Buffer.from(name).toString('base64'), server: Buffer.from(server).toString('base64') },
    });
    for (const s of [secret('prod-eu', 'https://prod-eu.example.com', 'prod'), secret('staging', 'https://staging.example.com', 'staging')])
      expect((await api.kube('POST', `/api/v1/namespaces/${api.namespace}/secrets`, s)).status).toBe(201);
    const project = { apiVersion: 'argoproj.io/v1alpha1', kind: 'AppProject', metadata: { name: 'payments' }, spec: {} };
    expect((await api.kube('POST', api.nsPath('appprojects'), project)).status).toBe(201);
    await api.kube('POST', `/api/v1/namespaces/${api.namespace}/configmaps`, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'argocd-cm' },
      data: { 'accounts.viewer': 'login', 'accounts.dev': 'login' },
    });
    await api.kube('POST', `/api/v1/namespaces/${api.namespace}/configmaps`, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'argocd-rbac-cm' },
      data: { 'policy.csv': 'p, dev, applicationsets, create, default/*, allow' },
    });
    await new Promise((r) => setTimeout(r, 1100)); // settings are cached for a second
    const initial = await api.initialPassword();
    for (const name of ['viewer', 'dev'])
      await call(api.clients.accounts, 'UpdatePassword', { name, currentPassword: initial, newPassword: `${name}-password` }, api.md());
    viewer = (await call(api.clients.session, 'Create', { username: 'viewer', password: 'viewer-password' })).token;
    dev = (await call(api.clients.session, 'Create', { username: 'dev', password: 'dev-password' })).token;
  }, 120_000);

  afterAll(async () => {
    await api?.stop();
    await repoServer?.stop();
    await repo?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('answers the Applications a list generator produces over REST, and creates none', async () => {
    const res = await generate({ applicationSet: appSet([{ list: { elements: [{ name: 'dev' }, { name: 'prod' }] } }]) });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(Object.keys(body)).toEqual(['applications']);
    expect(body.applications).toEqual([
      {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Application',
        metadata: { name: 'dev-web', namespace: api.namespace, finalizers: ['resources-finalizer.argocd.argoproj.io'] },
        spec: { project: 'default', source: { repoURL: 'https://example.com/web.git', path: 'web' }, destination },
      },
      {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Application',
        metadata: { name: 'prod-web', namespace: api.namespace, finalizers: ['resources-finalizer.argocd.argoproj.io'] },
        spec: { project: 'default', source: { repoURL: 'https://example.com/web.git', path: 'web' }, destination },
      },
    ]);
    expect((await api.kube('GET', api.nsPath('applications'))).body.items).toEqual([]);
    expect((await api.kube('GET', api.nsPath('applicationsets'))).body.items).toEqual([]);
  });

  it('reads clusters from the hub’s cluster Secrets, with the hub itself, over gRPC', async () => {
    const all = await call(api.clients.appsets, 'Generate', { applicationSet: toJsonObject(appSet([{ clusters: {} }])) }, api.md());
    const apps = all.applications.map((a: { json: string }) => JSON.parse(a.json));
    expect(names(apps).sort()).toEqual(['in-cluster-web', 'prod-eu-web', 'staging-web']);
    const selected = await generate({ applicationSet: appSet([{ clusters: { selector: { matchLabels: { env: 'prod' } } } }], { appName: '{{name}}' }) });
    const only = (await selected.json()).applications;
    expect(names(only)).toEqual(['prod-eu']);
  });

  it('reads a git repository through repo-server: a directories generator, and a matrix of it with the clusters', async () => {
    const git = { repoURL: repo.url, revision: 'main', directories: [{ path: 'apps/*' }, { path: 'apps/legacy', exclude: true }] };
    const res = await generate({ applicationSet: appSet([{ git }], { appName: '{{path.basename}}' }) });
    expect(res.status).toBe(200);
    expect(names((await res.json()).applications)).toEqual(['billing', 'checkout']);
    const matrix = { matrix: { generators: [{ git }, { clusters: { selector: { matchLabels: { env: 'staging' } } } }] } };
    const crossed = await generate({ applicationSet: appSet([matrix], { appName: '{{path.basename}}-{{name}}' }) });
    expect(crossed.status).toBe(200);
    expect(names((await crossed.json()).applications)).toEqual(['billing-staging', 'checkout-staging']);
  });

  it('answers InvalidArgument naming the generator when parameters or templates fail', async () => {
    const missingRepo = { git: { repoURL: `${repo.url.replace(/fleet\.git$/, '')}nothing.git`, revision: 'main', directories: [{ path: '*' }] } };
    const res = await generate({ applicationSet: appSet([{ list: { elements: [{ name: 'a' }] } }, missingRepo]) });
    expect(res.status).toBe(400);
    expect((await res.json()).message).toMatch(
      /^unable to generate Applications of ApplicationSet: error generating applications: spec\.generators\[1\] \(git\): error generating params from git: error getting directories from repo/,
    );
    const broken = appSet([{ list: { elements: [{ name: 'a' }] } }], { goTemplate: true, appName: '{{ .name ' });
    await expect(call(api.clients.appsets, 'Generate', { applicationSet: toJsonObject(broken) }, api.md())).rejects.toMatchObject({
      code: grpc.status.INVALID_ARGUMENT,
      details: expect.stringMatching(/^unable to generate Applications of ApplicationSet: error generating applications: spec\.generators\[0\] \(list\): /),
    });
    // A pullRequest entry naming no host (a GitHub one would reach for api.github.com from the spec).
    const noHost = await generate({ applicationSet: appSet([{ pullRequest: { filters: [] } }]) });
    expect(noHost.status).toBe(400);
    expect((await noHost.json()).message).toBe(
      'unable to generate Applications of ApplicationSet: error generating applications: spec.generators[0] (pullRequest): failed to select pull request service provider: no Pull Request provider implementation configured',
    );
  });

  it('bounds goTemplate rendering with the appset-controller’s limits (FLOTILLA_APPSET_TEMPLATE_*)', async () => {
    const spin = appSet([{ list: { elements: [{ name: 'a' }] } }], { goTemplate: true, appName: '{{ range until 100 }}{{ range until 100 }}x{{ end }}{{ end }}' });
    const res = await generate({ applicationSet: spin });
    expect(res.status).toBe(400);
    expect((await res.json()).message).toMatch(
      /^unable to generate Applications of ApplicationSet: error generating applications: spec\.generators\[0\] \(list\): .*template limit exceeded: .* \(maxSteps\)$/,
    );
    const modest = appSet([{ list: { elements: [{ name: 'a' }] } }], { goTemplate: true, appName: '{{ range until 3 }}x{{ end }}' });
    expect(names((await (await generate({ applicationSet: modest })).json()).applications)).toEqual(['xxx']);
  });

  it('refuses an ApplicationSet that would generate more than 10000 Applications, before building them', async () => {
    const elements = (key: string, n: number) => Array.from({ length: n }, (_, i) => ({ [key]: `${key}${i}` }));
    const matrix = { matrix: { generators: [{ list: { elements: elements('name', 200) } }, { list: { elements: elements('env', 200) } }] } };
    const res = await generate({ applicationSet: appSet([matrix], { appName: '{{name}}-{{env}}' }) });
    expect(res.status).toBe(400);
    expect((await res.json()).message).toBe(
      'unable to generate Applications of ApplicationSet: error generating applications: spec.generators[0] (matrix): the matrix generator would produce more than 10000 parameter sets',
    );
  });

  it('answers InvalidArgument for a spec Argo refuses: no body, no project, a templated project, no generator', async () => {
    const cases: [unknown, string][] = [
      [{}, 'error creating ApplicationSets: ApplicationSets is nil in request'],
      [{ applicationSet: appSet([{ list: { elements: [] } }], { project: 'nope' }) }, 'ApplicationSet references project nope which does not exist'],
      [
        { applicationSet: appSet([{ list: { elements: [] } }], { project: '{{name}}' }) },
        'the Argo CD API does not currently support creating ApplicationSets with templated `project` fields',
      ],
      [{ applicationSet: appSet([]) }, 'applicationset.spec.generators must name at least one generator'],
      [{ applicationSet: { ...appSet([]), metadata: {} } }, 'applicationset.metadata.name is required'],
    ];
    for (const [body, message] of cases) {
      const res = await generate(body);
      expect({ status: res.status, message: (await res.json()).message }).toEqual({ status: 400, message });
    }
    await expect(call(api.clients.appsets, 'Generate', {}, api.md())).rejects.toMatchObject({ code: grpc.status.INVALID_ARGUMENT });
  });

  it('needs applicationsets/create on the set’s project, and on any other project a generator puts an Application in', async () => {
    const denied = await generate({ applicationSet: appSet([{ list: { elements: [{ name: 'a' }] } }]) }, viewer);
    expect(denied.status).toBe(403);
    expect((await denied.json()).message).toBe('permission denied: applicationsets, create, default/web, sub: viewer');
    await expect(
      call(api.clients.appsets, 'Generate', { applicationSet: toJsonObject(appSet([{ clusters: {} }])) }, api.md(viewer)),
    ).rejects.toMatchObject({ code: grpc.status.PERMISSION_DENIED });

    const allowed = await generate({ applicationSet: appSet([{ list: { elements: [{ name: 'a' }] } }]) }, dev);
    expect(names((await allowed.json()).applications)).toEqual(['a-web']);
    const escaping = { list: { elements: [{ name: 'b' }], template: { metadata: {}, spec: { project: 'payments' } } } };
    const moved = await generate({ applicationSet: appSet([{ list: { elements: [{ name: 'a' }] } }, escaping]) }, dev);
    expect(moved.status).toBe(403);
    expect((await moved.json()).message).toBe('permission denied: applicationsets, create, payments/web, sub: dev');
    const asAdmin = await generate({ applicationSet: appSet([escaping]) });
    expect((await asAdmin.json()).applications.map((a: any) => a.spec.project)).toEqual(['payments']);
    const nowhere = { list: { elements: [{ name: 'c' }], template: { metadata: {}, spec: { project: 'gone' } } } };
    const missing = await generate({ applicationSet: appSet([nowhere]) });
    expect(missing.status).toBe(400);
    expect((await missing.json()).message).toBe('application c-web references project gone which does not exist');
  });

  it('refuses an ApplicationSet in another namespace than the api-server’s', async () => {
    const elsewhere = { ...appSet([{ clusters: {} }]), metadata: { name: 'web', namespace: 'elsewhere' } };
    const res = await generate({ applicationSet: elsewhere });
    expect(res.status).toBe(403);
    expect((await res.json()).message).toBe("namespace 'elsewhere' is not permitted");
  });
});
