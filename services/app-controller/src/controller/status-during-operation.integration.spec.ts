import { ARGO_API_VERSION, TRACKING_ID_ANNOTATION, type Application, type KubeObject } from '@flotilla/api-types';
import { randomUUID } from 'node:crypto';
import { eventually, preSyncJob, SIM_START_MS, startControllerStack, type Clusters, type ControllerStack, type GitRepo } from '../testing/app-controller.harness';

// As Argo's status processors run apart from its operation processors, an Application is compared
// (reconciledAt, sync status of each resource) while a sync of it waits on a long PreSync hook.
const id = randomUUID().slice(0, 8);
const NS = `status-during-op-${id}`;
const PREFIX = `spec-status-during-op-${id}`;

describe('status refresh while an operation runs', () => {
  let stack: ControllerStack;
  let clusters: Clusters;
  let git: GitRepo;

  const ref = (name: string): KubeObject => ({ apiVersion: ARGO_API_VERSION, kind: 'Application', metadata: { namespace: NS, name } });
  const app = (name: string): Promise<Application> => clusters.hubKube.get<Application>(ref(name));

  beforeAll(async () => {
    stack = await startControllerStack({ name: 'status-during-op', namespace: NS, prefix: PREFIX, env: { FLOTILLA_SYNC_STEP_WAIT_MS: '300', FLOTILLA_APP_RESYNC_SECONDS: '1' } });
    ({ clusters, git } = stack);
    git.commit(
      {
        // A migration whose pod stays in ContainerCreating for ten minutes: the sync stays Running.
        'held/migrate.yaml': preSyncJob(`${SIM_START_MS}: "600000"`),
        'held/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: settings }\ndata: { a: b }\n',
      },
      'a sync held on its PreSync hook',
    );
  }, 90_000);

  afterAll(() => stack?.stop(), 30_000);

  it('moves reconciledAt and shows a resource that became Synced while the sync waits on its hook', async () => {
    await clusters.spokeKube.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'held' } });
    await clusters.hubKube.create({
      ...ref('held'),
      spec: { project: 'default', source: { repoURL: git.url, path: 'held', targetRevision: 'main' }, destination: { server: clusters.spoke.url, namespace: 'held' } },
    });
    await eventually(async () => expect((await app('held')).status?.resources?.find((r) => r.name === 'settings')?.status).toBe('OutOfSync'));
    await clusters.hubKube.patch(ref('held'), { operation: { sync: {}, initiatedBy: { username: 'admin' } } }, 'merge');
    await eventually(async () => expect((await app('held')).status?.operationState?.message).toBe('waiting for completion of hook batch/Job/migrate'));
    const before = (await app('held')).status?.reconciledAt;

    // Someone else puts the ConfigMap in place, as git has it, while the hook holds the sync.
    await clusters.spokeKube.create({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'settings', namespace: 'held', annotations: { [TRACKING_ID_ANNOTATION]: 'held:/ConfigMap:held/settings' } },
      data: { a: 'b' },
    });
    const seen = await eventually(async () => {
      const a = await app('held');
      expect(a.status?.resources?.find((r) => r.name === 'settings')?.status).toBe('Synced');
      expect(Date.parse(a.status?.reconciledAt ?? '')).toBeGreaterThan(Date.parse(before ?? ''));
      return a;
    }, 15_000);
    expect(seen.status?.operationState?.phase).toBe('Running');
    expect(seen.operation).toBeDefined();
  });
});
