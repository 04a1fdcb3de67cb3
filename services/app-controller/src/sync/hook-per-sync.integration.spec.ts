import { ARGO_API_VERSION, type Application, type KubeObject } from '@flotilla/api-types';
import type { KubeClient, WatchHandle } from '@flotilla/platform';
import { randomUUID } from 'node:crypto';
import { eventually, preSyncJob, SIM_FAIL, SIM_START_MS, startControllerStack, type Clusters, type ControllerStack, type GitRepo } from '../testing/app-controller.harness';

// A sync waits for a hook or a wave over many passes of the runner (each waits FLOTILLA_SYNC_STEP_WAIT_MS,
// records what it did and yields): a hook is created once per sync and waited on across passes, as
// Argo's sync does, instead of being deleted and created again by every pass.
const id = randomUUID().slice(0, 8);
const NS = `hook-once-${id}`;
const PREFIX = `spec-hook-once-${id}`;
const STEP_WAIT_MS = 300;

/** Every object of a kind and name the spoke creates while it runs, by uid. */
async function creations(kube: KubeClient, apiVersion: string, kind: string, namespace: string, name: string): Promise<{ uids: Set<string>; watch: WatchHandle }> {
  const uids = new Set<string>();
  const watch = await kube.watch(apiVersion, kind, { namespace }, (e) => {
    if (e.object.metadata?.name === name && e.object.metadata.uid) uids.add(e.object.metadata.uid);
  });
  return { uids, watch };
}

describe('hooks across the passes of one sync', () => {
  let stack: ControllerStack;
  let clusters: Clusters;
  let git: GitRepo;

  const ref = (name: string): KubeObject => ({ apiVersion: ARGO_API_VERSION, kind: 'Application', metadata: { namespace: NS, name } });
  const app = (name: string): Promise<Application> => clusters.hubKube.get<Application>(ref(name));
  const createApp = async (name: string): Promise<void> => {
    await clusters.hubKube.create({
      ...ref(name),
      spec: { project: 'default', source: { repoURL: git.url, path: name, targetRevision: 'main' }, destination: { server: clusters.spoke.url, namespace: name } },
    });
    await eventually(async () => expect((await app(name)).status?.sync?.status).toBe('OutOfSync'));
  };
  const sync = (name: string): Promise<unknown> => clusters.hubKube.patch(ref(name), { operation: { sync: { syncOptions: ['CreateNamespace=true'] }, initiatedBy: { username: 'admin' } } }, 'merge');
  const succeeded = (name: string, timeoutMs: number): Promise<Application> =>
    eventually(async () => {
      const a = await app(name);
      expect(a.status?.operationState?.phase).toBe('Succeeded');
      return a;
    }, timeoutMs);
  const hookResults = (a: Application): string[] => (a.status?.operationState?.syncResult?.resources ?? []).filter((r) => r.hookType).map((r) => `${r.hookType}:${r.name}:${r.hookPhase}`);

  beforeAll(async () => {
    stack = await startControllerStack({
      name: 'hook-once',
      namespace: NS,
      prefix: PREFIX,
      env: { FLOTILLA_SYNC_STEP_WAIT_MS: String(STEP_WAIT_MS), FLOTILLA_CONTROLLER_REPLICA_ID: 'replica-a', FLOTILLA_SHARD_LEASE_SECONDS: '2' },
      // The spec plays the kubelet (it completes a held pod through its status), which only kube-sim lets it do.
      clusters: { simOnly: true },
    });
    ({ clusters, git } = stack);
    git.commit(
      {
        // A migration whose pod stays in ContainerCreating until the spec completes it.
        'slow-hook/migrate.yaml': preSyncJob(`${SIM_START_MS}: "600000"`),
        'handover-hook/migrate.yaml': preSyncJob(`${SIM_START_MS}: "600000"`),
        // A migration that fails (after kube-sim's 2 s Job run), under a retry policy.
        'retried-hook/migrate.yaml': preSyncJob(`${SIM_FAIL}: job`),
        'handover-hook/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: after-migrate }\ndata: { a: b }\n',
        'retried-hook/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: after-migrate }\ndata: { a: b }\n',
        'slow-hook/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: after-migrate }\ndata: { a: b }\n',
        // A PreSync hook done as soon as it exists and deleted then, before a wave that takes seconds.
        'quick-hook/marker.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: marker, annotations: { argocd.argoproj.io/hook: PreSync, argocd.argoproj.io/hook-delete-policy: HookSucceeded } }\ndata: { a: b }\n',
        'quick-hook/web.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 1
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web }, annotations: { ${SIM_START_MS}: "2500" } }
    spec: { containers: [{ name: main, image: "nginx:1.27" }] }
`,
        'quick-hook/after.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: after-web, annotations: { argocd.argoproj.io/sync-wave: "1" } }\ndata: { a: b }\n',
      },
      'hooks that outlast a pass',
    );
  }, 90_000);

  afterAll(() => stack?.stop(), 30_000);

  it('creates a PreSync Job once, waits for it over many passes, and finishes the sync when it completes', async () => {
    await createApp('slow-hook');
    const jobs = await creations(clusters.spokeKube, 'batch/v1', 'Job', 'slow-hook', 'migrate');
    try {
      await sync('slow-hook');
      await eventually(async () => expect((await app('slow-hook')).status?.operationState?.message).toBe('waiting for completion of hook batch/Job/migrate'));
      // Long enough for a dozen passes: the Job is the one first created, never re-created.
      await new Promise((r) => setTimeout(r, 12 * STEP_WAIT_MS));
      const running = await app('slow-hook');
      expect(running.status?.operationState?.phase).toBe('Running');
      expect(hookResults(running)).toEqual(['PreSync:migrate:Running']);
      expect(jobs.uids.size).toBe(1);
      const [uid] = jobs.uids;
      expect((await clusters.spokeKube.get({ apiVersion: 'batch/v1', kind: 'Job', metadata: { namespace: 'slow-hook', name: 'migrate' } })).metadata?.uid).toBe(uid);
      expect(await clusters.spokeKube.get({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { namespace: 'slow-hook', name: 'after-migrate' } }).catch(() => undefined)).toBeUndefined();

      // The migration's pod ends: the Job completes, and the sync goes on to the Sync phase.
      const pods = await clusters.spokeKube.list('v1', 'Pod', { namespace: 'slow-hook', labelSelector: 'job-name=migrate' });
      expect(pods.items).toHaveLength(1);
      await clusters.spokeKube.patch(pods.items[0], { status: { phase: 'Succeeded' } }, 'merge', { subresource: 'status' });
      const done = await succeeded('slow-hook', 20_000);
      expect(hookResults(done)).toEqual(['PreSync:migrate:Succeeded']);
      expect(jobs.uids).toEqual(new Set([uid]));
      expect(await clusters.spokeKube.get({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { namespace: 'slow-hook', name: 'after-migrate' } })).toBeTruthy();
    } finally {
      jobs.watch.stop();
    }
  }, 60_000);

  it('does not create a PreSync hook again once it succeeded and was deleted (HookSucceeded) while a later wave waits', async () => {
    await createApp('quick-hook');
    const markers = await creations(clusters.spokeKube, 'v1', 'ConfigMap', 'quick-hook', 'marker');
    try {
      await sync('quick-hook');
      // web's pod takes 2.5 s to be ready: the sync waits for it over several passes.
      await eventually(async () => expect((await app('quick-hook')).status?.operationState?.message).toBe('waiting for healthy state of apps/Deployment/web'));
      const done = await succeeded('quick-hook', 30_000);
      expect(hookResults(done)).toEqual(['PreSync:marker:Succeeded']);
      expect(markers.uids.size).toBe(1);
      expect(await clusters.spokeKube.get({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { namespace: 'quick-hook', name: 'marker' } }).catch(() => undefined)).toBeUndefined();
    } finally {
      markers.watch.stop();
    }
  }, 60_000);

  it('a retry is a new attempt: the failed hook runs again, once per attempt', async () => {
    await createApp('retried-hook');
    const jobs = await creations(clusters.spokeKube, 'batch/v1', 'Job', 'retried-hook', 'migrate');
    try {
      await clusters.hubKube.patch(ref('retried-hook'), { operation: { sync: { syncOptions: ['CreateNamespace=true'] }, retry: { limit: 1, backoff: { duration: '1s' } }, initiatedBy: { username: 'admin' } } }, 'merge');
      const failed = await eventually(async () => {
        const a = await app('retried-hook');
        expect(a.status?.operationState?.phase).toBe('Failed');
        return a;
      }, 30_000);
      expect(failed.status?.operationState?.retryCount).toBe(1);
      expect(hookResults(failed)).toEqual(['PreSync:migrate:Failed']);
      expect(jobs.uids.size).toBe(2);
    } finally {
      jobs.watch.stop();
    }
  }, 60_000);

  // Last: it stops the stack's controller.
  it('a replica that takes over the cluster mid-sync waits for the hook the first one created', async () => {
    await createApp('handover-hook');
    const jobs = await creations(clusters.spokeKube, 'batch/v1', 'Job', 'handover-hook', 'migrate');
    try {
      await sync('handover-hook');
      await eventually(async () => expect(hookResults(await app('handover-hook'))).toEqual(['PreSync:migrate:Running']));
      await stack.controller.stop();
      await stack.startReplica({ FLOTILLA_CONTROLLER_REPLICA_ID: 'replica-b' });
      // replica-b takes the cluster over and resumes the operation from its recorded results: it
      // waits for the Job replica-a created (only replica-b can finish the sync below).
      await new Promise((r) => setTimeout(r, 3000 + 8 * STEP_WAIT_MS));
      expect((await app('handover-hook')).status?.operationState?.phase).toBe('Running');
      expect(jobs.uids.size).toBe(1);
      const pods = await clusters.spokeKube.list('v1', 'Pod', { namespace: 'handover-hook', labelSelector: 'job-name=migrate' });
      await clusters.spokeKube.patch(pods.items[0], { status: { phase: 'Succeeded' } }, 'merge', { subresource: 'status' });
      const done = await succeeded('handover-hook', 20_000);
      expect(hookResults(done)).toEqual(['PreSync:migrate:Succeeded']);
      expect(jobs.uids.size).toBe(1);
    } finally {
      jobs.watch.stop();
    }
  }, 60_000);
});
