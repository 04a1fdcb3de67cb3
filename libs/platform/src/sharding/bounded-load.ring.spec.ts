import { assignShards, type WeightedShard } from './bounded-load.ring';

// A fixed pseudo-random fleet: 200 clusters with 1–60 apps each.
function fleet(n: number, seed = 7): WeightedShard[] {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: n }, (_, i) => ({ key: `https://spoke-${i}.example.com:6443`, weight: 1 + Math.floor(next() * 60) }));
}

const loads = (clusters: WeightedShard[], map: Map<string, string>): Map<string, number> => {
  const out = new Map<string, number>();
  for (const c of clusters) out.set(map.get(c.key)!, (out.get(map.get(c.key)!) ?? 0) + c.weight);
  return out;
};
const moved = (a: Map<string, string>, b: Map<string, string>): number => [...a].filter(([server, id]) => b.get(server) !== id).length;

describe('assignShards (consistent hashing with bounded loads)', () => {
  const clusters = fleet(200);
  const total = clusters.reduce((s, c) => s + c.weight, 0);

  it('gives every cluster exactly one replica, the same whatever order the inputs come in', () => {
    const a = assignShards(clusters, ['r1', 'r2', 'r3']);
    const b = assignShards([...clusters].reverse(), ['r3', 'r1', 'r2']);
    expect(a.size).toBe(200);
    expect([...a].sort()).toEqual([...b].sort());
  });

  it('keeps every replica under (1 + epsilon) of the mean load, counted in apps', () => {
    for (const n of [2, 3, 5, 8]) {
      const replicas = Array.from({ length: n }, (_, i) => `r${i}`);
      const map = assignShards(clusters, replicas, { epsilon: 0.25 });
      const byReplica = loads(clusters, map);
      expect(byReplica.size).toBe(n);
      for (const load of byReplica.values()) expect(load).toBeLessThanOrEqual(Math.ceil((1.25 * total) / n));
    }
  });

  it('moves few clusters when a replica joins or leaves', () => {
    const three = assignShards(clusters, ['r1', 'r2', 'r3']);
    const four = assignShards(clusters, ['r1', 'r2', 'r3', 'r4']);
    // The ideal is a quarter (50 of 200) going to the newcomer; bounded loads push on a few more.
    const joined = moved(three, four);
    expect([...four.values()].filter((id) => id === 'r4').length).toBeGreaterThan(20);
    expect(joined).toBeLessThan(200 * 0.45);

    const two = assignShards(clusters, ['r1', 'r3']);
    // r2's clusters must move; of the others, only a few.
    const ownedByR2 = [...three].filter(([, id]) => id === 'r2').length;
    expect(moved(three, two) - ownedByR2).toBeLessThan(200 * 0.2);
    expect([...two.values()].every((id) => id !== 'r2')).toBe(true);
  });

  it('places a cluster heavier than the bound on an empty replica, and copes with no replicas', () => {
    const map = assignShards([{ key: 'big', weight: 1000 }, { key: 'a', weight: 1 }, { key: 'b', weight: 1 }], ['r1', 'r2']);
    expect(map.size).toBe(3);
    expect(map.get('a')).not.toBe(map.get('big'));
    expect(assignShards(clusters, []).size).toBe(0);
  });
});
