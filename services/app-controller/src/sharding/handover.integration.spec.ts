import { ARGO_API_VERSION, type Application, type KubeObject } from '@flotilla/api-types';
import { randomUUID } from 'node:crypto';
import { eventually, startControllerStack, type Clusters, type ControllerStack, type GitRepo } from '../testing/app-controller.harness';

// A cluster changes hands while one of its Applications is mid-sync (a rolling update of the
// controller, a rebalance after a replica joins): the replica that let go must not record the
// sync as failed because its connection to the cluster closed under it. The operation stays
// Running and the new holder finishes it, as Argo's controller resumes an unfinished operation.
const id = randomUUID().slice(0, 8);
const NS = `handover-${id}`;
const PREFIX = `spec-handover-${id}`;

const configMap = (name: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: ${name}, annotations: { argocd.argoproj.io/sync-wave: "1" } }\ndata: { a: b }\n`;

describe('a cluster handed over mid-sync', () => {
  let stack: ControllerStack;
  let clusters: Clusters;
  let git: GitRepo;

  const ref: KubeObject = { apiVersion: ARGO_API_VERSION, kind: 'Application', metadata: { namespace: NS, name: 'slow' } };
  const app = (): Promise<Application> => clusters.hubKube.get<Application>(ref);

  beforeAll(async () => {
    stack = await startControllerStack({ name: 'handover', namespace: NS, prefix: PREFIX, env: { FLOTILLA_CONTROLLER_REPLICA_ID: 'replica-a', FLOTILLA_SHARD_LEASE_SECONDS: '2' }, clusters: { simOnly: true } });
    ({ clusters, git } = stack);
  }, 90_000);

  afterAll(() => stack?.stop(), 60_000);

  it('leaves the operation Running when the replica stops mid-apply, and the next holder of the cluster finishes it', async () => {
    const sha = git.commit({ 'slow/a.yaml': configMap('first'), 'slow/b.yaml': configMap('second').replace('"1"', '"2"') }, 'two waves');
    await clusters.hubKube.create({
      ...ref,
      spec: { project: 'default', source: { repoURL: git.url, path: 'slow', targetRevision: 'main' }, destination: { server: clusters.spoke.url, namespace: 'slow' } },
    });
    await eventually(async () => expect((await app()).status?.sync?.status).toBe('OutOfSync'));

    // Every answer from the spoke now takes 1.5 s: the sync is applying when replica-a stops.
    await clusters.spoke.sim!.faults.set({ latencyMs: 1500 });
    await clusters.hubKube.patch(ref, { operation: { sync: { syncOptions: ['CreateNamespace=true'] }, initiatedBy: { username: 'admin' } } }, 'merge');
    await eventually(async () => expect((await app()).status?.operationState?.phase).toBe('Running'));
    await new Promise((r) => setTimeout(r, 1000));
    await stack.controller.stop();

    const left = await app();
    expect({ phase: left.status?.operationState?.phase, operation: !!left.operation }).toEqual({ phase: 'Running', operation: true });

    await clusters.spoke.sim!.faults.clear();
    await stack.startReplica({ FLOTILLA_CONTROLLER_REPLICA_ID: 'replica-b', FLOTILLA_SHARD_LEASE_SECONDS: '2' });
    const done = await eventually(async () => {
      const a = await app();
      expect(a.status?.operationState?.phase).toBe('Succeeded');
      return a;
    }, 40_000);
    expect(done.status?.operationState?.syncResult?.revision).toBe(sha);
    for (const name of ['first', 'second']) expect(await clusters.spokeKube.get({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { namespace: 'slow', name } })).toBeTruthy();
    await eventually(async () => expect((await app()).status?.sync?.status).toBe('Synced'));
  }, 120_000);
});
