import * as grpc from '@grpc/grpc-js';
import { ApiServerHarness, appManifest, call, startApiServer } from '../testing/api-server.harness';

const SHA_A = 'a'.repeat(40);
const SHA_B = 'b'.repeat(40);
const SHA_C = 'c'.repeat(40);
const source = (targetRevision: string) => ({ repoURL: 'https://example.com/repo.git', path: 'guestbook', targetRevision });

describe('Rollback and TerminateOperation (the api-server process on a kube-sim hub, gRPC and REST)', () => {
  let api: ApiServerHarness;

  /** An Application as the controller leaves it after two syncs: history ids 3 (A) and 4 (B). */
  const seed = async (name: string, spec: Record<string, unknown> = {}, status: Record<string, unknown> = {}) => {
    const app = appManifest(name, { source: source('HEAD'), syncPolicy: { syncOptions: ['CreateNamespace=true'] }, ...spec });
    const history = [
      { id: 3, revision: SHA_A, source: source('main'), deployedAt: '2024-01-01T00:00:00Z' },
      { id: 4, revision: SHA_B, source: source('HEAD'), deployedAt: '2024-01-02T00:00:00Z' },
    ];
    const res = await api.kube('POST', api.nsPath('applications'), { ...app, status: { history, ...status } });
    if (res.status >= 300) throw new Error(JSON.stringify(res.body));
  };
  const stored = async (name: string) => (await api.kube('GET', api.nsPath(`applications/${name}`))).body;

  beforeAll(async () => {
    api = await startApiServer({ FLOTILLA_REPO_SERVER: '127.0.0.1:1' });
    await api.login();
  }, 90_000);

  afterAll(async () => {
    await api?.stop();
  });

  describe('Rollback', () => {
    it("writes a sync operation to the history entry's revision and source, and clears the last operation state", async () => {
      await seed('web', {}, { operationState: { operation: { sync: { revision: SHA_B } }, phase: 'Succeeded', startedAt: '2024-01-02T00:00:00Z' } });
      const res = await api.rest('/api/v1/applications/web/rollback', { method: 'POST', body: JSON.stringify({ id: 3, prune: true }) });
      expect(res.status).toBe(200);
      expect((await res.json()).metadata.name).toBe('web');
      const app = await stored('web');
      expect(app.operation).toEqual({
        sync: { revision: SHA_A, source: source('main'), prune: true, dryRun: false, syncOptions: ['CreateNamespace=true'] },
        initiatedBy: { username: 'admin' },
      });
      expect(app.status.operationState).toBeUndefined();
    });

    it('refuses while another operation is in progress, like Sync', async () => {
      await expect(call(api.clients.applications, 'Rollback', { name: 'web', id: 4 }, api.md())).rejects.toMatchObject({
        code: grpc.status.FAILED_PRECONDITION,
        details: 'another operation is already in progress',
      });
    });

    it('says which id is missing from history', async () => {
      await seed('missing-id');
      await expect(call(api.clients.applications, 'Rollback', { name: 'missing-id', id: 9 }, api.md())).rejects.toMatchObject({
        code: grpc.status.NOT_FOUND,
        details: 'application missing-id does not have deployment id 9 in history',
      });
      const res = await api.rest('/api/v1/applications/missing-id/rollback', { method: 'POST', body: JSON.stringify({ id: '7' }) });
      expect(res.status).toBe(404);
      expect((await res.json()).message).toBe('application missing-id does not have deployment id 7 in history');
      expect((await stored('missing-id')).operation).toBeUndefined();
    });

    it('is refused while auto-sync is enabled, and allowed when automated is switched off', async () => {
      await seed('auto', { syncPolicy: { automated: { prune: true } } });
      await expect(call(api.clients.applications, 'Rollback', { name: 'auto', id: 3 }, api.md())).rejects.toMatchObject({
        code: grpc.status.FAILED_PRECONDITION,
        details: 'rollback cannot be initiated when auto-sync is enabled',
      });
      expect((await stored('auto')).operation).toBeUndefined();
      await seed('auto-off', { syncPolicy: { automated: { enabled: false } } });
      await call(api.clients.applications, 'Rollback', { name: 'auto-off', id: 3, dryRun: true }, api.md());
      expect((await stored('auto-off')).operation.sync).toMatchObject({ revision: SHA_A, dryRun: true, prune: false, syncOptions: [] });
    });

    it('rolls a multi-source Application back to the recorded sources and revisions', async () => {
      const sources = [source('main'), { repoURL: 'https://example.com/values.git', targetRevision: 'v1', ref: 'values' }];
      const app = appManifest('multi', { source: undefined, sources });
      const history = [{ id: 0, revisions: [SHA_A, SHA_C], sources, deployedAt: '2024-01-01T00:00:00Z' }];
      await api.kube('POST', api.nsPath('applications'), { ...app, status: { history } });
      await call(api.clients.applications, 'Rollback', { name: 'multi', id: 0 }, api.md());
      const op = (await stored('multi')).operation.sync;
      expect(op).toMatchObject({ revisions: [SHA_A, SHA_C], sources });
      expect(op.source).toBeUndefined();
      expect(op.revision).toBeUndefined();
    });

    it('keeps to the api-server namespace and the project asked for', async () => {
      await expect(call(api.clients.applications, 'Rollback', { name: 'web', id: 3, appNamespace: 'elsewhere' }, api.md())).rejects.toMatchObject({
        code: grpc.status.PERMISSION_DENIED,
      });
      await expect(call(api.clients.applications, 'Rollback', { name: 'missing-id', id: 3, project: 'other' }, api.md())).rejects.toMatchObject({
        code: grpc.status.NOT_FOUND,
        details: 'applications.argoproj.io "missing-id" not found',
      });
    });
  });

  describe('TerminateOperation', () => {
    it('refuses when no operation is in progress', async () => {
      const res = await api.rest('/api/v1/applications/missing-id/operation', { method: 'DELETE' });
      expect(res.status).toBe(400);
      expect((await res.json()).message).toBe('Unable to terminate operation. No operation is in progress');
      // `web` has an operation the controller has not picked up yet: nothing runs that could stop.
      await expect(call(api.clients.applications, 'TerminateOperation', { name: 'web' }, api.md())).rejects.toMatchObject({
        code: grpc.status.FAILED_PRECONDITION,
        details: 'Unable to terminate operation. No operation is in progress',
      });
    });

    it('marks the running operation Terminating and keeps the rest of its state; asking again changes nothing', async () => {
      const state = { operation: (await stored('web')).operation, phase: 'Running', message: 'waiting for healthy state of apps/Deployment/web', startedAt: '2024-01-03T00:00:00Z' };
      await api.kube('PATCH', api.nsPath('applications/web'), { status: { operationState: state } }, 'application/merge-patch+json');
      const res = await api.rest('/api/v1/applications/web/operation', { method: 'DELETE' });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({});
      const app = await stored('web');
      expect(app.status.operationState).toEqual({ ...state, phase: 'Terminating' });
      expect(app.operation).toEqual(state.operation);
      const version = app.metadata.resourceVersion;
      await call(api.clients.applications, 'TerminateOperation', { name: 'web' }, api.md());
      expect((await stored('web')).metadata.resourceVersion).toBe(version);
    });

    it('refuses once the operation has finished', async () => {
      await api.kube(
        'PATCH',
        api.nsPath('applications/web'),
        { operation: null, status: { operationState: { phase: 'Failed', message: 'Operation terminated' } } },
        'application/merge-patch+json',
      );
      await expect(call(api.clients.applications, 'TerminateOperation', { name: 'web' }, api.md())).rejects.toMatchObject({
        code: grpc.status.FAILED_PRECONDITION,
        details: 'Unable to terminate operation. No operation is in progress',
      });
    });
  });
});
