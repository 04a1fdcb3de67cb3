import type { KubeObject } from '@flotilla/api-types';
import { assignShards } from '@flotilla/platform';
import { randomUUID } from 'node:crypto';
import { clusterSecret, eventually, startControllerStack, type ControllerStack } from '../testing/app-controller.harness';
import { assignArgoShards } from './argo-sharding.algorithms';

// Two controller replicas told FLOTILLA_CONTROLLER_SHARDING_ALGORITHM=round-robin take the clusters
// Argo CD's round-robin gives their shard numbers (the clusters sorted by Secret uid, controller-0
// shard 0), as the leases in Redis show, not the split Flotilla's own ring would make.
const id = randomUUID().slice(0, 8);
const NS = `sharding-${id}`;
const PREFIX = `spec-sharding-${id}`;
const IN_CLUSTER = 'https://kubernetes.default.svc';

describe('a replica with a chosen sharding algorithm', () => {
  let stack: ControllerStack;
  const env = { FLOTILLA_CONTROLLER_SHARDING_ALGORITHM: 'round-robin', FLOTILLA_SHARD_LEASE_SECONDS: '2' };

  beforeAll(async () => {
    stack = await startControllerStack({ name: 'sharding', namespace: NS, prefix: PREFIX, env: { ...env, FLOTILLA_CONTROLLER_REPLICA_ID: 'controller-1' }, clusters: { simOnly: true } });
    // Six more clusters, so the two splits differ; nothing targets them, so none is dialled.
    for (let i = 0; i < 6; i++) await stack.clusters.hubKube.create(clusterSecret(NS, `fleet-${i}`, `https://fleet-${i}.invalid:6443`, {}));
    await stack.startReplica({ ...env, FLOTILLA_CONTROLLER_REPLICA_ID: 'controller-0' });
  }, 90_000);

  afterAll(() => stack?.stop(), 60_000);

  it("holds the clusters Argo's round-robin gives its shard number", async () => {
    const { items } = await stack.clusters.hubKube.list<KubeObject & { data: { server: string } }>('v1', 'Secret', { namespace: NS, labelSelector: 'argocd.argoproj.io/secret-type=cluster' });
    const clusters = [{ server: IN_CLUSTER, id: '' }, ...items.map((s) => ({ server: Buffer.from(s.data.server, 'base64').toString(), id: s.metadata!.uid! }))];
    expect(clusters).toHaveLength(9);
    const expected = Object.fromEntries(assignArgoShards('round-robin', clusters, ['controller-0', 'controller-1']));
    expect(Object.values(expected).filter((r) => r === 'controller-0')).toHaveLength(5);
    // Flotilla's ring would split these clusters otherwise, so the leases below show the algorithm took.
    expect(Object.fromEntries(assignShards(clusters.map((c) => ({ key: c.server, weight: 1 })), ['controller-0', 'controller-1']))).not.toEqual(expected);

    const holders = async (): Promise<Record<string, string | null>> =>
      Object.fromEntries(await Promise.all(clusters.map(async (c) => [c.server, await stack.redis.get(`${PREFIX}:app-controller:shards:cluster:${c.server}`)] as const)));
    await eventually(async () => expect(await holders()).toEqual(expected), 20_000);
  }, 60_000);
});
