import Redis from 'ioredis';
import pino from 'pino';
import { partitionOf, WorkPartitions } from './work.partitions';

const logger = pino({ level: 'silent' });
const prefix = `flotilla-test:partitions:${process.pid}:${Date.now()}`;
const items = Array.from({ length: 40 }, (_, i) => `argocd/item-${i}`);

const waitFor = async (what: string, cond: () => boolean, ms = 8000): Promise<void> => {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

describe('WorkPartitions (real Redis)', () => {
  const connections: Redis[] = [];
  const replica = (identity: string, partitions = 8): WorkPartitions => {
    const redis = new Redis('redis://127.0.0.1:6379');
    connections.push(redis);
    return new WorkPartitions(redis, logger, { prefix, identity, partitions, ttlMs: 800, tickMs: 100 });
  };
  const started: WorkPartitions[] = [];

  afterAll(async () => {
    await Promise.all(started.map((r) => r.stop().catch(() => undefined)));
    const admin = new Redis('redis://127.0.0.1:6379');
    const keys = await admin.keys(`${prefix}*`);
    if (keys.length) await admin.del(...keys);
    await admin.quit();
    for (const c of connections) c.disconnect();
  });

  it('hashes an item to the same partition everywhere, and everything to one partition when there is one', () => {
    expect(new Set(items.map((k) => partitionOf(k, 8))).size).toBeGreaterThan(4);
    expect(partitionOf('argocd/x', 8)).toBe(partitionOf('argocd/x', 8));
    expect(new Set(items.map((k) => partitionOf(k, 1)))).toEqual(new Set(['0']));
  });

  it('runs work only on owned items, and hands a partition over only after the work running on it ends', async () => {
    const a = replica('a');
    started.push(a);
    a.start();
    await waitFor('a to own every partition', () => a.owned().size === 8);
    const key = items[0];
    let finishedAt = 0;
    const work = a.run(key, () => new Promise<string>((r) => setTimeout(() => r('done'), 600)).finally(() => (finishedAt = Date.now())));

    const b = replica('b');
    started.push(b);
    let acquiredAt = 0;
    b.on('acquired', (p) => p === b.partitionOf(key) && (acquiredAt = Date.now()));
    b.start();
    const stopping = a.stop();
    await waitFor('a to let the item go', () => !a.owns(key), 500);
    expect(await a.run(key, () => Promise.resolve('not mine'))).toBeUndefined();
    expect(await work).toBe('done');
    await stopping;
    await waitFor('b to own every partition', () => b.owned().size === 8);
    expect(acquiredAt).toBeGreaterThanOrEqual(finishedAt);
    expect(await b.run(key, () => Promise.resolve('mine'))).toBe('mine');
  });
});
