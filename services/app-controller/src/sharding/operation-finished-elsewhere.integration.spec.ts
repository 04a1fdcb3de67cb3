import { ARGO_API_VERSION, type Application, type KubeObject, type OperationState } from '@flotilla/api-types';
import { randomUUID } from 'node:crypto';
import { eventually, preSyncJob, SIM_START_MS, startControllerStack, type Clusters, type ControllerStack, type GitRepo } from '../testing/app-controller.harness';

// While a cluster changes hands, the replica letting go can still be in a pass of an operation that
// the new holder has resumed: two passes of one operation run at once, and whichever ends first
// records the end and removes `operation`. The other pass must then write nothing: a Running state
// recorded over the finished one is never ended (no operation is left to run), and auto-sync waits
// on "the last sync is still running" for good. Here the spec plays the other replica: it ends the
// operation on the hub while this replica's pass waits on a PreSync hook.
const id = randomUUID().slice(0, 8);
const NS = `finished-elsewhere-${id}`;
const PREFIX = `spec-finished-elsewhere-${id}`;
const STEP_WAIT_MS = 4000;

describe('an operation finished by another replica during a pass', () => {
  let stack: ControllerStack;
  let clusters: Clusters;
  let git: GitRepo;

  const ref: KubeObject = { apiVersion: ARGO_API_VERSION, kind: 'Application', metadata: { namespace: NS, name: 'held' } };
  const app = (): Promise<Application> => clusters.hubKube.get<Application>(ref);

  beforeAll(async () => {
    stack = await startControllerStack({
      name: 'finished-elsewhere',
      namespace: NS,
      prefix: PREFIX,
      env: { FLOTILLA_SYNC_STEP_WAIT_MS: String(STEP_WAIT_MS), FLOTILLA_CONTROLLER_REPLICA_ID: 'replica-a', FLOTILLA_SHARD_LEASE_SECONDS: '2' },
      clusters: { simOnly: true },
    });
    ({ clusters, git } = stack);
  }, 90_000);

  afterAll(() => stack?.stop(), 60_000);

  it('leaves the recorded end alone: no Running state is written over it and none is left without an operation', async () => {
    git.commit({ 'held/migrate.yaml': preSyncJob(`${SIM_START_MS}: "600000"`), 'held/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: after-migrate }\ndata: { a: b }\n' }, 'a migration that outlasts a pass');
    await clusters.hubKube.create({
      ...ref,
      spec: { project: 'default', source: { repoURL: git.url, path: 'held', targetRevision: 'main' }, destination: { server: clusters.spoke.url, namespace: 'held' } },
    });
    await eventually(async () => expect((await app()).status?.sync?.status).toBe('OutOfSync'));

    await clusters.hubKube.patch(ref, { operation: { sync: { syncOptions: ['CreateNamespace=true'] }, initiatedBy: { username: 'admin' } } }, 'merge');
    // The pass records Running as it starts, then waits up to STEP_WAIT_MS on the held hook.
    const running = await eventually(async () => {
      const a = await app();
      expect(a.status?.operationState?.phase).toBe('Running');
      return a.status!.operationState!;
    }, 30_000);

    const ended: OperationState = { ...running, phase: 'Succeeded', message: 'finished by the other replica', finishedAt: new Date().toISOString() };
    await clusters.hubKube.patch(ref, { operation: null, status: { operationState: ended } }, 'merge');

    // Past the end of the pass that was waiting, and a few polls more.
    await new Promise((r) => setTimeout(r, STEP_WAIT_MS + 3000));
    const after = await app();
    expect({ operation: after.operation ?? null, phase: after.status?.operationState?.phase, message: after.status?.operationState?.message }).toEqual({
      operation: null,
      phase: 'Succeeded',
      message: 'finished by the other replica',
    });
  }, 120_000);
});
