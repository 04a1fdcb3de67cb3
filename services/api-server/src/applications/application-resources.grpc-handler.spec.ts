import * as grpc from '@grpc/grpc-js';
import { appManagedResourcesKey, appTreeKey } from '@flotilla/api-types';
import { GitRepo, RepoServerProcess, startGitRepo, startRepoServer, startTestCluster, TestCluster } from '@flotilla/testing';
import { Redis } from 'ioredis';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiServerHarness, call, startApiServer } from '../testing/api-server.harness';

const PASSWORD = 's3cr3t-value-from-the-spoke';
const b64 = (v: string) => Buffer.from(v).toString('base64');
const configMap = (name: string, data: Record<string, string>) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: 'web' },
  data,
});

describe("an Application's live resources, events and manifests (api-server on a kube-sim hub, a kube-sim spoke, repo-server)", () => {
  let dir: string;
  let spoke: TestCluster;
  let git: GitRepo;
  let repoServer: RepoServerProcess;
  let api: ApiServerHarness;
  let redis: Redis;
  let firstCommit: string;
  let secondCommit: string;
  let alice: string;
  let carol: string;
  const uids: Record<string, string> = {};

  const liveOnSpoke = (kind: string, name: string) => spoke.kube.get({ apiVersion: 'v1', kind, metadata: { name, namespace: 'web' } });
  const node = (kind: string, name: string, extra: Record<string, unknown> = {}) => ({
    group: '',
    version: 'v1',
    kind,
    namespace: 'web',
    name,
    uid: uids[name],
    ...extra,
  });
  const resourcePath = (name: string, kind = 'ConfigMap', app = 'guestbook') =>
    `/api/v1/applications/${app}/resource?namespace=web&resourceName=${name}&version=v1&kind=${kind}`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'app-resources-spec-'));
    spoke = await startTestCluster(dir, 'spoke');
    await spoke.kube.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'web' } });
    for (const obj of [
      configMap('web-config', { color: 'red' }),
      configMap('doomed', { x: '1' }),
      configMap('orphaned', { x: '1' }),
      configMap('unrelated', { x: '1' }),
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'web-secret', namespace: 'web' }, data: { password: b64(PASSWORD) } },
    ]) {
      const created = await spoke.kube.create<{ metadata?: { name?: string; uid?: string } }>(obj);
      uids[created.metadata!.name!] = created.metadata!.uid!;
    }
    git = await startGitRepo(dir);
    firstCommit = git.commit(
      { 'app/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web-config\ndata:\n  color: red\n' },
      'first',
    );
    secondCommit = git.commit(
      {
        'app/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web-config\ndata:\n  color: blue\n',
        'app/secret.yaml': `apiVersion: v1\nkind: Secret\nmetadata:\n  name: web-secret\nstringData:\n  password: ${PASSWORD}\n`,
      },
      'second',
    );
    // Tags are read as of repo-server's last fetch of the repository: this one is there from the first.
    execFileSync('git', ['tag', 'v1', firstCommit], { cwd: git.workDir });
    execFileSync('git', ['push', '-q', 'origin', 'v1'], { cwd: git.workDir });
    repoServer = await startRepoServer(dir, `spec-${randomBytes(4).toString('hex')}`);
    api = await startApiServer({ FLOTILLA_REPO_SERVER: repoServer.address });
    await api.login();
    redis = new Redis('redis://127.0.0.1:6379');

    // The spoke, known to the hub through a cluster Secret: the api-server reads it with these credentials.
    const clusterData = { name: 'spoke', server: spoke.url, config: JSON.stringify(spoke.secretConfig) };
    const secret = await api.kube('POST', `/api/v1/namespaces/${api.namespace}/secrets`, {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'cluster-spoke', labels: { 'argocd.argoproj.io/secret-type': 'cluster' } },
      data: Object.fromEntries(Object.entries(clusterData).map(([k, v]) => [k, b64(v)])),
    });
    expect(secret.status).toBe(201);
    const app = await api.kube('POST', api.nsPath('applications'), {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: 'guestbook' },
      spec: {
        project: 'default',
        source: { repoURL: git.url, path: 'app', targetRevision: 'main' },
        destination: { server: spoke.url, namespace: 'web' },
      },
    });
    expect(app.status).toBe(201);
    // What the app-controller records: the managed objects (and, in orphanedNodes, one it does not manage).
    await redis.set(
      appTreeKey(api.namespace, 'guestbook'),
      JSON.stringify({
        nodes: [
          node('ConfigMap', 'web-config'),
          node('ConfigMap', 'doomed'),
          node('Secret', 'web-secret'),
          node('ConfigMap', 'no-uid', { uid: undefined }),
        ],
        orphanedNodes: [node('ConfigMap', 'orphaned')],
        hosts: [],
      }),
      'EX',
      600,
    );

    // alice may only get Applications.
    await api.kube('POST', `/api/v1/namespaces/${api.namespace}/configmaps`, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'argocd-cm' },
      data: { 'accounts.alice': 'login', 'accounts.carol': 'login' },
    });
    await api.kube('POST', `/api/v1/namespaces/${api.namespace}/configmaps`, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'argocd-rbac-cm' },
      data: {
        'policy.csv': [
          'p, role:viewer, applications, get, default/*, allow',
          'g, alice, role:viewer',
          'g, carol, role:viewer',
          'p, carol, applications, update, default/*, allow',
          'p, carol, applications, delete/*/Secret/*/*, default/*, allow',
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
    await call(
      api.clients.accounts,
      'UpdatePassword',
      { name: 'carol', currentPassword: await api.initialPassword(), newPassword: 'carol-password' },
      api.md(),
    );
    carol = (await call(api.clients.session, 'Create', { username: 'carol', password: 'carol-password' })).token;
  }, 180_000);

  afterAll(async () => {
    if (redis && api) await redis.del(appTreeKey(api.namespace, 'guestbook'), appManagedResourcesKey(api.namespace, 'guestbook'));
    await redis?.quit();
    await api?.stop();
    await repoServer?.stop();
    await git?.stop();
    await spoke?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  describe('GetResource', () => {
    it('reads the live object from the destination cluster, over REST and gRPC', async () => {
      const res = await api.rest(resourcePath('web-config'));
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(Object.keys(body)).toEqual(['manifest']);
      expect(typeof body.manifest).toBe('string');
      const live = JSON.parse(body.manifest);
      expect(live).toMatchObject({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'web-config', uid: uids['web-config'] },
        data: { color: 'red' },
      });
      const viaGrpc = await call(
        api.clients.applications,
        'GetResource',
        { name: 'guestbook', namespace: 'web', resourceName: 'web-config', version: 'v1', kind: 'ConfigMap', group: '' },
        api.md(),
      );
      expect(JSON.parse(viaGrpc.manifest).metadata.uid).toBe(uids['web-config']);
      // Without a version, the one the resource tree recorded is used.
      const noVersion = await api.rest('/api/v1/applications/guestbook/resource?namespace=web&resourceName=web-config&kind=ConfigMap');
      expect(JSON.parse((await noVersion.json()).manifest).data).toEqual({ color: 'red' });
    });

    it('reads from the hub itself for the in-cluster destination, with the api-server credentials', async () => {
      await api.kube('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'local' } });
      const cm = await api.kube('POST', '/api/v1/namespaces/local/configmaps', {
        ...configMap('local-config', { where: 'hub' }),
        metadata: { name: 'local-config' },
      });
      await api.kube('POST', api.nsPath('applications'), {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Application',
        metadata: { name: 'local' },
        spec: {
          project: 'default',
          source: { repoURL: git.url, path: 'app' },
          destination: { server: 'https://kubernetes.default.svc', namespace: 'local' },
        },
      });
      const tree = {
        nodes: [{ group: '', version: 'v1', kind: 'ConfigMap', namespace: 'local', name: 'local-config', uid: cm.body.metadata.uid }],
      };
      await redis.set(appTreeKey(api.namespace, 'local'), JSON.stringify(tree), 'EX', 600);
      try {
        const res = await api.rest(
          '/api/v1/applications/local/resource?namespace=local&resourceName=local-config&version=v1&kind=ConfigMap',
        );
        expect(res.status).toBe(200);
        expect(JSON.parse((await res.json()).manifest)).toMatchObject({ metadata: { uid: cm.body.metadata.uid }, data: { where: 'hub' } });
      } finally {
        await redis.del(appTreeKey(api.namespace, 'local'));
      }
    });

    it("masks a Secret's values", async () => {
      const res = await api.rest(resourcePath('web-secret', 'Secret'));
      const text = await res.text();
      expect(res.status).toBe(200);
      expect(text).not.toContain(b64(PASSWORD));
      expect(text).not.toContain(PASSWORD);
      const live = JSON.parse(JSON.parse(text).manifest);
      expect(live.data.password).toMatch(/^\++$/);
    });

    it('refuses what is not a resource of the app, as Argo words it', async () => {
      const res = await api.rest(resourcePath('unrelated'));
      expect(res.status).toBe(400);
      expect((await res.json()).message).toBe('ConfigMap  unrelated not found as part of application guestbook');
      await expect(
        call(
          api.clients.applications,
          'GetResource',
          { name: 'guestbook', namespace: 'web', resourceName: 'no-uid', version: 'v1', kind: 'ConfigMap' },
          api.md(),
        ),
      ).rejects.toMatchObject({
        code: grpc.status.INVALID_ARGUMENT,
        details: 'ConfigMap  no-uid not found as part of application guestbook',
      });
      // Another namespace is another object.
      const elsewhere = await api.rest(
        '/api/v1/applications/guestbook/resource?namespace=default&resourceName=web-config&version=v1&kind=ConfigMap',
      );
      expect(elsewhere.status).toBe(400);
      const noKind = await api.rest('/api/v1/applications/guestbook/resource?namespace=web&resourceName=web-config');
      expect((await noKind.json()).message).toBe('kind is required');
    });

    it('answers NotFound for an unknown app, and PermissionDenied to whoever may not get it', async () => {
      const missing = await api.rest(resourcePath('web-config', 'ConfigMap', 'ghost'));
      expect(missing.status).toBe(404);
      expect((await missing.json()).message).toBe('applications.argoproj.io "ghost" not found');
      expect((await api.rest(resourcePath('web-config'), { token: alice })).status).toBe(200);
      // alice may get Applications of the default project only.
      await api.kube('POST', api.nsPath('appprojects'), {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'AppProject',
        metadata: { name: 'private' },
        spec: { sourceRepos: ['*'], destinations: [{ server: '*', namespace: '*' }] },
      });
      await api.kube('POST', api.nsPath('applications'), {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Application',
        metadata: { name: 'hidden' },
        spec: { project: 'private', source: { repoURL: git.url, path: 'app' }, destination: { server: spoke.url, namespace: 'web' } },
      });
      const denied = await api.rest(resourcePath('web-config', 'ConfigMap', 'hidden'), { token: alice });
      expect(denied.status).toBe(403);
      expect((await denied.json()).message).toBe('permission denied: applications, get, private/hidden, sub: alice');
    });

    it('says when the controller has not recorded the resource tree yet', async () => {
      await api.kube('POST', api.nsPath('applications'), {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Application',
        metadata: { name: 'fresh' },
        spec: { project: 'default', source: { repoURL: git.url, path: 'app' }, destination: { server: spoke.url, namespace: 'web' } },
      });
      const res = await api.rest(resourcePath('web-config', 'ConfigMap', 'fresh'));
      expect(res.status).toBe(404);
      expect((await res.json()).message).toMatch(/resource tree for application "fresh" is not available yet/);
    });
  });

  describe('PatchResource', () => {
    it('applies a merge patch (the body is the patch text) and answers the patched object', async () => {
      const res = await api.rest(`${resourcePath('web-config')}&patchType=application/merge-patch%2Bjson`, {
        method: 'POST',
        body: JSON.stringify(JSON.stringify({ data: { color: 'green' } })),
      });
      expect(res.status).toBe(200);
      expect(JSON.parse((await res.json()).manifest).data).toEqual({ color: 'green' });
      expect((await liveOnSpoke('ConfigMap', 'web-config')).data).toEqual({ color: 'green' });
    });

    it('applies json and strategic patches over gRPC', async () => {
      const req = { name: 'guestbook', namespace: 'web', resourceName: 'web-config', version: 'v1', kind: 'ConfigMap' };
      const json = await call(
        api.clients.applications,
        'PatchResource',
        { ...req, patchType: 'json', patch: JSON.stringify([{ op: 'add', path: '/data/size', value: 'xl' }]) },
        api.md(),
      );
      expect(JSON.parse(json.manifest).data).toEqual({ color: 'green', size: 'xl' });
      await call(
        api.clients.applications,
        'PatchResource',
        { ...req, patchType: 'strategic', patch: '{"metadata":{"labels":{"tier":"web"}}}' },
        api.md(),
      );
      expect((await liveOnSpoke('ConfigMap', 'web-config')).metadata?.labels).toEqual({ tier: 'web' });
    });

    it('says what is wrong with the patch type or text', async () => {
      const bad = await api.rest(`${resourcePath('web-config')}&patchType=yaml`, { method: 'POST', body: JSON.stringify('{}') });
      expect(bad.status).toBe(400);
      expect((await bad.json()).message).toMatch(/^patchType 'yaml' is not supported/);
      const objectBody = await api.rest(`${resourcePath('web-config')}&patchType=merge`, {
        method: 'POST',
        body: JSON.stringify({ data: {} }),
      });
      expect(objectBody.status).toBe(400);
      expect((await objectBody.json()).message).toBe('the body is the patch field: send it as a JSON string');
      const req = { name: 'guestbook', namespace: 'web', resourceName: 'web-config', version: 'v1', kind: 'ConfigMap' };
      await expect(
        call(api.clients.applications, 'PatchResource', { ...req, patchType: 'merge', patch: '{not json' }, api.md()),
      ).rejects.toMatchObject({
        code: grpc.status.INVALID_ARGUMENT,
        details: expect.stringMatching(/^patch is not valid JSON/),
      });
      await expect(
        call(api.clients.applications, 'PatchResource', { ...req, patchType: 'json', patch: '{}' }, api.md()),
      ).rejects.toMatchObject({
        code: grpc.status.INVALID_ARGUMENT,
        details: 'a json patch must be an array of operations (RFC 6902)',
      });
    });

    it("masks a patched Secret, and never quotes a Secret's values when Kubernetes refuses the patch", async () => {
      const req = { name: 'guestbook', namespace: 'web', resourceName: 'web-secret', version: 'v1', kind: 'Secret' };
      const ok = await call(
        api.clients.applications,
        'PatchResource',
        { ...req, patchType: 'merge', patch: '{"metadata":{"labels":{"a":"b"}}}' },
        api.md(),
      );
      expect(ok.manifest).not.toContain(b64(PASSWORD));
      expect(JSON.parse(ok.manifest).data.password).toMatch(/^\++$/);
      const refused = call(
        api.clients.applications,
        'PatchResource',
        { ...req, patchType: 'json', patch: JSON.stringify([{ op: 'test', path: '/data/password', value: b64('wrong') }]) },
        api.md(),
      );
      await expect(refused).rejects.toMatchObject({ details: 'failed to patch Secret web/web-secret' });
    });

    it('refuses unrelated objects and callers without update', async () => {
      const unrelated = await api.rest(`${resourcePath('unrelated')}&patchType=merge`, {
        method: 'POST',
        body: JSON.stringify('{"data":{"x":"2"}}'),
      });
      expect(unrelated.status).toBe(400);
      expect((await unrelated.json()).message).toBe('ConfigMap  unrelated not found as part of application guestbook');
      expect((await liveOnSpoke('ConfigMap', 'unrelated')).data).toEqual({ x: '1' });
      const denied = await api.rest(`${resourcePath('web-config')}&patchType=merge`, {
        method: 'POST',
        body: JSON.stringify('{"data":{"x":"2"}}'),
        token: alice,
      });
      expect(denied.status).toBe(403);
      expect((await denied.json()).message).toBe(
        'permission denied: applications, update//ConfigMap/web/web-config, default/guestbook, sub: alice',
      );
    });

    it("needs Argo CD 3's fine-grained update/<group>/<kind>/<ns>/<name>, or update on the app when argocd-cm allows inheriting it", async () => {
      const path = `${resourcePath('web-config')}&patchType=merge`;
      const body = JSON.stringify('{"data":{"by":"carol"}}');
      const denied = await api.rest(path, { method: 'POST', body, token: carol });
      expect(denied.status).toBe(403);
      expect((await denied.json()).message).toBe(
        'permission denied: applications, update//ConfigMap/web/web-config, default/guestbook, sub: carol',
      );
      const setting = async (value: string | null) => {
        const res = await api.kube(
          'PATCH',
          `/api/v1/namespaces/${api.namespace}/configmaps/argocd-cm`,
          { data: { 'server.rbac.disableApplicationFineGrainedRBACInheritance': value } },
          'application/merge-patch+json',
        );
        expect(res.status).toBe(200);
        await new Promise((r) => setTimeout(r, 1100)); // settings are cached for a second
      };
      await setting('false');
      try {
        const allowed = await api.rest(path, { method: 'POST', body, token: carol });
        expect(allowed.status).toBe(200);
        expect((await liveOnSpoke('ConfigMap', 'web-config')).data).toMatchObject({ by: 'carol' });
        await setting('maybe');
        const broken = await api.rest(path, { method: 'POST', body, token: carol });
        expect(broken.status).toBe(400);
        expect((await broken.json()).message).toBe(
          'argocd-cm server.rbac.disableApplicationFineGrainedRBACInheritance is not a boolean: "maybe"',
        );
      } finally {
        await setting(null);
      }
    });
  });

  describe('DeleteResource', () => {
    it('refuses unrelated objects, and callers without delete', async () => {
      const unrelated = await api.rest(resourcePath('unrelated'), { method: 'DELETE' });
      expect(unrelated.status).toBe(400);
      expect((await liveOnSpoke('ConfigMap', 'unrelated')).metadata?.name).toBe('unrelated');
      await expect(
        call(
          api.clients.applications,
          'DeleteResource',
          { name: 'guestbook', namespace: 'web', resourceName: 'doomed', version: 'v1', kind: 'ConfigMap' },
          api.md(alice),
        ),
      ).rejects.toMatchObject({
        code: grpc.status.PERMISSION_DENIED,
        details: 'permission denied: applications, delete//ConfigMap/web/doomed, default/guestbook, sub: alice',
      });
    });

    it('lets a fine-grained delete/<group>/<kind>/<ns>/<name> grant delete that kind only', async () => {
      const req = { name: 'guestbook', namespace: 'web', version: 'v1' };
      await expect(
        call(api.clients.applications, 'DeleteResource', { ...req, resourceName: 'doomed', kind: 'ConfigMap' }, api.md(carol)),
      ).rejects.toMatchObject({ code: grpc.status.PERMISSION_DENIED });
      await call(api.clients.applications, 'DeleteResource', { ...req, resourceName: 'web-secret', kind: 'Secret' }, api.md(carol));
      await expect(liveOnSpoke('Secret', 'web-secret')).rejects.toMatchObject({ code: 404 });
    });

    it('deletes a resource of the app from its destination cluster', async () => {
      const res = await api.rest(`${resourcePath('doomed')}&force=true`, { method: 'DELETE' });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({});
      await expect(liveOnSpoke('ConfigMap', 'doomed')).rejects.toMatchObject({ code: 404 });
      // Gone now: NotFound from the cluster.
      await expect(
        call(
          api.clients.applications,
          'DeleteResource',
          { name: 'guestbook', namespace: 'web', resourceName: 'doomed', version: 'v1', kind: 'ConfigMap', orphan: true },
          api.md(),
        ),
      ).rejects.toMatchObject({ code: grpc.status.NOT_FOUND, details: expect.stringMatching(/^error deleting resource: /) });
    });
  });

  describe('ListResourceEvents', () => {
    it("lists the Application's Events from the hub", async () => {
      const app = (await api.kube('GET', api.nsPath('applications/guestbook'))).body;
      const event = (name: string, involvedObject: Record<string, unknown>) => ({
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name },
        involvedObject,
        reason: 'ResourceUpdated',
        message: `${name} happened`,
        type: 'Normal',
      });
      await api.kube(
        'POST',
        `/api/v1/namespaces/${api.namespace}/events`,
        event('mine', { kind: 'Application', name: 'guestbook', uid: app.metadata.uid, namespace: api.namespace }),
      );
      await api.kube(
        'POST',
        `/api/v1/namespaces/${api.namespace}/events`,
        event('theirs', { kind: 'Application', name: 'fresh', namespace: api.namespace }),
      );
      const res = await api.rest('/api/v1/applications/guestbook/events');
      expect(res.status).toBe(200);
      const list = await res.json();
      const names = list.items.map((e: any) => e.metadata.name);
      expect(names).toContain('mine');
      expect(names).not.toContain('theirs');
      expect(list.items.find((e: any) => e.metadata.name === 'mine')).toMatchObject({
        reason: 'ResourceUpdated',
        message: 'mine happened',
      });
      // The patches and deletes made through the API above, as Argo's audit Events.
      const audit = list.items.filter((e: any) => e.source?.component === 'argocd-server');
      expect(audit.map((e: any) => [e.reason, e.message])).toEqual(
        expect.arrayContaining([
          ['ResourceUpdated', "admin patched resource /ConfigMap 'web-config'"],
          ['ResourceUpdated', "carol patched resource /ConfigMap 'web-config'"],
          ['ResourceDeleted', "carol deleted resource /Secret 'web-secret'"],
          ['ResourceDeleted', "admin deleted resource /ConfigMap 'doomed'"],
        ]),
      );
      // The same user patching the same resource again is one Event with a count, as client-go folds them.
      expect(audit.find((e: any) => e.message === "admin patched resource /ConfigMap 'web-config'").count).toBeGreaterThan(1);
      expect(audit[0]).toMatchObject({
        type: 'Normal',
        involvedObject: {
          apiVersion: 'argoproj.io/v1alpha1',
          kind: 'Application',
          name: 'guestbook',
          namespace: api.namespace,
          uid: app.metadata.uid,
        },
        metadata: { annotations: { 'dest-server': spoke.url, 'dest-namespace': 'web' } },
      });
      // Nothing is recorded for what was refused.
      expect(audit.filter((e: any) => /unrelated/.test(e.message))).toEqual([]);
      expect(list.metadata).toEqual(expect.any(Object));
      expect((await api.rest('/api/v1/applications/guestbook/events', { token: alice })).status).toBe(200);
    });

    it("lists a resource's Events from the destination cluster, only for a resource of the app", async () => {
      const ev = (name: string, objName: string) => ({
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name, namespace: 'web' },
        involvedObject: { kind: 'ConfigMap', name: objName, namespace: 'web', uid: uids[objName] },
        reason: 'Changed',
        message: `${objName} changed`,
      });
      await spoke.kube.create(ev('cm-event', 'web-config'));
      await spoke.kube.create(ev('other-event', 'unrelated'));
      const res = await api.rest(
        `/api/v1/applications/guestbook/events?resourceUID=${uids['web-config']}&resourceName=web-config&resourceNamespace=web`,
      );
      expect(res.status).toBe(200);
      expect((await res.json()).items.map((e: any) => e.metadata.name)).toEqual(['cm-event']);
      const viaGrpc = JSON.parse(
        (
          await call(
            api.clients.applications,
            'ListResourceEvents',
            { name: 'guestbook', resourceUID: uids.orphaned, resourceName: 'orphaned', resourceNamespace: 'web' },
            api.md(),
          )
        ).json,
      );
      expect(viaGrpc.items).toEqual([]);
      const refused = await api.rest(
        `/api/v1/applications/guestbook/events?resourceUID=${uids.unrelated}&resourceName=unrelated&resourceNamespace=web`,
      );
      expect(refused.status).toBe(400);
      expect((await refused.json()).message).toBe('unrelated not found as part of application guestbook');
    });
  });

  describe('Patch and UpdateSpec', () => {
    it('applies a json patch (the default) to the Application and validates the result', async () => {
      const res = await api.rest('/api/v1/applications/guestbook', {
        method: 'PATCH',
        body: JSON.stringify({ patch: JSON.stringify([{ op: 'replace', path: '/spec/source/targetRevision', value: firstCommit }]) }),
      });
      expect(res.status).toBe(200);
      expect((await res.json()).spec.source.targetRevision).toBe(firstCommit);
      expect((await api.kube('GET', api.nsPath('applications/guestbook'))).body.spec.source.targetRevision).toBe(firstCommit);
      const invalid = await call(
        api.clients.applications,
        'Patch',
        { name: 'guestbook', patchType: 'merge', patch: JSON.stringify({ spec: { source: { path: 'nowhere' } } }) },
        api.md(),
      ).catch((e) => e);
      expect(invalid).toMatchObject({
        code: grpc.status.INVALID_ARGUMENT,
        details: expect.stringMatching(/^application spec for guestbook is invalid/),
      });
    });

    it('applies a merge patch; refuses other types, broken patches and callers without update', async () => {
      const merged = JSON.parse(
        (
          await call(
            api.clients.applications,
            'Patch',
            { name: 'guestbook', patchType: 'merge', patch: JSON.stringify({ spec: { source: { targetRevision: 'main' } } }) },
            api.md(),
          )
        ).json,
      );
      expect(merged.spec.source).toEqual({ repoURL: git.url, path: 'app', targetRevision: 'main' });
      const yaml = await api.rest('/api/v1/applications/guestbook', {
        method: 'PATCH',
        body: JSON.stringify({ patch: '{}', patchType: 'yaml' }),
      });
      expect(yaml.status).toBe(400);
      expect((await yaml.json()).message).toBe("Patch type 'yaml' is not supported");
      const unresolvable = await api.rest('/api/v1/applications/guestbook', {
        method: 'PATCH',
        body: JSON.stringify({ patch: JSON.stringify([{ op: 'replace', path: '/spec/nothing/here', value: 1 }]) }),
      });
      expect(unresolvable.status).toBe(400);
      expect((await unresolvable.json()).message).toMatch(/^error applying patch: /);
      const denied = await api.rest('/api/v1/applications/guestbook', {
        method: 'PATCH',
        body: JSON.stringify({ patch: '[]' }),
        token: alice,
      });
      expect(denied.status).toBe(403);
      expect((await denied.json()).message).toBe('permission denied: applications, update, default/guestbook, sub: alice');
      const missing = await api.rest('/api/v1/applications/ghost', { method: 'PATCH', body: JSON.stringify({ patch: '[]' }) });
      expect(missing.status).toBe(404);
    });

    it('replaces the spec and answers with it', async () => {
      const spec = {
        project: 'default',
        source: { repoURL: git.url, path: 'app', targetRevision: secondCommit },
        destination: { server: spoke.url, namespace: 'web' },
      };
      const res = await api.rest('/api/v1/applications/guestbook/spec', { method: 'PUT', body: JSON.stringify(spec) });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual(spec);
      const viaGrpc = await call(
        api.clients.applications,
        'UpdateSpec',
        {
          name: 'guestbook',
          spec: { json: JSON.stringify({ ...spec, source: { ...spec.source, targetRevision: 'main' } }) },
          validate: false,
        },
        api.md(),
      );
      expect(JSON.parse(viaGrpc.json).source.targetRevision).toBe('main');
      const denied = await api.rest('/api/v1/applications/guestbook/spec', { method: 'PUT', body: JSON.stringify(spec), token: alice });
      expect(denied.status).toBe(403);
      const notObject = await api.rest('/api/v1/applications/guestbook/spec', { method: 'PUT', body: '[]' });
      expect(notObject.status).toBe(400);
    });
  });

  describe('GetManifests', () => {
    it('renders the source at its target revision, Secret values masked', async () => {
      const res = await api.rest('/api/v1/applications/guestbook/manifests');
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(text).not.toContain(PASSWORD);
      const body = JSON.parse(text);
      expect(body).toMatchObject({ revision: secondCommit, namespace: 'web', server: spoke.url, sourceType: 'Directory' });
      const objs = body.manifests.map((m: string) => JSON.parse(m));
      expect(objs.find((o: any) => o.kind === 'ConfigMap').data).toEqual({ color: 'blue' });
      expect(
        Object.values(objs.find((o: any) => o.kind === 'Secret').stringData ?? objs.find((o: any) => o.kind === 'Secret').data),
      ).toEqual([expect.stringMatching(/^\++$/)]);
    });

    it('renders an earlier revision when asked, over gRPC too', async () => {
      const old = JSON.parse(
        (await call(api.clients.applications, 'GetManifests', { name: 'guestbook', revision: firstCommit }, api.md())).json,
      );
      expect(old.revision).toBe(firstCommit);
      expect(old.manifests.map((m: string) => JSON.parse(m).kind)).toEqual(['ConfigMap']);
      expect((await api.rest('/api/v1/applications/ghost/manifests')).status).toBe(404);
      expect((await api.rest('/api/v1/applications/guestbook/manifests', { token: alice })).status).toBe(200);
    });
  });

  describe('GetManifests of a multi-source Application', () => {
    it('renders every source, each at the revision asked for its position, in one list', async () => {
      const source = { repoURL: git.url, path: 'app', targetRevision: 'main' };
      await api.kube('POST', api.nsPath('applications'), {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Application',
        metadata: { name: 'multi' },
        spec: { project: 'default', sources: [source, source], destination: { server: spoke.url, namespace: 'web' } },
      });
      const res = await api.rest(`/api/v1/applications/multi/manifests?sourcePositions=2&revisions=${firstCommit}`);
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(Object.keys(body).sort()).toEqual(['manifests', 'namespace', 'server']);
      const colors = body.manifests
        .map((m: string) => JSON.parse(m))
        .filter((o: any) => o.kind === 'ConfigMap')
        .map((o: any) => o.data.color);
      expect(colors).toEqual(['blue', 'red']);
      const bad = await api.rest(`/api/v1/applications/multi/manifests?sourcePositions=3&revisions=${firstCommit}`);
      expect(bad.status).toBe(400);
      expect((await bad.json()).message).toBe('source position 3 is out of range: the application has 2 sources');
    });
  });

  describe('RevisionMetadata', () => {
    it("answers a commit's author, date, message and tags from repo-server", async () => {
      const res = await api.rest(`/api/v1/applications/guestbook/revisions/${firstCommit}/metadata`);
      expect(res.status).toBe(200);
      const meta = await res.json();
      expect(meta).toEqual({
        author: 't <t@e>',
        date: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
        message: 'first',
        tags: ['v1'],
      });
      expect(Math.abs(Date.parse(meta.date) - Date.now())).toBeLessThan(3_600_000);
      const short = JSON.parse(
        (await call(api.clients.applications, 'RevisionMetadata', { name: 'guestbook', revision: secondCommit.slice(0, 8) }, api.md()))
          .json,
      );
      expect(short).toEqual({ author: 't <t@e>', date: expect.any(String), message: 'second' });
      expect((await api.rest(`/api/v1/applications/guestbook/revisions/${firstCommit}/metadata`, { token: alice })).status).toBe(200);
    });

    it('refuses branch names, unknown sources and history entries, and unknown apps', async () => {
      const branch = await api.rest('/api/v1/applications/guestbook/revisions/main/metadata');
      expect(branch.status).toBe(400);
      expect((await branch.json()).message).toBe('revision main must be resolved');
      const index = await api.rest(`/api/v1/applications/guestbook/revisions/${firstCommit}/metadata?sourceIndex=1`);
      expect(index.status).toBe(400);
      expect((await index.json()).message).toBe('source index 1 not found because there is only 1 source');
      await expect(
        call(api.clients.applications, 'RevisionMetadata', { name: 'guestbook', revision: firstCommit, versionId: 5 }, api.md()),
      ).rejects.toMatchObject({ code: grpc.status.NOT_FOUND, details: 'version ID 5 not found because the app has no history' });
      const missing = await api.rest(`/api/v1/applications/ghost/revisions/${firstCommit}/metadata`);
      expect(missing.status).toBe(404);
      expect((await missing.json()).message).toBe('applications.argoproj.io "ghost" not found');
    });
  });

  describe('GetApplicationSyncWindows', () => {
    const project = async (name: string, syncWindows: unknown[]) =>
      api.kube('POST', api.nsPath('appprojects'), {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'AppProject',
        metadata: { name },
        spec: { sourceRepos: ['*'], destinations: [{ server: '*', namespace: '*' }], syncWindows },
      });
    const appIn = async (name: string, projectName: string) =>
      api.kube('POST', api.nsPath('applications'), {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Application',
        metadata: { name },
        spec: { project: projectName, source: { repoURL: git.url, path: 'app' }, destination: { server: spoke.url, namespace: 'web' } },
      });

    it('answers the windows assigned to the app, those open now, and whether a manual sync may run', async () => {
      await project('windowed', [
        { kind: 'deny', schedule: '* * * * *', duration: '1h', applications: ['timed'], manualSync: true },
        { kind: 'allow', schedule: '0 0 31 2 *', duration: '1h', namespaces: ['web'] },
        { kind: 'deny', schedule: '* * * * *', duration: '1h', applications: ['someone-else'] },
      ]);
      await appIn('timed', 'windowed');
      const res = await api.rest('/api/v1/applications/timed/syncwindows');
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({
        activeWindows: [{ kind: 'deny', schedule: '* * * * *', duration: '1h', manualSync: true }],
        assignedWindows: [
          { kind: 'deny', schedule: '* * * * *', duration: '1h', manualSync: true },
          { kind: 'allow', schedule: '0 0 31 2 *', duration: '1h', manualSync: false },
        ],
        canSync: true,
      });
      const viaGrpc = JSON.parse((await call(api.clients.applications, 'GetApplicationSyncWindows', { name: 'guestbook' }, api.md())).json);
      expect(viaGrpc).toEqual({ canSync: true });
    });

    it('says when a window does not parse, and who may not see the app', async () => {
      await project('broken', [{ kind: 'deny', schedule: 'every day', duration: '1h', namespaces: ['*'] }]);
      await appIn('broken-app', 'broken');
      const res = await api.rest('/api/v1/applications/broken-app/syncwindows');
      expect(res.status).toBe(400);
      expect((await res.json()).message).toBe(
        "invalid sync windows: cannot parse schedule 'every day': expected exactly 5 fields, found 2",
      );
      const denied = await api.rest('/api/v1/applications/broken-app/syncwindows', { token: alice });
      expect(denied.status).toBe(403);
      expect((await denied.json()).message).toBe('permission denied: applications, get, broken/broken-app, sub: alice');
      expect((await api.rest('/api/v1/applications/ghost/syncwindows')).status).toBe(404);
    });
  });

  describe('ListLinks', () => {
    it("renders argocd-cm's application.links for the app, its cluster (without credentials) and managedByURL, where their if conditions hold", async () => {
      const links = [
        {
          url: 'https://grafana.example.com/d/{{.app.metadata.name}}?ns={{.app.spec.destination.namespace}}&cluster={{.cluster.name}}',
          title: 'Grafana',
          description: 'dashboards',
          'icon.class': 'fa-chart',
        },
        { url: '{{.managedByURL}}/applications/{{.application.metadata.name | upper}}', title: 'Self' },
        { url: 'https://z/{{.cluster.config.bearerToken}}', title: 'No credentials' },
        { url: 'https://x/{{.app.metadata.name | nosuchfunc}}', title: 'Broken' },
        { url: 'https://shown', title: 'Shown when', if: 'app.spec.project == "default" && cluster.name == "spoke"' },
        { url: 'https://hidden', title: 'Hidden when', if: 'app.spec.destination.namespace == "prod"' },
        { url: 'https://not-boolean', title: 'Not boolean', if: 'app.metadata.name' },
        { url: 'https://bad', title: 'Bad condition', if: 'app.spec.project ==' },
      ];
      const patched = await api.kube(
        'PATCH',
        `/api/v1/namespaces/${api.namespace}/configmaps/argocd-cm`,
        { data: { url: 'https://argocd.example.com', 'application.links': JSON.stringify(links) } },
        'application/merge-patch+json',
      );
      expect(patched.status).toBe(200);
      await new Promise((r) => setTimeout(r, 1100)); // settings are cached for a second
      const res = await api.rest('/api/v1/applications/guestbook/links');
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({
        items: [
          {
            title: 'Grafana',
            url: 'https://grafana.example.com/d/guestbook?ns=web&cluster=spoke',
            description: 'dashboards',
            iconClass: 'fa-chart',
          },
          { title: 'Self', url: 'https://argocd.example.com/applications/GUESTBOOK' },
          { title: 'No credentials', url: 'https://z/<no value>' },
          { title: 'Shown when', url: 'https://shown' },
        ],
      });
      const viaGrpc = await call(api.clients.applications, 'ListLinks', { name: 'guestbook' }, api.md(alice));
      expect(viaGrpc.items.map((l: any) => l.title)).toEqual(['Grafana', 'Self', 'No credentials', 'Shown when']);
      const denied = await api.rest('/api/v1/applications/hidden/links', { token: alice });
      expect(denied.status).toBe(403);
      expect((await api.rest('/api/v1/applications/guestbook/links?namespace=elsewhere')).status).toBe(403);
    });
  });

  describe('ManagedResources filters', () => {
    it('answers only the items matching group, kind, namespace, name and version, and never hooks', async () => {
      const item = (kind: string, name: string, apiVersion = 'v1', group = '') => ({
        group,
        kind,
        namespace: 'web',
        name,
        liveState: JSON.stringify({ apiVersion, kind, metadata: { name, namespace: 'web' } }),
        targetState: JSON.stringify({ apiVersion, kind, metadata: { name, namespace: 'web' } }),
        hook: false,
        modified: false,
      });
      await redis.set(
        appManagedResourcesKey(api.namespace, 'guestbook'),
        JSON.stringify({
          items: [
            item('ConfigMap', 'web-config'),
            item('ConfigMap', 'other'),
            item('Deployment', 'web', 'apps/v1', 'apps'),
            { ...item('Job', 'migrate', 'batch/v1', 'batch'), hook: true },
          ],
        }),
        'EX',
        600,
      );
      const names = async (query: string) =>
        ((await (await api.rest(`/api/v1/applications/guestbook/managed-resources${query}`)).json()).items ?? []).map(
          (i: any) => `${i.kind}/${i.name}`,
        );
      expect(await names('')).toEqual(['ConfigMap/web-config', 'ConfigMap/other', 'Deployment/web']);
      expect(await names('?kind=ConfigMap')).toEqual(['ConfigMap/web-config', 'ConfigMap/other']);
      expect(await names('?kind=ConfigMap&name=other')).toEqual(['ConfigMap/other']);
      expect(await names('?group=apps')).toEqual(['Deployment/web']);
      expect(await names('?version=v1&group=apps')).toEqual(['Deployment/web']);
      expect(await names('?version=v2')).toEqual([]);
      expect(await names('?namespace=elsewhere')).toEqual([]);
      const viaGrpc = JSON.parse(
        (await call(api.clients.applications, 'ManagedResources', { applicationName: 'guestbook', kind: 'Deployment' }, api.md())).json,
      );
      expect(viaGrpc.items.map((i: any) => i.name)).toEqual(['web']);
    });
  });
});
