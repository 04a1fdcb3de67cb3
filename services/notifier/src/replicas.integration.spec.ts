// Notifier replicas share the Applications (partitions leased through real Redis) against a kube-sim
// hub and a webhook receiver: two replicas in this process and one as its own process. Every sync of
// every Application is posted once, also when a replica stops mid-round (its evaluations and
// deliveries are drained and handed over) and when one is SIGKILLed mid-round (its partitions and
// stalled deliveries are taken over once their leases and claims lapse).
import { NOTIFIED_ANNOTATION } from '@flotilla/api-types';
import type { KubeSim } from '@flotilla/kube-sim';
import { KubeClient, partitionOf } from '@flotilla/platform';
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { KubeApi, NotifierReplica, ServiceProcess, startHub, startNotifierProcess, startNotifierReplica, startReceiver } from './testing/notifier.harness';

jest.setTimeout(90_000);

const id = randomBytes(4).toString('hex');
const namespace = `argocd-${id}`;
const prefix = `notifier-replicas-${id}`;
const APPS = Array.from({ length: 30 }, (_, i) => `app-${i}`);
const PARTITIONS = 16;
const env = {
  FLOTILLA_NAMESPACE: namespace,
  FLOTILLA_QUEUE_PREFIX: prefix,
  FLOTILLA_REDIS_URL: 'redis://127.0.0.1:6379',
  FLOTILLA_NOTIFICATIONS_PARTITIONS: String(PARTITIONS),
  FLOTILLA_NOTIFICATIONS_LEASE_SECONDS: '3',
  FLOTILLA_NOTIFICATIONS_DELIVERY_CLAIM_SECONDS: '5',
};

const waitFor = async <T>(what: string, probe: () => Promise<T> | T, ok: (v: T) => boolean, ms = 30_000): Promise<T> => {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(v).slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};
const quietFor = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('notifier replicas sharing the Applications', () => {
  let hub: KubeSim;
  let kube: KubeApi;
  let redis: Redis;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const replicas: NotifierReplica[] = [];
  let child: ServiceProcess;
  /** Notified-annotation writes by the replicas in this process: which replica evaluated which Application. */
  const marks: { replica: string; app: string; at: number }[] = [];
  const watch = (replica: NotifierReplica): NotifierReplica => {
    const kube = replica.service.app.get(KubeClient);
    const patch = kube.patch.bind(kube);
    kube.patch = (obj, body, type) => {
      if (obj.kind === 'Application') marks.push({ replica: replica.identity, app: obj.metadata?.name ?? '', at: Date.now() });
      return patch(obj, body, type);
    };
    return replica;
  };

  /** Posts received for `revision`, by app. */
  const posts = (revision: string): Map<string, number> => {
    const out = new Map<string, number>();
    for (const r of receiver.requests) {
      const [, , app, rev] = r.url.split('/');
      if (rev === revision) out.set(app, (out.get(app) ?? 0) + 1);
    }
    return out;
  };
  const sync = (app: string, revision: string) =>
    kube('PATCH', `/apis/argoproj.io/v1alpha1/namespaces/${namespace}/applications/${app}`, { status: { operationState: { phase: 'Succeeded', startedAt: '2024-05-01T10:00:00Z', finishedAt: '2024-05-01T10:00:05Z', operation: { sync: { revision } }, syncResult: { revision } } } }, 'application/merge-patch+json');
  const assignment = async () => JSON.parse((await redis.get(`${prefix}:notifier:partitions:assignment`)) ?? '{"replicas":[],"shards":{}}') as { replicas: string[]; shards: Record<string, string> };
  /** Every partition leased to the replica it is assigned to, among `count` replicas. */
  const settled = (count: number) =>
    waitFor(`${count} replicas holding their partitions`, async () => {
      const a = await assignment();
      const leases = await Promise.all(Array.from({ length: PARTITIONS }, (_, p) => redis.get(`${prefix}:notifier:partitions:partition:${p}`)));
      return { a, held: leases.every((owner, p) => owner === a.shards[String(p)]) };
    }, ({ a, held }) => held && a.replicas.length === count);
  /**
   * Every app posted exactly once for `revision`, but for those in `inFlight`: deliveries a killed
   * replica had claimed and not marked sent, which may have reached the receiver before the kill
   * (the one window the claims cannot close) and so may go out once more, never a third time.
   */
  const expectOncePerApp = async (revision: string, inFlight: ReadonlySet<string> = new Set()): Promise<void> => {
    await waitFor(`a post of ${revision} for every app`, () => posts(revision).size, (n) => n === APPS.length);
    await quietFor(2000);
    const counts = posts(revision);
    const allowed = (a: string) => (inFlight.has(a) ? [1, 2] : [1]);
    expect(APPS.filter((a) => !allowed(a).includes(counts.get(a) ?? 0)).map((a) => `${a}: ${counts.get(a) ?? 0}`)).toEqual([]);
  };
  /** The apps whose deliveries `identity` holds claims on, read from the claims and the queue's jobs in Redis. */
  const claimedBy = async (identity: string): Promise<Set<string>> => {
    const apps = new Set<string>();
    for (const key of await redis.keys(`${prefix}:notifier:delivery:*`)) {
      if ((await redis.get(key)) !== `sending:${identity}`) continue;
      const data = await redis.hget(`${prefix}:notifications:${key.slice(key.lastIndexOf(':') + 1)}`, 'data');
      const name = data ? (JSON.parse(data) as { app: { metadata: { name: string } } }).app.metadata.name : undefined;
      if (name === undefined) throw new Error(`claim ${key} names no queued delivery`);
      apps.add(name);
    }
    return apps;
  };

  beforeAll(async () => {
    ({ hub, kube } = await startHub(namespace));
    receiver = await startReceiver();
    redis = new Redis('redis://127.0.0.1:6379');
    await kube('POST', `/api/v1/namespaces/${namespace}/configmaps`, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'argocd-notifications-cm' },
      data: {
        'service.webhook.receiver': `url: ${receiver.url}\n`,
        'template.app-sync-succeeded': `webhook:\n  receiver:\n    method: POST\n    path: /sync/{{.app.metadata.name}}/{{.app.status.operationState.syncResult.revision}}\n    body: '{}'\n`,
        'trigger.on-sync-succeeded': `- oncePer: app.status.operationState?.syncResult?.revision\n  send: [app-sync-succeeded]\n  when: app.status.operationState != nil and app.status.operationState.phase in ['Succeeded']\n`,
      },
    });
    for (const name of APPS)
      await kube('POST', `/apis/argoproj.io/v1alpha1/namespaces/${namespace}/applications`, {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Application',
        metadata: { name, annotations: { 'notifications.argoproj.io/subscribe.on-sync-succeeded.receiver': '' } },
        spec: { project: 'default', source: { repoURL: 'https://example.com/repo.git', path: name }, destination: { server: 'https://kubernetes.default.svc', namespace: 'default' } },
      });
    replicas.push(watch(await startNotifierReplica(hub, env)), watch(await startNotifierReplica(hub, env)));
    child = await startNotifierProcess(hub, env);
  }, 80_000);

  afterAll(async () => {
    await Promise.all([...replicas.map((r) => r.stop()), child?.stop()]);
    await receiver?.stop();
    await hub?.stop();
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('posts each sync once with three replicas sharing the partitions', async () => {
    const { a: split } = await settled(3);
    expect(new Set(Object.values(split.shards)).size).toBe(3);
    const since = Date.now();
    for (const app of APPS) await sync(app, 'r1');
    await expectOncePerApp('r1');
    // Each Application was evaluated (and marked) here only by the replica its partition is assigned to.
    const owner = (app: string) => split.shards[partitionOf(`${namespace}/${app}`, PARTITIONS)];
    const here = new Set(replicas.map((r) => r.identity));
    const markedBy = (app: string) => [...new Set(marks.filter((m) => m.app === app && m.at >= since).map((m) => m.replica))];
    for (const app of APPS) expect({ app, by: markedBy(app) }).toEqual({ app, by: here.has(owner(app)) ? [owner(app)] : [] });
    const app = (await kube('GET', `/apis/argoproj.io/v1alpha1/namespaces/${namespace}/applications/${APPS[0]}`)).body as { metadata: { annotations: Record<string, string> } };
    expect(Object.keys(JSON.parse(app.metadata.annotations[NOTIFIED_ANNOTATION]) as object)).toEqual([expect.stringMatching(/^r1:on-sync-succeeded:/)]);
  });

  it('posts each sync once when a replica stops mid-round', async () => {
    const half = APPS.length / 2;
    for (const app of APPS.slice(0, half)) await sync(app, 'r2');
    await waitFor('the first posts of r2', () => posts('r2').size, (n) => n > 0);
    const stopping = replicas[1].stop();
    for (const app of APPS.slice(half)) await sync(app, 'r2');
    await stopping;
    replicas.splice(1, 1);
    await expectOncePerApp('r2');
  });

  it('posts each sync once when a replica process is SIGKILLed mid-round, within the lease time', async () => {
    const { a } = await settled(2);
    const killed = a.replicas.find((r) => !replicas.some((x) => x.identity === r));
    if (!killed) throw new Error(`no replica process among ${a.replicas.join(', ')}`);
    const half = APPS.length / 2;
    for (const app of APPS.slice(0, half)) await sync(app, 'r3');
    await waitFor('the first posts of r3', () => posts('r3').size, (n) => n > 0);
    await child.kill();
    const killedAt = Date.now();
    // Read before the claims lapse (5 s): what the dead process was sending when it died.
    const inFlight = await claimedBy(killed);
    for (const app of APPS.slice(half)) await sync(app, 'r3');
    await expectOncePerApp('r3', inFlight);
    const twice = [...inFlight].filter((app) => posts('r3').get(app) === 2);
    process.stdout.write(`notifier replicas: every r3 sync posted, the last ${Date.now() - killedAt - 2000} ms after SIGKILL (lease 3 s, delivery claim 5 s); in flight at the kill: ${inFlight.size}, posted twice: ${twice.length}\n`);
  });
});
