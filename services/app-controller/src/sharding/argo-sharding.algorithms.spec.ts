import { assignArgoShards, clusterAssigner, shardOrder } from './argo-sharding.algorithms';
import { fnv32a, legacyShards } from './legacy.distribution';
import { roundRobinShards } from './round-robin.distribution';

// Expected shards computed apart from this code (FNV-1a 32 by its definition, in Python), so a wrong
// hash or a wrong modulus shows here.
const uid = {
  a: '2f6b4e9c-6a55-4d0c-9a4b-0d3c1f6a7e11', // fnv32a 1035901524
  b: '7c1d8a44-0b6e-4f0e-8d2a-5b9e3c4d2a90', // 4043396809
  c: 'b3e0c2d1-9f4a-4e57-a1c8-6d2f0e9b7c35', // 1818677257
  d: 'e5a9f013-3c7b-4a2e-b6d4-1f8c9e0a2b47', // 2100570362
  e: '0a4c7e92-5d1b-4c3f-8e6a-9b2d4f1c3e58', // 1425638430
};
const clusters = [
  { server: 'https://kubernetes.default.svc', id: '' },
  { server: 'https://a:6443', id: uid.a },
  { server: 'https://b:6443', id: uid.b },
  { server: 'https://c:6443', id: uid.c },
  { server: 'https://d:6443', id: uid.d },
  { server: 'https://e:6443', id: uid.e },
];

describe('fnv32a', () => {
  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
    [uid.b, 4043396809],
  ])('hashes %j as Go hash/fnv New32a does', (text, hash) => expect(fnv32a(text)).toBe(hash));
});

describe("Argo's legacy sharding: fnv32a(uid) % replicas, in-cluster on shard 0", () => {
  it.each([
    [1, { in: 0, a: 0, b: 0, c: 0, d: 0, e: 0 }],
    [2, { in: 0, a: 0, b: 1, c: 1, d: 0, e: 0 }],
    [3, { in: 0, a: 0, b: 1, c: 1, d: 2, e: 0 }],
    [4, { in: 0, a: 0, b: 1, c: 1, d: 2, e: 2 }],
  ])('with %i replicas', (replicas, expected) => {
    const shards = legacyShards(clusters, replicas);
    expect(Object.fromEntries(clusters.map((c) => [c.id ? c.server[8] : 'in', shards.get(c.server)]))).toEqual(expected);
  });
});

describe("Argo's round-robin sharding: sorted by uid, the i-th on shard i % replicas", () => {
  // uid order: '' (in-cluster), e (0a4c…), a (2f6b…), b (7c1d…), c (b3e0…), d (e5a9…).
  it.each([
    [1, { in: 0, e: 0, a: 0, b: 0, c: 0, d: 0 }],
    [2, { in: 0, e: 1, a: 0, b: 1, c: 0, d: 1 }],
    [3, { in: 0, e: 1, a: 2, b: 0, c: 1, d: 2 }],
    [4, { in: 0, e: 1, a: 2, b: 3, c: 0, d: 1 }],
  ])('with %i replicas', (replicas, expected) => {
    const shards = roundRobinShards([...clusters].reverse(), replicas);
    expect(Object.fromEntries(clusters.map((c) => [c.id ? c.server[8] : 'in', shards.get(c.server)]))).toEqual(expected);
  });
});

describe('shard order and replica assignment', () => {
  it.each([
    [['ctl-2', 'ctl-10', 'ctl-0', 'ctl-1'], ['ctl-0', 'ctl-1', 'ctl-2', 'ctl-10']],
    [['b', 'ctl-1', 'a'], ['ctl-1', 'a', 'b']],
    [['ctl-1', 'ctl-1'], ['ctl-1']],
  ])('orders %j as %j', (replicas, ordered) => expect(shardOrder(replicas)).toEqual(ordered));

  it.each([
    ['legacy', ['ctl-0', 'ctl-1', 'ctl-2'], { in: 'ctl-0', a: 'ctl-0', b: 'ctl-1', c: 'ctl-1', d: 'ctl-2', e: 'ctl-0' }],
    ['round-robin', ['ctl-2', 'ctl-0', 'ctl-1'], { in: 'ctl-0', e: 'ctl-1', a: 'ctl-2', b: 'ctl-0', c: 'ctl-1', d: 'ctl-2' }],
    // ctl-1 gone: the two survivors are shards 0 and 1 and share every cluster.
    ['legacy', ['ctl-2', 'ctl-0'], { in: 'ctl-0', a: 'ctl-0', b: 'ctl-2', c: 'ctl-2', d: 'ctl-0', e: 'ctl-0' }],
  ] as const)('%s over %j', (algorithm, replicas, expected) => {
    const map = assignArgoShards(algorithm, clusters, replicas);
    expect(Object.fromEntries(clusters.map((c) => [c.id ? c.server[8] : 'in', map.get(c.server)]))).toEqual(expected);
  });

  it('assigns nothing without replicas', () => expect(assignArgoShards('legacy', clusters, []).size).toBe(0));

  it("gives the coordinator Argo's split by Secret uid, or leaves it its own ring for consistent-hashing", () => {
    const uids = () => new Map(clusters.filter((c) => c.id).map((c) => [c.server, c.id]));
    expect(clusterAssigner('consistent-hashing', uids)).toBeUndefined();
    const assign = clusterAssigner('legacy', uids)!;
    const map = assign(clusters.map((c) => ({ key: c.server })), ['ctl-1', 'ctl-0']);
    expect(Object.fromEntries(clusters.map((c) => [c.id ? c.server[8] : 'in', map.get(c.server)]))).toEqual({ in: 'ctl-0', a: 'ctl-0', b: 'ctl-1', c: 'ctl-1', d: 'ctl-0', e: 'ctl-0' });
  });
});
