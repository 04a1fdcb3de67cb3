import * as grpc from '@grpc/grpc-js';
import type { KubeObject } from '@flotilla/api-types';
import { appTreeKey } from '@flotilla/api-types';
import { eventually, startTestCluster, TestCluster } from '@flotilla/testing';
import { Redis } from 'ioredis';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiServerHarness, call, startApiServer } from '../testing/api-server.harness';

const b64 = (v: string) => Buffer.from(v).toString('base64');
const podTemplate = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } };
const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'web' },
  spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: podTemplate },
};
const cronJob = {
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: { name: 'report', namespace: 'web' },
  spec: {
    schedule: '0 3 * * *',
    jobTemplate: {
      metadata: { labels: { job: 'report' } },
      spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'report', image: 'busybox' }] } } },
    },
  },
};
const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'web' }, data: { color: 'red' } };
const service = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web-svc', namespace: 'web' },
  spec: { ports: [{ port: 80 }], selector: { app: 'web' } },
};

// A custom action for ConfigMaps from argocd-cm, with a parameter.
const CUSTOM_ACTIONS = `discovery.lua: |
  local actions = {}
  actions["paint"] = {["iconClass"] = "fa fa-fw fa-brush", ["displayName"] = "Paint", ["params"] = {{["name"] = "color", ["default"] = "blue"}}}
  actions["freeze"] = {["disabled"] = true}
  return actions
definitions:
- name: paint
  action.lua: |
    obj.data.color = actionParams["color"]
    return obj
- name: freeze
  action.lua: |
    obj.data.frozen = "true"
    return obj
`;

describe('resource actions (api-server on a kube-sim hub, a kube-sim spoke)', () => {
  let dir: string;
  let spoke: TestCluster;
  let api: ApiServerHarness;
  let redis: Redis;
  let alice: string;
  const uids: Record<string, string> = {};

  const live = <T = KubeObject>(apiVersion: string, kind: string, name: string) =>
    spoke.kube.get<T & KubeObject>({ apiVersion, kind, metadata: { name, namespace: 'web' } });
  const query = (kind: string, name: string, group: string, app = 'guestbook') =>
    `/api/v1/applications/${app}/resource/actions?namespace=web&resourceName=${name}&group=${group}&kind=${kind}`;
  const runV2 = (body: Record<string, unknown> & { name?: string }, token?: string) =>
    api.rest(`/api/v1/applications/${body.name ?? 'guestbook'}/resource/actions/v2`, {
      method: 'POST',
      body: JSON.stringify({ name: 'guestbook', namespace: 'web', ...body }),
      ...(token ? { token } : {}),
    });
  const grpcCall = (method: string, req: Record<string, unknown>, token?: string) =>
    call(api.clients.applications, method, req, api.md(token));
  const grpcError = (p: Promise<unknown>) =>
    p.then(
      () => undefined,
      (err: grpc.ServiceError) => ({ code: err.code, details: err.details }),
    );
  const node = (group: string, kind: string, name: string, version = 'v1') => ({
    group,
    version,
    kind,
    namespace: 'web',
    name,
    uid: uids[name],
  });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'app-actions-spec-'));
    spoke = await startTestCluster(dir, 'spoke');
    await spoke.kube.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'web' } });
    for (const obj of [deployment, cronJob, configMap, service]) {
      const created = await spoke.kube.create<KubeObject>(obj);
      uids[created.metadata!.name!] = created.metadata!.uid!;
    }
    // A script library in Argo's resource_customizations layout, with an action for Services.
    mkdirSync(join(dir, 'library', 'Service', 'actions', 'label'), { recursive: true });
    mkdirSync(join(dir, 'library', 'Service', 'actions', 'expose'), { recursive: true });
    writeFileSync(
      join(dir, 'library', 'Service', 'actions', 'discovery.lua'),
      'return {["label"] = {["iconClass"] = "fa fa-tag"}, ["expose"] = {}}\n',
    );
    // It changes the status (a Service has the status subresource, so that goes through it) and a label.
    writeFileSync(
      join(dir, 'library', 'Service', 'actions', 'expose', 'action.lua'),
      'obj.status = {["loadBalancer"] = {["ingress"] = {{["ip"] = "10.0.0.9"}}}}\nobj.metadata.labels["exposed"] = "yes"\nreturn obj\n',
    );
    writeFileSync(
      join(dir, 'library', 'Service', 'actions', 'label', 'action.lua'),
      'if obj.metadata.labels == nil then obj.metadata.labels = {} end\nobj.metadata.labels["labelled"] = "yes"\nreturn obj\n',
    );
    api = await startApiServer({ FLOTILLA_REPO_SERVER: '127.0.0.1:1', FLOTILLA_RESOURCE_CUSTOMIZATIONS_DIR: join(dir, 'library') });
    await api.login();
    redis = new Redis('redis://127.0.0.1:6379');
    const clusterData = { name: 'spoke', server: spoke.url, config: JSON.stringify(spoke.secretConfig) };
    await api.kube('POST', `/api/v1/namespaces/${api.namespace}/secrets`, {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'cluster-spoke', labels: { 'argocd.argoproj.io/secret-type': 'cluster' } },
      data: Object.fromEntries(Object.entries(clusterData).map(([k, v]) => [k, b64(v)])),
    });
    // 'narrow' may not make Jobs.
    await api.kube('POST', api.nsPath('appprojects'), {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'AppProject',
      metadata: { name: 'narrow' },
      spec: {
        sourceRepos: ['*'],
        destinations: [{ server: '*', namespace: 'web' }],
        namespaceResourceBlacklist: [{ group: 'batch', kind: 'Job' }],
      },
    });
    for (const [name, project] of [
      ['guestbook', 'default'],
      ['narrowed', 'narrow'],
    ]) {
      const app = await api.kube('POST', api.nsPath('applications'), {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Application',
        metadata: { name },
        spec: {
          project,
          source: { repoURL: 'https://example.com/repo.git', path: 'app' },
          destination: { server: spoke.url, namespace: 'web' },
        },
      });
      expect(app.status).toBe(201);
      await redis.set(
        appTreeKey(api.namespace, name),
        JSON.stringify({
          nodes: [
            node('apps', 'Deployment', 'web'),
            node('batch', 'CronJob', 'report'),
            node('', 'ConfigMap', 'settings'),
            node('', 'Service', 'web-svc'),
          ],
          hosts: [],
        }),
        'EX',
        600,
      );
    }
    await api.kube('POST', `/api/v1/namespaces/${api.namespace}/configmaps`, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'argocd-cm' },
      data: { 'accounts.alice': 'login', 'resource.customizations.actions.ConfigMap': CUSTOM_ACTIONS },
    });
    await api.kube('POST', `/api/v1/namespaces/${api.namespace}/configmaps`, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'argocd-rbac-cm' },
      data: {
        'policy.csv': [
          'p, alice, applications, get, default/*, allow',
          'p, alice, applications, action/apps/Deployment/pause, default/*, allow',
        ].join('\n'),
      },
    });
    await new Promise((r) => setTimeout(r, 1100)); // settings are cached for a second
    await call(
      api.clients.accounts,
      'UpdatePassword',
      { name: 'alice', currentPassword: await api.initialPassword(), newPassword: 'alice-password' },
      api.md(),
    );
    alice = (await call(api.clients.session, 'Create', { username: 'alice', password: 'alice-password' })).token;
  }, 180_000);

  afterAll(async () => {
    if (redis && api) await redis.del(appTreeKey(api.namespace, 'guestbook'), appTreeKey(api.namespace, 'narrowed'));
    await redis?.quit();
    await api?.stop();
    await spoke?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it("lists a Deployment's built-in actions over REST and gRPC, resume disabled while it runs", async () => {
    const res = await api.rest(query('Deployment', 'web', 'apps'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      actions: [
        // Empty fields are left out, as Argo's JSON leaves them (omitempty).
        { name: 'pause', iconClass: 'fa fa-fw fa-pause-circle' },
        { name: 'restart', iconClass: 'fa fa-fw fa-redo' },
        { name: 'resume', disabled: true, iconClass: 'fa fa-fw fa-play-circle' },
        { name: 'scale', iconClass: 'fa fa-fw fa-plus-circle', params: [{ name: 'replicas' }] },
      ],
    });
    const viaGrpc = await grpcCall('ListResourceActions', {
      name: 'guestbook',
      namespace: 'web',
      resourceName: 'report',
      group: 'batch',
      kind: 'CronJob',
    });
    expect(viaGrpc.actions.map((a: { name: string; displayName: string }) => [a.name, a.displayName])).toEqual([
      ['create-job', 'Create Job'],
      ['suspend', ''],
    ]);
  });

  it("restart stamps the Deployment's pod template on the spoke and records who ran it", async () => {
    const before = await live<{ spec: { template: { metadata: { annotations?: Record<string, string> } } } }>(
      'apps/v1',
      'Deployment',
      'web',
    );
    expect(before.spec.template.metadata.annotations).toBeUndefined();
    const started = Date.now();
    const res = await runV2({ resourceName: 'web', group: 'apps', kind: 'Deployment', version: 'v1', action: 'restart' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({});
    const after = await live<{ spec: { template: { metadata: { annotations: Record<string, string>; labels: Record<string, string> } } } }>(
      'apps/v1',
      'Deployment',
      'web',
    );
    const restartedAt = after.spec.template.metadata.annotations['kubectl.kubernetes.io/restartedAt'];
    expect(restartedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Date.parse(restartedAt)).toBeGreaterThanOrEqual(Math.floor(started / 1000) * 1000);
    expect(after.spec.template.metadata.labels).toEqual({ app: 'web' });
    // Events are written in the background.
    await eventually(async () => {
      const events = await api.kube('GET', `/api/v1/namespaces/${api.namespace}/events`);
      expect(events.body.items).toContainEqual(
        expect.objectContaining({
          reason: 'ResourceActionRan',
          message: 'admin ran action restart on resource apps/Deployment/web',
          involvedObject: expect.objectContaining({ name: 'guestbook' }),
        }),
      );
    });
  });

  it('pause and resume toggle spec.paused through the deprecated RunResourceAction (the action name as the body) and gRPC; each refused while disabled', async () => {
    const res = await api.rest(
      '/api/v1/applications/guestbook/resource/actions?namespace=web&resourceName=web&group=apps&kind=Deployment',
      {
        method: 'POST',
        body: JSON.stringify('pause'),
      },
    );
    expect(res.status).toBe(200);
    expect((await live<{ spec: { paused?: boolean } }>('apps/v1', 'Deployment', 'web')).spec.paused).toBe(true);
    const listed = await (await api.rest(query('Deployment', 'web', 'apps'))).json();
    expect(listed.actions.filter((a: { disabled: boolean }) => a.disabled).map((a: { name: string }) => a.name)).toEqual(['pause']);

    const again = await grpcError(
      grpcCall('RunResourceActionV2', {
        name: 'guestbook',
        namespace: 'web',
        resourceName: 'web',
        group: 'apps',
        kind: 'Deployment',
        action: 'pause',
      }),
    );
    expect(again).toEqual({ code: grpc.status.INVALID_ARGUMENT, details: 'action pause is disabled on Deployment web' });

    await grpcCall('RunResourceAction', {
      name: 'guestbook',
      namespace: 'web',
      resourceName: 'web',
      group: 'apps',
      kind: 'Deployment',
      action: 'resume',
    });
    expect((await live<{ spec: { paused?: boolean } }>('apps/v1', 'Deployment', 'web')).spec.paused).toBeUndefined();
  });

  it('scale sets the replicas its parameter gives, and refuses a parameter that is not a count', async () => {
    const res = await runV2({
      resourceName: 'web',
      group: 'apps',
      kind: 'Deployment',
      action: 'scale',
      resourceActionParameters: [{ name: 'replicas', value: '2' }],
    });
    expect(res.status).toBe(200);
    expect((await live<{ spec: { replicas: number } }>('apps/v1', 'Deployment', 'web')).spec.replicas).toBe(2);
    const bad = await grpcError(
      grpcCall('RunResourceActionV2', {
        name: 'guestbook',
        namespace: 'web',
        resourceName: 'web',
        group: 'apps',
        kind: 'Deployment',
        action: 'scale',
        resourceActionParameters: [{ name: 'replicas', value: 'lots' }],
      }),
    );
    expect(bad).toEqual({
      code: grpc.status.INVALID_ARGUMENT,
      details: 'action scale on Deployment web: replicas must be a whole number of 0 or more, not "lots"',
    });
    expect((await live<{ spec: { replicas: number } }>('apps/v1', 'Deployment', 'web')).spec.replicas).toBe(2);
  });

  it('create-job creates a Job from the CronJob on the spoke, owned by it and marked manual', async () => {
    const res = await runV2({ resourceName: 'report', group: 'batch', kind: 'CronJob', action: 'create-job' });
    expect(res.status).toBe(200);
    const jobs = await spoke.kube.list<KubeObject>('batch/v1', 'Job', { namespace: 'web' });
    const made = jobs.items.filter((j) => j.metadata?.ownerReferences?.some((o) => o.uid === uids.report));
    expect(made).toHaveLength(1);
    expect(made[0].metadata).toMatchObject({
      name: expect.stringMatching(/^report-\d{10}$/),
      labels: { job: 'report' },
      annotations: { 'cronjob.kubernetes.io/instantiate': 'manual' },
      ownerReferences: [
        { apiVersion: 'batch/v1', kind: 'CronJob', name: 'report', uid: uids.report, controller: true, blockOwnerDeletion: true },
      ],
    });
    expect(made[0].spec).toMatchObject({ template: { spec: { containers: [{ name: 'report', image: 'busybox' }] } } });
  });

  it("refuses a create the app's project does not permit, before anything is made", async () => {
    const refused = await runV2({ name: 'narrowed', resourceName: 'report', group: 'batch', kind: 'CronJob', action: 'create-job' });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect((await refused.json()).message).toMatch(/^application is not permitted to manage batch\/Job\/report-\d{10} in web$/);
    const jobs = await spoke.kube.list<KubeObject>('batch/v1', 'Job', { namespace: 'web' });
    expect(jobs.items).toHaveLength(1);
  });

  it("runs argocd-cm's custom Lua action with its parameter, and refuses its disabled one", async () => {
    const listed = await (await api.rest(query('ConfigMap', 'settings', ''))).json();
    expect(listed.actions).toEqual([
      { name: 'freeze', disabled: true },
      { name: 'paint', params: [{ name: 'color', default: 'blue' }], iconClass: 'fa fa-fw fa-brush', displayName: 'Paint' },
    ]);
    const res = await runV2({
      resourceName: 'settings',
      kind: 'ConfigMap',
      action: 'paint',
      resourceActionParameters: [{ name: 'color', value: 'green' }],
    });
    expect(res.status).toBe(200);
    expect((await live<{ data: Record<string, string> }>('v1', 'ConfigMap', 'settings')).data).toEqual({ color: 'green' });
    const frozen = await runV2({ resourceName: 'settings', kind: 'ConfigMap', action: 'freeze' });
    expect(frozen.status).toBe(400);
    expect((await frozen.json()).message).toBe('action freeze is disabled on ConfigMap settings');
    expect((await live<{ data: Record<string, string> }>('v1', 'ConfigMap', 'settings')).data).toEqual({ color: 'green' });
  });

  it('runs an action of the script library FLOTILLA_RESOURCE_CUSTOMIZATIONS_DIR names', async () => {
    expect(await (await api.rest(query('Service', 'web-svc', ''))).json()).toEqual({
      actions: [{ name: 'expose' }, { name: 'label', iconClass: 'fa fa-tag' }],
    });
    const res = await runV2({ resourceName: 'web-svc', kind: 'Service', action: 'label' });
    expect(res.status).toBe(200);
    expect((await live('v1', 'Service', 'web-svc')).metadata?.labels).toEqual({ labelled: 'yes' });
  });

  it('patches what an action changes in status through the status subresource, and the rest as usual', async () => {
    const res = await runV2({ resourceName: 'web-svc', kind: 'Service', action: 'expose' });
    expect(res.status).toBe(200);
    const after = await live<{ status: unknown }>('v1', 'Service', 'web-svc');
    expect(after.status).toEqual({ loadBalancer: { ingress: [{ ip: '10.0.0.9' }] } });
    expect(after.metadata?.labels).toEqual({ labelled: 'yes', exposed: 'yes' });
  });

  it('refuses an action the resource does not offer, naming those it does', async () => {
    const res = await runV2({ resourceName: 'web', group: 'apps', kind: 'Deployment', action: 'explode' });
    expect(res.status).toBe(400);
    expect((await res.json()).message).toBe('action explode is not available on Deployment web (it offers pause, restart, resume, scale)');
  });

  it('needs applications get to list and action/<group>/<kind>/<action> to run, on the app', async () => {
    expect((await api.rest(query('Deployment', 'web', 'apps'), { token: alice })).status).toBe(200);
    const denied = await runV2({ resourceName: 'web', group: 'apps', kind: 'Deployment', action: 'restart' }, alice);
    expect(denied.status).toBe(403);
    expect((await denied.json()).message).toBe(
      'permission denied: applications, action/apps/Deployment/restart, default/guestbook, sub: alice',
    );
    const viaGrpc = await grpcError(
      grpcCall(
        'RunResourceActionV2',
        { name: 'guestbook', namespace: 'web', resourceName: 'report', group: 'batch', kind: 'CronJob', action: 'suspend' },
        alice,
      ),
    );
    expect(viaGrpc).toEqual({
      code: grpc.status.PERMISSION_DENIED,
      details: 'permission denied: applications, action/batch/CronJob/suspend, default/guestbook, sub: alice',
    });
    const allowed = await runV2({ resourceName: 'web', group: 'apps', kind: 'Deployment', action: 'pause' }, alice);
    expect(allowed.status).toBe(200);
    await runV2({ resourceName: 'web', group: 'apps', kind: 'Deployment', action: 'resume' });
  });

  it("runs the Application's own toggle-auto-sync on the app in the hub", async () => {
    const self = `/api/v1/applications/guestbook/resource/actions?namespace=${api.namespace}&resourceName=guestbook&group=argoproj.io&kind=Application`;
    expect(await (await api.rest(self)).json()).toEqual({ actions: [{ name: 'toggle-auto-sync', displayName: 'Enable Auto-Sync' }] });
    const res = await runV2({
      namespace: api.namespace,
      resourceName: 'guestbook',
      group: 'argoproj.io',
      kind: 'Application',
      action: 'toggle-auto-sync',
    });
    expect(res.status).toBe(200);
    const stored = await api.kube('GET', api.nsPath('applications/guestbook'));
    expect(stored.body.spec.syncPolicy).toEqual({ automated: { enabled: true } });
    expect(await (await api.rest(self)).json()).toEqual({ actions: [{ name: 'toggle-auto-sync', displayName: 'Disable Auto-Sync' }] });
    await eventually(async () => {
      const events = await api.kube('GET', `/api/v1/namespaces/${api.namespace}/events`);
      expect(events.body.items).toContainEqual(
        expect.objectContaining({ reason: 'ResourceActionRan', message: 'admin ran action toggle-auto-sync' }),
      );
    });
  });

  it('refuses a resource outside the app tree and an app that does not exist', async () => {
    const outside = await api.rest(query('Deployment', 'elsewhere', 'apps'));
    expect(outside.status).toBe(400);
    expect((await outside.json()).message).toBe('Deployment apps elsewhere not found as part of application guestbook');
    const ghost = await grpcError(
      grpcCall('ListResourceActions', { name: 'ghost', namespace: 'web', resourceName: 'web', group: 'apps', kind: 'Deployment' }),
    );
    expect(ghost).toEqual({ code: grpc.status.NOT_FOUND, details: 'applications.argoproj.io "ghost" not found' });
  });
});
