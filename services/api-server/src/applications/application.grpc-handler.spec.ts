import * as grpc from '@grpc/grpc-js';
import { toJsonObject } from '@flotilla/contracts';
import { Redis } from 'ioredis';
import { ApiServerHarness, appManifest, call, startApiServer } from '../testing/api-server.harness';
import { appTreeKey } from '@flotilla/api-types';

const SHA = 'a'.repeat(40);

describe('applications and applicationsets (the api-server process on a kube-sim hub, gRPC and REST on one port)', () => {
  let api: ApiServerHarness;
  let redis: Redis;

  beforeAll(async () => {
    // No repo-server listens on port 1: validation must say it could not check the source.
    api = await startApiServer({ FLOTILLA_REFRESH_TIMEOUT_SECONDS: '3', FLOTILLA_REPO_SERVER: '127.0.0.1:1' });
    await api.login();
    redis = new Redis('redis://127.0.0.1:6379');
  }, 90_000);

  afterAll(async () => {
    await redis?.quit();
    await api?.stop();
  });

  describe('applications', () => {
    it('creates over gRPC, lists and gets over REST and gRPC', async () => {
      const created = JSON.parse(
        (await call(api.clients.applications, 'Create', { application: toJsonObject(appManifest('guestbook')), validate: false }, api.md()))
          .json,
      );
      expect(created.metadata).toMatchObject({ name: 'guestbook', namespace: api.namespace, uid: expect.any(String) });
      const list = await (await api.rest('/api/v1/applications?projects=default')).json();
      expect(list.items.map((a: any) => a.metadata.name)).toEqual(['guestbook']);
      expect(list.metadata.resourceVersion).toBeTruthy();
      expect((await (await api.rest('/api/v1/applications?projects=other')).json()).items).toEqual([]);
      const got = await (await api.rest('/api/v1/applications/guestbook')).json();
      expect(got.spec.source.path).toBe('guestbook');
      const viaGrpc = JSON.parse((await call(api.clients.applications, 'Get', { name: 'guestbook' }, api.md())).json);
      expect(viaGrpc.metadata.uid).toBe(got.metadata.uid);
    });

    it('is idempotent for the same spec, refuses a different one without upsert, updates with it', async () => {
      const again = await api.rest('/api/v1/applications?validate=false', {
        method: 'POST',
        body: JSON.stringify(appManifest('guestbook')),
      });
      expect(again.status).toBe(200);
      const changed = appManifest('guestbook', { destination: { server: 'https://kubernetes.default.svc', namespace: 'other' } });
      const refused = await api.rest('/api/v1/applications?validate=false', { method: 'POST', body: JSON.stringify(changed) });
      expect(refused.status).toBe(400);
      expect((await refused.json()).message).toBe('existing application spec is different, use upsert flag to force update');
      const upserted = await api.rest('/api/v1/applications?validate=false&upsert=true', { method: 'POST', body: JSON.stringify(changed) });
      expect((await upserted.json()).spec.destination.namespace).toBe('other');
      const updated = await api.rest('/api/v1/applications/guestbook?validate=false', {
        method: 'PUT',
        body: JSON.stringify(appManifest('guestbook')),
      });
      expect((await updated.json()).spec.destination.namespace).toBe('web');
    });

    it('refuses unknown destinations and projects with messages naming them', async () => {
      const badDest = appManifest('bad', { destination: { server: 'https://nowhere.example', namespace: 'x' } });
      await expect(
        call(api.clients.applications, 'Create', { application: toJsonObject(badDest), validate: false }, api.md()),
      ).rejects.toMatchObject({
        code: grpc.status.INVALID_ARGUMENT,
        details:
          'application destination spec for bad is invalid: unable to find destination server: there are no clusters with this URL: https://nowhere.example',
      });
      const badProject = appManifest('bad', { project: 'ghost' });
      const res = await api.rest('/api/v1/applications?validate=false', { method: 'POST', body: JSON.stringify(badProject) });
      expect(await res.json()).toMatchObject({ code: 3, message: 'app is not allowed in project "ghost", or the project does not exist' });
      const missing = await api.rest('/api/v1/applications/ghost');
      expect(missing.status).toBe(404);
      expect((await missing.json()).message).toBe('applications.argoproj.io "ghost" not found');
    });

    it('validates sources through repo-server when asked, and says so when it cannot be reached', async () => {
      await expect(
        call(api.clients.applications, 'Create', { application: toJsonObject(appManifest('checked')), validate: true }, api.md()),
      ).rejects.toMatchObject({
        code: grpc.status.INVALID_ARGUMENT,
        details: expect.stringMatching(
          /^application spec for checked is invalid: InvalidSpecError: spec\.source\.repoURL https:\/\/example\.com\/repo\.git could not be checked through repo-server/,
        ),
      });
    });

    it('syncs by writing operation on the Application; a second sync conflicts while it runs', async () => {
      const res = await api.rest('/api/v1/applications/guestbook/sync', {
        method: 'POST',
        body: JSON.stringify({ revision: SHA, prune: true, syncOptions: { items: ['CreateNamespace=true'] } }),
      });
      expect(res.status).toBe(200);
      const stored = (await api.kube('GET', api.nsPath('applications/guestbook'))).body;
      expect(stored.operation).toEqual({
        sync: {
          revision: SHA,
          prune: true,
          dryRun: false,
          syncOptions: ['CreateNamespace=true'],
          resources: [],
          source: stored.spec.source,
        },
        initiatedBy: { username: 'admin' },
      });
      await expect(call(api.clients.applications, 'Sync', { name: 'guestbook', revision: SHA }, api.md())).rejects.toMatchObject({
        code: grpc.status.FAILED_PRECONDITION,
        details: 'another operation is already in progress',
      });
      const conflict = await api.rest('/api/v1/applications/guestbook/sync', { method: 'POST', body: '{}' });
      expect(conflict.status).toBe(400);
    });

    it('refreshes by annotation and waits until the controller has cleared it', async () => {
      const controller = (async () => {
        for (;;) {
          const current = (await api.kube('GET', api.nsPath('applications/guestbook'))).body;
          if (current.metadata.annotations?.['argocd.argoproj.io/refresh'] === 'hard') {
            await api.kube(
              'PATCH',
              api.nsPath('applications/guestbook'),
              { metadata: { annotations: { 'argocd.argoproj.io/refresh': null } }, status: { reconciledAt: '2024-01-01T00:00:00Z' } },
              'application/merge-patch+json',
            );
            return;
          }
          await new Promise((r) => setTimeout(r, 50));
        }
      })();
      const res = await api.rest('/api/v1/applications/guestbook?refresh=hard');
      await controller;
      const body = await res.json();
      expect(body.status.reconciledAt).toBe('2024-01-01T00:00:00Z');
      expect(body.metadata.annotations?.['argocd.argoproj.io/refresh']).toBeUndefined();
    });

    it('gives up waiting for a refresh no controller performs', async () => {
      await expect(call(api.clients.applications, 'Get', { name: 'guestbook', refresh: 'normal' }, api.md())).rejects.toMatchObject({
        code: grpc.status.DEADLINE_EXCEEDED,
        details: expect.stringMatching(/application refresh deadline exceeded/),
      });
      const stored = (await api.kube('GET', api.nsPath('applications/guestbook'))).body;
      expect(stored.metadata.annotations['argocd.argoproj.io/refresh']).toBe('normal');
    });

    it('reads the resource tree the controller wrote to Redis, NotFound before', async () => {
      const missing = await api.rest('/api/v1/applications/guestbook/resource-tree');
      expect(missing.status).toBe(404);
      expect((await missing.json()).message).toMatch(/resource tree for application "guestbook" is not available yet/);
      const key = appTreeKey(api.namespace, 'guestbook');
      await redis.set(key, JSON.stringify({ nodes: [{ kind: 'Deployment', name: 'web' }] }), 'EX', 60);
      try {
        expect(await (await api.rest('/api/v1/applications/guestbook/resource-tree')).json()).toEqual({
          nodes: [{ kind: 'Deployment', name: 'web' }],
        });
      } finally {
        await redis.del(key);
      }
    });

    it('deletes with cascade by setting the resources finalizer, and without cascade at once', async () => {
      await call(api.clients.applications, 'Create', { application: toJsonObject(appManifest('plain')), validate: false }, api.md());
      expect((await api.rest('/api/v1/applications/plain?cascade=false', { method: 'DELETE' })).status).toBe(200);
      expect((await api.kube('GET', api.nsPath('applications/plain'))).status).toBe(404);
      const bad = await api.rest('/api/v1/applications/guestbook?cascade=true&propagationPolicy=sideways', { method: 'DELETE' });
      expect((await bad.json()).message).toBe('invalid propagation policy: sideways');
      await call(api.clients.applications, 'Delete', { name: 'guestbook', cascade: true, propagationPolicy: 'background' }, api.md());
      const stored = (await api.kube('GET', api.nsPath('applications/guestbook'))).body;
      expect(stored.metadata.finalizers).toEqual(['resources-finalizer.argocd.argoproj.io/background']);
      expect(stored.metadata.deletionTimestamp).toBeTruthy();
    });
  });

  describe('applicationsets', () => {
    const appset = (name: string, project = 'default') => ({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'ApplicationSet',
      metadata: { name },
      spec: {
        generators: [{ list: { elements: [{ cluster: 'dev' }] } }],
        template: {
          metadata: { name: '{{cluster}}-web' },
          spec: {
            project,
            source: { repoURL: 'https://example.com/repo.git', path: 'web' },
            destination: { server: 'https://kubernetes.default.svc', namespace: 'web' },
          },
        },
      },
    });

    it('creates, lists and gets ApplicationSets; dryRun stores nothing', async () => {
      const dry = await call(api.clients.appsets, 'Create', { applicationset: toJsonObject(appset('dry')), dryRun: true }, api.md());
      expect(JSON.parse(dry.json).metadata.name).toBe('dry');
      expect((await api.kube('GET', api.nsPath('applicationsets/dry'))).status).toBe(404);
      const created = await api.rest('/api/v1/applicationsets', { method: 'POST', body: JSON.stringify(appset('web')) });
      expect(created.status).toBe(200);
      expect((await api.kube('GET', api.nsPath('applicationsets/web'))).body.spec.generators).toHaveLength(1);
      const list = await (await api.rest('/api/v1/applicationsets')).json();
      expect(list.items.map((s: any) => s.metadata.name)).toEqual(['web']);
      expect(JSON.parse((await call(api.clients.appsets, 'Get', { name: 'web' }, api.md())).json).spec.template.spec.project).toBe(
        'default',
      );
    });

    it('refuses templated or missing projects and differing specs without upsert', async () => {
      const templated = await api.rest('/api/v1/applicationsets', { method: 'POST', body: JSON.stringify(appset('t', '{{cluster}}')) });
      expect((await templated.json()).message).toMatch(/templated `project` fields/);
      const ghost = await api.rest('/api/v1/applicationsets', { method: 'POST', body: JSON.stringify(appset('g', 'ghost')) });
      expect((await ghost.json()).message).toBe('ApplicationSet references project ghost which does not exist');
      const changed = appset('web');
      changed.spec.generators = [{ list: { elements: [{ cluster: 'prod' }] } }];
      const refused = await api.rest('/api/v1/applicationsets', { method: 'POST', body: JSON.stringify(changed) });
      expect((await refused.json()).message).toBe('existing ApplicationSet spec is different, use upsert flag to force update');
      const upserted = await api.rest('/api/v1/applicationsets?upsert=true', { method: 'POST', body: JSON.stringify(changed) });
      expect((await upserted.json()).spec.generators[0].list.elements).toEqual([{ cluster: 'prod' }]);
    });

    it('deletes', async () => {
      await call(api.clients.appsets, 'Delete', { name: 'web' }, api.md());
      expect((await api.kube('GET', api.nsPath('applicationsets/web'))).status).toBe(404);
    });
  });
});
