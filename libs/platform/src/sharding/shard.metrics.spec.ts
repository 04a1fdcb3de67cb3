import Redis from 'ioredis';
import pino from 'pino';
import { MetricsRegistry } from '../observability';
import { ShardCoordinator } from './shard.coordinator';
import { readLeaseHolders } from './shard.leases';
import { registerShardMetrics } from './shard.metrics';
import { readPartitionLeases, WorkPartitions } from './work.partitions';

const logger = pino({ level: 'silent' });
const base = `flotilla-test:shard-metrics:${process.pid}:${Date.now()}`;
const shards = ['s1', 's2', 's3'].map((key) => ({ key, weight: 1 }));

/** The value of the sample with this name and these labels (among others) in a Prometheus text exposition. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)\{([^}]*)\} (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...m[2].matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1], l[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(m[3]);
  }
  return undefined;
}

async function eventually(what: string, check: () => Promise<boolean>, timeoutMs = 8000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('shard ownership metrics (real Redis)', () => {
  const connections: Redis[] = [];
  const stops: (() => Promise<void>)[] = [];
  const connection = async (): Promise<Redis> => {
    const redis = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: 0 });
    connections.push(redis);
    await new Promise((r) => redis.once('ready', r));
    return redis;
  };

  afterAll(async () => {
    await Promise.all(stops.map((stop) => stop().catch(() => undefined)));
    const admin = new Redis('redis://127.0.0.1:6379');
    const keys = await admin.keys(`${base}*`);
    if (keys.length) await admin.del(...keys);
    await admin.quit();
    for (const c of connections) c.disconnect();
  });

  it("shows a shard as unowned once its dead owner's lease lapses, and owned again once a survivor takes it over", async () => {
    const prefix = `${base}:ghost`;
    const redis = await connection();
    // A replica that died holding s1: its membership still counts (so the leader keeps s1 on it) but it no longer renews its lease.
    const [seconds] = await redis.time();
    await redis.zadd(`${prefix}:replicas`, Number(seconds) * 1000 + 60_000, 'ghost');
    await redis.set(`${prefix}:cluster:s1`, 'ghost', 'PX', 1500);
    const a = new ShardCoordinator(redis, logger, {
      prefix,
      identity: 'a',
      leaseName: 'cluster',
      shards: () => shards,
      assign: (list, replicas) => new Map(list.map((s) => [s.key, s.key === 's1' && replicas.includes('ghost') ? 'ghost' : 'a'])),
      ttlMs: 800,
      tickMs: 100,
    });
    stops.push(() => a.stop());
    const registry = new MetricsRegistry('app-controller', { defaultMetrics: false });
    registerShardMetrics(registry, { holders: () => a.leaseHolders(), logger });
    a.start();

    await eventually('a to hold s2 and s3', () => Promise.resolve(a.owns('s2') && a.owns('s3')));
    let text = await registry.text();
    expect(sample(text, 'flotilla_shards', { state: 'owned' })).toBe(3);
    expect(sample(text, 'flotilla_shards', { state: 'unowned' })).toBe(0);
    expect(sample(text, 'flotilla_shard_owned', { shard: 's1', service: 'app-controller' })).toBe(1);

    await eventually(
      's1 to show unowned',
      async () => sample((text = await registry.text()), 'flotilla_shards', { state: 'unowned' }) === 1,
    );
    expect(sample(text, 'flotilla_shard_owned', { shard: 's1' })).toBe(0);
    expect(sample(text, 'flotilla_shard_owned', { shard: 's2' })).toBe(1);
    // Not a view of a's own shards: any replica, or anything else reading the leases, sees the same.
    expect(Object.fromEntries(await readLeaseHolders(await connection(), prefix, 'cluster', ['s1', 's2', 's3']))).toEqual({
      s1: undefined,
      s2: 'a',
      s3: 'a',
    });
    await new Promise((r) => setTimeout(r, 400));
    expect(sample(await registry.text(), 'flotilla_shards', { state: 'unowned' })).toBe(1);

    // The ghost's membership lapses: the leader moves s1 to a, which takes it over.
    await redis.zrem(`${prefix}:replicas`, 'ghost');
    await eventually(
      's1 to be owned again',
      async () => sample((text = await registry.text()), 'flotilla_shards', { state: 'unowned' }) === 0,
    );
    expect(sample(text, 'flotilla_shards', { state: 'owned' })).toBe(3);
    expect(sample(text, 'flotilla_shard_owned', { shard: 's1' })).toBe(1);
    expect(a.owns('s1')).toBe(true);
  });

  it("reports a service's partitions: owned while a replica holds them, unowned once it leaves", async () => {
    const prefix = `${base}:partitions`;
    const redis = await connection();
    const partitions = new WorkPartitions(redis, logger, { prefix, identity: 'only', partitions: 3, ttlMs: 800, tickMs: 100 });
    stops.push(() => partitions.stop());
    const registry = new MetricsRegistry('notifier', { defaultMetrics: false });
    const observer = await connection();
    registerShardMetrics(registry, { holders: () => readPartitionLeases(observer, prefix, 3), logger });
    let text = await registry.text();
    expect(sample(text, 'flotilla_shards', { state: 'unowned' })).toBe(3);

    partitions.start();
    await eventually(
      'every partition owned',
      async () => sample((text = await registry.text()), 'flotilla_shards', { state: 'owned' }) === 3,
    );
    for (const shard of ['0', '1', '2']) expect(sample(text, 'flotilla_shard_owned', { shard })).toBe(1);
    expect(Object.fromEntries(await partitions.leaseHolders())).toEqual({ 0: 'only', 1: 'only', 2: 'only' });

    await partitions.stop();
    text = await registry.text();
    expect(sample(text, 'flotilla_shards', { state: 'unowned' })).toBe(3);
    expect(sample(text, 'flotilla_shard_owned', { shard: '0' })).toBe(0);
  });

  it('answers at once with Redis on a closed port, without shard series', async () => {
    const dead = new Redis('redis://127.0.0.1:1', { maxRetriesPerRequest: null, lazyConnect: false });
    dead.on('error', () => undefined);
    connections.push(dead);
    const registry = new MetricsRegistry('app-controller', { defaultMetrics: false });
    registerShardMetrics(registry, { holders: () => readLeaseHolders(dead, `${base}:dead`, 'cluster', ['s1']), logger });
    const started = Date.now();
    const text = await registry.text();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(text).toContain('# TYPE flotilla_shards gauge');
    expect(text).not.toMatch(/^flotilla_shard/m);
  });
});
