// Replicas of the appset-controller share the ApplicationSets (partitions leased through real Redis):
// two replicas in this process, whose reconciles are recorded, and one as its own process that is
// SIGKILLed as a pod dying. Every ApplicationSet is reconciled by the one replica its partition is
// assigned to, a dead replica's share is taken over within the lease time, a joining replica gets a
// share, and no ApplicationSet is ever reconciled by two replicas at once.
import 'reflect-metadata';
import type { Application, ApplicationSet, KubeObject } from '@flotilla/api-types';
import { partitionOf, type KubeClient, type RunningService } from '@flotilla/platform';
import { Redis } from 'ioredis';
import { AppSetController } from './controller/appset-controller.service';
import { AppSetReconciler } from './reconcile/appset.reconciler';
import { AppSetControllerStack, eventually, NS, REDIS_URL, startAppSetControllerStack, type ServiceProcess } from './testing/appset-controller.harness';

jest.setTimeout(90_000);

const PARTITIONS = 16;
const LEASE_SECONDS = 3;
const SETS = Array.from({ length: 24 }, (_, i) => `team-${i}`);

const appSet = (name: string, envs: string[]): ApplicationSet => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'ApplicationSet',
  metadata: { name, namespace: NS },
  spec: {
    generators: [{ list: { elements: envs.map((env) => ({ env })) } }],
    template: {
      metadata: { name: `${name}-{{env}}` },
      spec: {
        project: 'default',
        source: { repoURL: 'https://git.example/apps.git', path: `${name}/{{env}}`, targetRevision: 'HEAD' },
        destination: { server: 'https://kubernetes.default.svc', namespace: '{{env}}' },
      },
    },
  },
});

interface Reconcile {
  replica: string;
  name: string;
  start: number;
  end?: number;
}

interface Assignment {
  replicas: string[];
  shards: Record<string, string>;
}

describe('appset-controller replicas sharing the ApplicationSets', () => {
  let stack: AppSetControllerStack;
  let kube: KubeClient;
  let redis: Redis;
  /** The replica running as its own process. */
  let child: ServiceProcess;
  const reconciles: Reconcile[] = [];
  const inProcess = new Map<string, RunningService>();

  /** Records every reconcile a replica in this process runs, with when it started and ended. */
  const watch = (service: RunningService): string => {
    const identity = service.app.get(AppSetController).identity;
    const reconciler = service.app.get(AppSetReconciler);
    const reconcile = reconciler.reconcile.bind(reconciler);
    reconciler.reconcile = async (name: string) => {
      const entry: Reconcile = { replica: identity, name, start: Date.now() };
      reconciles.push(entry);
      try {
        return await reconcile(name);
      } finally {
        entry.end = Date.now();
      }
    };
    inProcess.set(identity, service);
    return identity;
  };

  const key = (suffix: string) => `${stack.prefix}:appset-controller:partitions:${suffix}`;
  const assignment = async (): Promise<Assignment> => JSON.parse((await redis.get(key('assignment'))) ?? '{"replicas":[],"shards":{}}') as Assignment;
  const ownerOf = (a: Assignment, set: string): string => a.shards[partitionOf(`${NS}/${set}`, PARTITIONS)];
  /** The assignment once it spans `replicas` replicas and every partition's lease is held by its assigned replica. */
  const settled = (replicas: number, without?: string) =>
    eventually(
      async () => {
        const a = await assignment();
        const leases = await Promise.all(Array.from({ length: PARTITIONS }, (_, p) => redis.get(key(`partition:${p}`))));
        return { a, held: leases.every((owner, p) => owner === a.shards[String(p)]) };
      },
      ({ a, held }) => held && a.replicas.length === replicas && !a.replicas.includes(without ?? '\u0000'),
      `${replicas} replicas holding the partitions assigned to them`,
      30_000,
    ).then(({ a }) => a);

  const liveApps = async (): Promise<string[]> =>
    (await kube.list<Application>('argoproj.io/v1alpha1', 'Application', { namespace: NS })).items
      .filter((a) => !a.metadata.deletionTimestamp)
      .map((a) => a.metadata.name)
      .sort();
  const expected = (envs: string[]) => SETS.flatMap((s) => envs.map((e) => `${s}-${e}`)).sort();
  const setEnvs = async (envs: string[]): Promise<void> => {
    for (const name of SETS) {
      const current = await kube.get<ApplicationSet>({ apiVersion: 'argoproj.io/v1alpha1', kind: 'ApplicationSet', metadata: { name, namespace: NS } });
      await kube.patch(current, { spec: appSet(name, envs).spec }, 'merge');
    }
  };

  /** No ApplicationSet was being reconciled by two replicas at any moment. */
  const expectNoOverlap = (): void => {
    const overlaps: string[] = [];
    for (const name of SETS) {
      const runs = reconciles.filter((r) => r.name === name);
      for (const a of runs)
        for (const b of runs) if (a.replica < b.replica && a.start < (b.end ?? Infinity) && b.start < (a.end ?? Infinity)) overlaps.push(`${name}: ${a.replica} and ${b.replica}`);
    }
    expect(overlaps).toEqual([]);
  };

  /** Reconciles of each ApplicationSet since `since`, by replica. */
  const reconcilersSince = (since: number): Map<string, Set<string>> => {
    const out = new Map<string, Set<string>>();
    for (const r of reconciles) if (r.start >= since) out.set(r.name, (out.get(r.name) ?? new Set()).add(r.replica));
    return out;
  };

  beforeAll(async () => {
    stack = await startAppSetControllerStack({ name: 'appset-replicas', env: { FLOTILLA_APPSET_PARTITIONS: String(PARTITIONS), FLOTILLA_APPSET_LEASE_SECONDS: String(LEASE_SECONDS) } });
    kube = stack.kube;
    redis = new Redis(REDIS_URL);
  }, 60_000);

  afterAll(async () => {
    await stack?.stop();
    redis?.disconnect();
  });

  it('splits the ApplicationSets over three replicas, each reconciled by the replica its partition is assigned to', async () => {
    const a = watch(stack.service);
    const b = watch(await stack.addReplica());
    child = await stack.addReplicaProcess();
    const split = await settled(3);
    const c = split.replicas.find((id) => !inProcess.has(id))!;
    expect(c).toBeDefined();

    const since = Date.now();
    for (const name of SETS) await kube.create(appSet(name, ['dev', 'prod']) as unknown as KubeObject);
    await eventually(liveApps, (names) => names.join() === expected(['dev', 'prod']).join(), 'every ApplicationSet’s Applications', 30_000);

    const byReplica = new Map<string, string[]>([a, b, c].map((id) => [id, SETS.filter((s) => ownerOf(split, s) === id)]));
    // Each of the three has a share (the ring bounds every replica's load near the mean).
    for (const [id, sets] of byReplica) expect({ id, sets: sets.length > 0 }).toEqual({ id, sets: true });
    const seen = reconcilersSince(since);
    for (const name of SETS) {
      const owner = ownerOf(split, name);
      // Reconciled here only by its owner; the child process's ApplicationSets not at all here (it made their Applications).
      expect({ name, by: [...(seen.get(name) ?? [])] }).toEqual({ name, by: owner === c ? [] : [owner] });
    }
    expectNoOverlap();
  });

  it('moves a SIGKILLed replica’s ApplicationSets to the survivors within the lease time, and applies changes to them', async () => {
    const before = await assignment();
    const c = before.replicas.find((id) => !inProcess.has(id))!;
    const orphans = SETS.filter((s) => ownerOf(before, s) === c);
    await child.kill();
    const killedAt = Date.now();
    await setEnvs(['dev', 'prod', 'qa']);
    await eventually(liveApps, (names) => names.join() === expected(['dev', 'prod', 'qa']).join(), 'the qa Applications of every ApplicationSet', 30_000);
    const appliedMs = Date.now() - killedAt;
    const after = await settled(2, c);
    const seen = reconcilersSince(killedAt);
    for (const name of orphans) expect({ name, by: [...(seen.get(name) ?? [])].every((id) => id === ownerOf(after, name)) }).toEqual({ name, by: true });
    // The lease lapses, the leader reassigns at its next tick, the survivor claims and reconciles.
    expect(appliedMs).toBeLessThan(LEASE_SECONDS * 1000 + 5_000);
    expectNoOverlap();
    process.stdout.write(`appset replicas: ${orphans.length} ApplicationSets of the killed replica taken over and applied ${appliedMs} ms after SIGKILL (lease ${LEASE_SECONDS} s)\n`);
  });

  it('gives a joining replica a share, and every change is still applied once by one replica', async () => {
    const d = watch(await stack.addReplica());
    const split = await settled(3);
    const mine = SETS.filter((s) => ownerOf(split, s) === d);
    expect(mine.length).toBeGreaterThan(0);
    const since = Date.now();
    await setEnvs(['prod', 'qa']);
    await eventually(liveApps, (names) => names.join() === expected(['prod', 'qa']).join(), 'the dev Applications to go', 30_000);
    const seen = reconcilersSince(since);
    for (const name of SETS) expect({ name, by: [...(seen.get(name) ?? [])] }).toEqual({ name, by: [ownerOf(split, name)] });
    expectNoOverlap();
  });
});
