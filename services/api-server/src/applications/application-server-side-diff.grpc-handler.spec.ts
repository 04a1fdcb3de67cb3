import * as grpc from '@grpc/grpc-js';
import type { KubeObject } from '@flotilla/api-types';
import { appManagedResourcesKey } from '@flotilla/api-types';
import { startTestCluster, type TestCluster } from '@flotilla/testing';
import { Redis } from 'ioredis';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiServerHarness, call, startApiServer } from '../testing/api-server.harness';

const PASSWORD = 'the-spoke-db-password';
const NEW_PASSWORD = 'a-rotated-db-password';
const b64 = (v: string) => Buffer.from(v).toString('base64');
const FIELD_MANAGER = 'argocd-controller';

const configMap = (color: string): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'web-config', namespace: 'web' }, data: { color } });
const secret = (password: string): KubeObject => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: 'web' }, data: { password: b64(password) } });

describe('ServerSideDiff (api-server process on a kube-sim hub, the app on a kube-sim spoke)', () => {
  let dir: string;
  let spoke: TestCluster;
  let api: ApiServerHarness;
  let redis: Redis;
  let alice: string;
  const live: Record<string, KubeObject> = {};

  /** A ResourceDiff for a live object, as argocd app diff --server-side-generate sends it. */
  const liveResource = (obj: KubeObject, group = '') => ({
    json: JSON.stringify({
      group,
      kind: obj.kind,
      namespace: obj.metadata?.namespace ?? '',
      name: obj.metadata?.name,
      liveState: JSON.stringify(obj),
      resourceVersion: obj.metadata?.resourceVersion,
      hook: false,
    }),
  });
  const diff = (req: Record<string, unknown>, token?: string) => call(api.clients.applications, 'ServerSideDiff', { appName: 'guestbook', ...req }, api.md(token));
  const itemsOf = (res: { items: { json: string }[] }) => res.items.map((i) => JSON.parse(i.json) as Record<string, any>);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'server-side-diff-spec-'));
    spoke = await startTestCluster(dir, 'spoke');
    await spoke.kube.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'web' } });
    // As the controller syncs them: server-side applied under its field manager.
    live.cm = await spoke.kube.apply(configMap('red'), { fieldManager: FIELD_MANAGER, force: true });
    live.secret = await spoke.kube.apply(secret(PASSWORD), { fieldManager: FIELD_MANAGER, force: true });
    live.unmanaged = await spoke.kube.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'unmanaged', namespace: 'web' }, data: { x: '1' } });

    api = await startApiServer({ FLOTILLA_REPO_SERVER: '127.0.0.1:1' });
    await api.login();
    redis = new Redis('redis://127.0.0.1:6379');
    const clusterData = { name: 'spoke', server: spoke.url, config: JSON.stringify(spoke.secretConfig) };
    await api.kube('POST', `/api/v1/namespaces/${api.namespace}/secrets`, {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'cluster-spoke', labels: { 'argocd.argoproj.io/secret-type': 'cluster' } },
      data: Object.fromEntries(Object.entries(clusterData).map(([k, v]) => [k, b64(v)])),
    });
    await api.kube('POST', api.nsPath('applications'), {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: 'guestbook' },
      spec: {
        project: 'default',
        source: { repoURL: 'https://example.com/repo.git', path: 'app', targetRevision: 'main' },
        destination: { server: spoke.url, namespace: 'web' },
      },
    });
    // The managed resources as the app-controller records them.
    const managed = [
      { group: '', kind: 'ConfigMap', namespace: 'web', name: 'web-config' },
      { group: '', kind: 'Secret', namespace: 'web', name: 'db' },
    ];
    await redis.set(appManagedResourcesKey(api.namespace, 'guestbook'), JSON.stringify({ items: managed }), 'EX', 600);

    // alice may get nothing.
    await api.kube('POST', `/api/v1/namespaces/${api.namespace}/configmaps`, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'argocd-cm' },
      data: { 'accounts.alice': 'login' },
    });
    await new Promise((r) => setTimeout(r, 1100)); // settings are cached for a second
    await call(api.clients.accounts, 'UpdatePassword', { name: 'alice', currentPassword: await api.initialPassword(), newPassword: 'alice-password' }, api.md());
    alice = (await call(api.clients.session, 'Create', { username: 'alice', password: 'alice-password' })).token;
  }, 180_000);

  afterAll(async () => {
    if (redis && api) await redis.del(appManagedResourcesKey(api.namespace, 'guestbook'));
    await redis?.quit();
    await api?.stop();
    await spoke?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports a resource the target would change as modified, with the predicted and normalised live states, and changes nothing on the cluster', async () => {
    const res = await diff({ liveResources: [liveResource(live.cm)], targetManifests: [JSON.stringify(configMap('blue'))] });
    expect(res.modified).toBe(true);
    const [item] = itemsOf(res);
    expect(item).toMatchObject({ group: '', kind: 'ConfigMap', namespace: 'web', name: 'web-config', modified: true, hook: false, diff: '', resourceVersion: live.cm.metadata?.resourceVersion });
    const predicted = JSON.parse(item.targetState);
    const normalized = JSON.parse(item.liveState);
    expect(predicted.data).toEqual({ color: 'blue' });
    expect(normalized.data).toEqual({ color: 'red' });
    // Server-owned fields are not part of the comparison.
    expect(normalized.metadata.managedFields).toBeUndefined();
    expect(JSON.parse(item.predictedLiveState)).toEqual(predicted);
    expect(JSON.parse(item.normalizedLiveState)).toEqual(normalized);
    // A dry run: the spoke still has red.
    expect((await spoke.kube.get<KubeObject & { data: Record<string, string> }>(configMap('')).then((cm) => cm.data))).toEqual({ color: 'red' });
  });

  it('reports a target identical to what was applied as not modified, in YAML as in JSON', async () => {
    const yaml = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web-config\ndata:\n  color: red\n';
    const res = await diff({ liveResources: [liveResource(live.cm)], targetManifests: [yaml] });
    expect(res.modified).toBe(false);
    expect(itemsOf(res).map((i) => [i.name, i.modified])).toEqual([['web-config', false]]);
  });

  it("masks a Secret's values in both states, however the caller names its kind", async () => {
    const res = await diff({ liveResources: [liveResource(live.secret)], targetManifests: [JSON.stringify(secret(NEW_PASSWORD))] });
    expect(res.modified).toBe(true);
    const text = JSON.stringify(res);
    for (const value of [PASSWORD, NEW_PASSWORD]) {
      expect(text).not.toContain(value);
      expect(text).not.toContain(b64(value));
    }
    const [item] = itemsOf(res);
    expect(JSON.parse(item.targetState).data.password).not.toEqual(JSON.parse(item.liveState).data.password);
  });

  it('answers over REST with the target alone: a resource with nothing live would be created', async () => {
    const manifest = encodeURIComponent(JSON.stringify(configMap('green')));
    const res = await api.rest(`/api/v1/applications/guestbook/server-side-diff?targetManifests=${manifest}`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.modified).toBe(true);
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({ kind: 'ConfigMap', name: 'web-config', namespace: 'web', modified: true, liveState: 'null' });
    expect(JSON.parse(body.items[0].targetState).data).toEqual({ color: 'green' });
  });

  it('refuses a live resource that is not one of the app\'s managed resources, and a live state that is not the resource named', async () => {
    await expect(diff({ liveResources: [liveResource(live.unmanaged)], targetManifests: [JSON.stringify(live.unmanaged)] })).rejects.toMatchObject({
      code: grpc.status.PERMISSION_DENIED,
      details: '/ConfigMap unmanaged not found as part of application guestbook',
    });
    const lying = { json: JSON.stringify({ ...JSON.parse(liveResource(live.cm).json), name: 'db', kind: 'Secret' }) };
    await expect(diff({ liveResources: [lying], targetManifests: [JSON.stringify(configMap('red'))] })).rejects.toMatchObject({
      code: grpc.status.INVALID_ARGUMENT,
      details: 'name mismatch: expected db, got web-config for live resource /Secret/db',
    });
  });

  it('says which target manifest cannot be read', async () => {
    await expect(diff({ liveResources: [], targetManifests: ['kind: [unclosed'] })).rejects.toMatchObject({
      code: grpc.status.INVALID_ARGUMENT,
      details: expect.stringMatching(/^error unmarshaling target manifest 0: not valid JSON or YAML/),
    });
  });

  it('needs applications get on the app', async () => {
    await expect(diff({ liveResources: [], targetManifests: [JSON.stringify(configMap('red'))] }, alice)).rejects.toMatchObject({
      code: grpc.status.PERMISSION_DENIED,
      details: expect.stringMatching(/^permission denied: applications, get, default\/guestbook/),
    });
    const res = await api.rest('/api/v1/applications/guestbook/server-side-diff', { token: alice });
    expect(res.status).toBe(403);
  });

  it('names an app that does not exist', async () => {
    await expect(call(api.clients.applications, 'ServerSideDiff', { appName: 'nope', targetManifests: [] }, api.md())).rejects.toMatchObject({
      code: grpc.status.NOT_FOUND,
      details: 'applications.argoproj.io "nope" not found',
    });
    const res = await api.rest('/api/v1/applications/nope/server-side-diff');
    expect(res.status).toBe(404);
  });
});
