import { eventually } from '@flotilla/testing';
import { ApiServerHarness, appManifest, call, startApiServer } from '../testing/api-server.harness';

const SHA_A = 'a'.repeat(40);
const SHA_B = 'b'.repeat(40);
const source = (targetRevision: string) => ({ repoURL: 'https://example.com/repo.git', path: 'guestbook', targetRevision });

interface AppEvent {
  metadata: { name: string; annotations?: Record<string, string> };
  involvedObject: Record<string, string>;
  reason: string;
  message: string;
  type: string;
  count: number;
  source: { component: string };
}

describe("the api-server's Events on Applications: who did what, named as Argo CD names them (api-server process on a kube-sim hub)", () => {
  let api: ApiServerHarness;

  /** The app's Events as ListResourceEvents answers them over REST, oldest first. */
  const events = async (name: string): Promise<AppEvent[]> => {
    const res = await api.rest(`/api/v1/applications/${name}/events`);
    expect(res.status).toBe(200);
    return ((await res.json()).items as AppEvent[]).sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
  };
  const messages = async (name: string): Promise<string[]> => (await events(name)).map((e) => `${e.reason}: ${e.message}`);
  const stored = async (name: string) => (await api.kube('GET', api.nsPath(`applications/${name}`))).body;

  beforeAll(async () => {
    api = await startApiServer({ FLOTILLA_REPO_SERVER: '127.0.0.1:1' });
    await api.login();
  }, 90_000);

  afterAll(async () => {
    await api?.stop();
  });

  it('a user-initiated sync is an OperationStarted Event naming the user and the revision, on the Application as Argo writes it', async () => {
    const created = await api.rest('/api/v1/applications?validate=false', { method: 'POST', body: JSON.stringify(appManifest('web', { source: source(SHA_A) })) });
    expect(created.status).toBe(200);
    await call(api.clients.applications, 'Sync', { name: 'web', revision: SHA_B }, api.md());
    const app = await stored('web');
    expect(app.operation.initiatedBy).toEqual({ username: 'admin' });
    const all = await eventually(async () => {
      const found = await events('web');
      expect(found.map((e) => `${e.reason}: ${e.message}`)).toEqual(['ResourceCreated: admin created application', `OperationStarted: admin initiated sync to ${SHA_B}`]);
      return found;
    });
    const started = all[1];
    expect(started).toMatchObject({
      type: 'Normal',
      count: 1,
      source: { component: 'argocd-server' },
      involvedObject: { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', name: 'web', namespace: api.namespace, uid: app.metadata.uid },
      metadata: { annotations: { user: 'admin', 'dest-server': 'https://kubernetes.default.svc', 'dest-namespace': 'web' } },
    });
    expect(started.metadata.name).toMatch(/^web\.[0-9a-f]+$/);
  });

  it('a partial sync says so', async () => {
    await api.kube('POST', api.nsPath('applications'), appManifest('partial', { source: source(SHA_A) }));
    await call(api.clients.applications, 'Sync', { name: 'partial', resources: [{ group: 'apps', kind: 'Deployment', name: 'web', namespace: 'web' }] }, api.md());
    await eventually(async () => expect(await messages('partial')).toEqual([`OperationStarted: admin initiated partial sync to ${SHA_A}`]));
  });

  it('terminating a running operation, rolling back and updating the spec are each an Event naming the user', async () => {
    const history = [{ id: 3, revision: SHA_A, source: source('main'), deployedAt: '2024-01-01T00:00:00Z' }];
    await api.kube('POST', api.nsPath('applications'), {
      ...appManifest('ops', { source: source('HEAD') }),
      operation: { sync: { revision: SHA_B } },
      status: { history, operationState: { operation: { sync: { revision: SHA_B } }, phase: 'Running', startedAt: '2024-01-02T00:00:00Z' } },
    });
    await call(api.clients.applications, 'TerminateOperation', { name: 'ops' }, api.md());
    // As the controller ends it: the operation is removed and its state recorded.
    const current = await stored('ops');
    await api.kube('PUT', api.nsPath('applications/ops'), {
      ...current,
      operation: undefined,
      status: { ...current.status, operationState: { ...current.status.operationState, phase: 'Failed', message: 'Operation terminated' } },
    });
    await call(api.clients.applications, 'Rollback', { name: 'ops', id: 3 }, api.md());
    const update = await api.rest('/api/v1/applications/ops/spec?validate=false', {
      method: 'PUT',
      body: JSON.stringify({ ...current.spec, source: source('v2') }),
    });
    expect(update.status).toBe(200);
    await eventually(async () =>
      expect(await messages('ops')).toEqual([
        'ResourceUpdated: admin terminated running operation',
        'OperationStarted: admin initiated rollback to 3',
        'ResourceUpdated: admin updated application spec',
      ]),
    );
  });

  it('deleting an app is an Event on it that outlives it in the hub', async () => {
    await api.kube('POST', api.nsPath('applications'), appManifest('doomed', { source: source(SHA_A) }));
    const uid = (await stored('doomed')).metadata.uid as string;
    const res = await api.rest('/api/v1/applications/doomed?cascade=false', { method: 'DELETE' });
    expect(res.status).toBe(200);
    const selector = encodeURIComponent(`involvedObject.name=doomed,involvedObject.uid=${uid}`);
    await eventually(async () => {
      const list = await api.kube('GET', `/api/v1/namespaces/${api.namespace}/events?fieldSelector=${selector}`);
      expect((list.body.items as AppEvent[]).map((e) => `${e.reason}: ${e.message}`)).toEqual(['ResourceDeleted: admin deleted application']);
    });
  });

  it('a call refused for want of credentials leaves no Event', async () => {
    const before = await messages('web');
    await expect(call(api.clients.applications, 'Sync', { name: 'web', revision: SHA_A }, { metadata: {} })).rejects.toMatchObject({ code: 16 });
    await new Promise((r) => setTimeout(r, 300));
    expect(await messages('web')).toEqual(before);
  });
});
