import Redis from 'ioredis';
import pino from 'pino';
import { ShardCoordinator, type ShardCoordinatorOptions } from './shard.coordinator';

const logger = pino({ level: 'silent' });
const prefix = `flotilla-test:shards:${process.pid}:${Date.now()}`;
const clusters = Array.from({ length: 12 }, (_, i) => ({ key: `https://spoke-${i}:6443`, weight: 1 + (i % 4) }));

const waitFor = async (what: string, cond: () => boolean, ms = 8000): Promise<number> => {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  return Date.now() - start;
};

describe('ShardCoordinator (real Redis)', () => {
  const connections: Redis[] = [];
  const replicas: ShardCoordinator[] = [];
  const replica = (id: string, more: Partial<ShardCoordinatorOptions> = {}): ShardCoordinator => {
    const redis = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: 0, enableOfflineQueue: false, lazyConnect: false });
    connections.push(redis);
    const c = new ShardCoordinator(redis, logger, { prefix, identity: id, shards: () => clusters, ttlMs: 800, tickMs: 100, ...more });
    replicas.push(c);
    return c;
  };
  /** Each cluster → the replicas that believe they own it. */
  const owners = (live: ShardCoordinator[]): Map<string, number> => {
    const out = new Map<string, number>();
    for (const c of live) for (const s of c.owned()) out.set(s, (out.get(s) ?? 0) + 1);
    return out;
  };
  const eachOnce = (live: ShardCoordinator[]): boolean => {
    const o = owners(live);
    return o.size === clusters.length && [...o.values()].every((n) => n === 1);
  };

  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.stop().catch(() => undefined)));
    const admin = new Redis('redis://127.0.0.1:6379');
    const keys = await admin.keys(`${prefix}*`);
    if (keys.length) await admin.del(...keys);
    await admin.quit();
    for (const c of connections) c.disconnect();
  });

  it('splits the clusters so each has exactly one owner, moves a dead replica\'s clusters to the survivors, and rebalances on join', async () => {
    const [a, b, c] = [replica('a'), replica('b'), replica('c')];
    a.start();
    b.start();
    c.start();
    await waitFor('every cluster owned exactly once', () => eachOnce([a, b, c]));
    for (const r of [a, b, c]) expect(r.owned().size).toBeGreaterThan(0);

    // c goes silent (its Redis connection dies): nothing is released, leases and membership lapse.
    const cOwned = [...c.owned()];
    connections[2].disconnect();
    let doubleOwned = 0;
    const moveMs = await waitFor(
      "c's clusters owned by a or b",
      () => {
        const o = owners([a, b]);
        for (const n of o.values()) if (n > 1) doubleOwned++;
        return cOwned.every((s) => a.owns(s) || b.owns(s)) && eachOnce([a, b]);
      },
      8000,
    );
    expect(doubleOwned).toBe(0);
    expect(moveMs).toBeLessThan(3 * 800 + 500);
    // …and c, cut off, has let go of everything once its leases would have lapsed.
    await waitFor('c to drop its clusters', () => c.owned().size === 0, 3000);

    // A new replica joins: it gets a share, few clusters move, none is owned twice.
    const before = new Map<string, string>();
    for (const s of a.owned()) before.set(s, 'a');
    for (const s of b.owned()) before.set(s, 'b');
    const d = replica('d');
    d.start();
    await waitFor('d to own some clusters and every cluster owned once', () => d.owned().size > 0 && eachOnce([a, b, d]));
    const after = new Map<string, string>();
    for (const [id, r] of [['a', a], ['b', b], ['d', d]] as const) for (const s of r.owned()) after.set(s, id);
    const moved = [...before].filter(([s, id]) => after.get(s) !== id).length;
    expect(moved).toBeLessThanOrEqual(Math.ceil(clusters.length / 3) + 2);
  });

  it('lets a shard moving to a joining replica go only once its work is drained, so the new owner starts after the old one stopped', async () => {
    const own = `${prefix}:drain`;
    const events: { at: number; what: 'drained' | 'acquired'; key: string; by: string }[] = [];
    const slowDrain = (key: string) => new Promise<void>((r) => setTimeout(r, 400)).then(() => void events.push({ at: Date.now(), what: 'drained', key, by: 'e' }));
    const e = replica('e', { prefix: own, drain: slowDrain });
    e.start();
    await waitFor('e to own every cluster', () => e.owned().size === clusters.length);
    const f = replica('f', { prefix: own });
    f.on('acquired', (key) => events.push({ at: Date.now(), what: 'acquired', key, by: 'f' }));
    f.start();
    await waitFor('f to own some clusters and every cluster owned once', () => f.owned().size > 0 && eachOnce([e, f]), 8000);
    const taken = events.filter((x) => x.what === 'acquired');
    expect(taken.length).toBeGreaterThan(0);
    for (const t of taken) {
      const drained = events.find((x) => x.what === 'drained' && x.key === t.key);
      expect(drained).toBeDefined();
      expect(t.at).toBeGreaterThanOrEqual(drained!.at);
    }
  });
});
