// Resource actions against a running fleet, as issue 19 asks: `flotilla app actions run … restart` on
// the guestbook Deployment rolls its pods. The spoke's Deployment controller (kube-sim's, or the real
// cluster's under FLOTILLA_TEST_CLUSTER=real) makes a new ReplicaSet for the stamped pod template,
// scales the old one to zero, and the old pods go.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Application, KubeObject } from '@flotilla/api-types';
import { renderKubeconfig } from '@flotilla/kube-sim';
import { startLocalFleet, type LocalFleet } from '@flotilla/local-fleet';
import { E2E_IMAGE, realClusterAccess, spokeKind } from '@flotilla/testing';
import { kubeClientFromKubeconfigString, type KubeClient } from '@flotilla/platform';

jest.setTimeout(600_000);

const REAL = spokeKind() === 'real';
// On the real cluster the spoke is 'prod', registered with cluster add; on kube-sim one simulated spoke.
const CLUSTER = REAL ? 'prod' : 'dev';
const APP = `guestbook-${CLUSTER}`;
const NAMESPACE = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'guestbook' } };

type ReplicaSet = KubeObject & { spec: { replicas?: number }; status?: { replicas?: number; readyReplicas?: number } };
type Deployment = KubeObject & { spec: { replicas: number; template: { metadata?: { annotations?: Record<string, string> } } } };

let dir: string;
let fleet: LocalFleet;
let spoke: KubeClient;

async function cli(...args: string[]): Promise<string> {
  const res = await fleet.cli(...args);
  if (res.code !== 0) throw new Error(`flotilla ${args.join(' ')} exited ${res.code}\n${res.stdout}\n${res.stderr}`);
  return res.stdout;
}

async function eventually<T>(what: string, probe: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 180_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await probe().catch(() => undefined);
    if (last !== undefined && ok(last)) return last;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`timed out waiting for ${what}; last seen: ${JSON.stringify(last)?.slice(0, 3000)}`);
}

const deployment = () =>
  spoke.get<Deployment>({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'guestbook-ui', namespace: 'guestbook' } });
/** The guestbook Deployment's ReplicaSets, by name. */
async function replicaSets(): Promise<Map<string, ReplicaSet>> {
  const { items } = await spoke.list<ReplicaSet>('apps/v1', 'ReplicaSet', { namespace: 'guestbook' });
  const owned = items.filter((rs) => rs.metadata?.ownerReferences?.some((o) => o.kind === 'Deployment' && o.name === 'guestbook-ui'));
  return new Map(owned.map((rs) => [rs.metadata!.name!, rs]));
}
/** The guestbook's pods that are not going away, with the ReplicaSet that owns each. */
async function pods(): Promise<{ name: string; owner: string }[]> {
  const { items } = await spoke.list<KubeObject>('v1', 'Pod', { namespace: 'guestbook', labelSelector: 'app=guestbook-ui' });
  return items
    .filter((p) => p.metadata?.name && !p.metadata.deletionTimestamp)
    .map((p) => ({ name: p.metadata!.name!, owner: p.metadata?.ownerReferences?.find((o) => o.kind === 'ReplicaSet')?.name ?? '' }));
}
async function removeGuestbookNamespace(wait: boolean): Promise<void> {
  await spoke.delete(NAMESPACE).catch(() => undefined);
  if (wait)
    await eventually(
      'namespace guestbook to be gone',
      () =>
        spoke.get(NAMESPACE).then(
          () => 'present',
          () => 'gone',
        ),
      (s) => s === 'gone',
      120_000,
    );
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'flotilla-actions-e2e-'));
  const real = REAL ? realClusterAccess(CLUSTER) : undefined;
  if (real) {
    // The real cluster outlives runs: start without the guestbook an earlier run left.
    spoke = kubeClientFromKubeconfigString(renderKubeconfig([real]));
    await removeGuestbookNamespace(true);
  }
  fleet = await startLocalFleet({
    ...(real ? { spokes: [], externalSpokes: [real], guestbookImage: E2E_IMAGE } : { spokes: [CLUSTER] }),
    dir,
    apiPort: 0,
    cliConfig: join(dir, 'cli', 'config'),
    queuePrefix: `e2e-actions${process.pid}`,
    resyncSeconds: 10,
  });
  spoke ??= kubeClientFromKubeconfigString(renderKubeconfig([fleet.spokeAccess.get(CLUSTER)!]));
  await fleet.applyApplicationSet();
  await eventually(
    'the guestbook Application',
    () => fleet.applications(),
    (apps) => apps.some((a) => a.metadata.name === APP),
    120_000,
  );
  await cli('app', 'wait', APP, '--sync', '--health', '--timeout', '240');
});

afterAll(async () => {
  if (REAL && spoke) await removeGuestbookNamespace(false);
  spoke?.close();
  await fleet?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('resource actions of a running fleet', () => {
  it('restart action rolls the pods', async () => {
    const before = await deployment();
    const oldSets = await replicaSets();
    const active = [...oldSets.values()].filter((rs) => (rs.spec.replicas ?? 0) > 0);
    expect(active).toHaveLength(1);
    const oldPods = await pods();
    expect(oldPods.length).toBe(before.spec.replicas);
    expect(oldPods.every((p) => p.owner === active[0].metadata!.name)).toBe(true);

    const listed = await cli('app', 'actions', 'list', APP, '--kind', 'Deployment');
    expect(listed).toMatch(/^apps\s+Deployment\s+guestbook-ui\s+restart\s+false$/m);
    const started = Math.floor(Date.now() / 1000) * 1000;
    await cli('app', 'actions', 'run', APP, 'restart', '--kind', 'Deployment', '--resource-name', 'guestbook-ui');

    const stamped = (await deployment()).spec.template.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt'];
    expect(Date.parse(stamped ?? '')).toBeGreaterThanOrEqual(started);
    // A new ReplicaSet serves every replica, the old one has none, and none of the old pods is left.
    const rolled = await eventually(
      'the rollout to a new ReplicaSet',
      async () => ({ sets: await replicaSets(), pods: await pods() }),
      ({ sets, pods: now }) => {
        const serving = [...sets.values()].filter((rs) => (rs.spec.replicas ?? 0) > 0);
        return (
          serving.length === 1 &&
          !oldSets.has(serving[0].metadata!.name!) &&
          serving[0].status?.readyReplicas === before.spec.replicas &&
          now.length === before.spec.replicas &&
          now.every((p) => p.owner === serving[0].metadata!.name && !oldPods.some((o) => o.name === p.name))
        );
      },
    );
    expect(rolled.sets.get(active[0].metadata!.name!)?.spec.replicas).toBe(0);

    // The app stays Synced and Healthy, and the restart is not undone by the controller's next sync.
    await cli('app', 'get', APP, '--refresh');
    await cli('app', 'wait', APP, '--sync', '--health', '--timeout', '180');
    const app = (await fleet.applications()).find((a: Application) => a.metadata.name === APP);
    expect(app?.status?.sync?.status).toBe('Synced');
    expect((await deployment()).spec.template.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt']).toBe(stamped);
  });
});
