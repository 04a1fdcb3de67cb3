import { randomUUID } from 'node:crypto';
import { AddressInfo, createServer, Server, Socket, connect } from 'node:net';
import { Writable } from 'node:stream';
import { createLogger } from '../observability';
import { RedisClient } from '../redis';
import { enqueueCoalesced } from './coalesced.enqueue';
import { defineQueue } from './queue.definition';
import { QueueFactory } from './queue.factory';

const REDIS_URL = 'redis://127.0.0.1:6379';
const logger = createLogger('queue-spec', 'fatal', new Writable({ write: (_c, _e, cb) => cb() }));

function eventually(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const tick = (): void => {
      if (check()) return resolve();
      if (Date.now() > until) return reject(new Error('condition not met in time'));
      setTimeout(tick, 20);
    };
    tick();
  });
}

interface RefreshJob {
  app: string;
  hard: boolean;
}

describe('QueueFactory with real Redis', () => {
  const prefix = `spec-queue-${randomUUID().slice(0, 8)}`;
  let redis: RedisClient;
  let factory: QueueFactory;

  beforeEach(() => {
    redis = new RedisClient(REDIS_URL, logger);
    factory = new QueueFactory({ connection: redis, prefix, logger });
  });

  afterEach(async () => {
    await factory.close();
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.close();
  });

  it('delivers typed jobs to a worker once it starts', async () => {
    const def = defineQueue<RefreshJob>('refresh');
    const seen: RefreshJob[] = [];
    factory.worker(def, (data) => Promise.resolve(void seen.push(data)), { concurrency: 2 });
    await factory.queue(def).add({ app: 'guestbook', hard: true });
    await new Promise((r) => setTimeout(r, 200));
    expect(seen).toEqual([]);
    factory.start();
    await eventually(() => seen.length === 1);
    expect(seen).toEqual([{ app: 'guestbook', hard: true }]);
    expect(await redis.keys(`${prefix}:refresh:*`)).not.toHaveLength(0);
  });

  it('ignores a duplicate job id and a duplicate dedupe id, and delays', async () => {
    const def = defineQueue<RefreshJob>('dedupe');
    const queue = factory.queue(def);
    await queue.add({ app: 'a', hard: false }, { jobId: 'a' });
    await queue.add({ app: 'a2', hard: false }, { jobId: 'a' });
    await queue.add({ app: 'b', hard: false }, { dedupe: 'b' });
    await queue.add({ app: 'b2', hard: false }, { dedupe: 'b' });
    await queue.add({ app: 'later', hard: false }, { delayMs: 60_000 });
    expect(await queue.raw.getWaitingCount()).toBe(2);
    expect(await queue.raw.getDelayedCount()).toBe(1);
  });

  it('coalesces requests per key without losing one that arrives while the job runs', async () => {
    const def = defineQueue<RefreshJob>('coalesce');
    const queue = factory.queue(def);
    const runs: RefreshJob[] = [];
    let release: () => void = () => undefined;
    factory.worker(def, async (data) => {
      runs.push(data);
      if (runs.length === 1) await new Promise<void>((r) => (release = r));
    });

    expect(await enqueueCoalesced(queue, 'argocd/guestbook', { app: 'guestbook', hard: false })).toBe('added');
    expect(await enqueueCoalesced(queue, 'argocd/guestbook', { app: 'guestbook', hard: true })).toBe('merged');
    expect(await queue.raw.getWaitingCount()).toBe(1);
    factory.start();
    await eventually(() => runs.length === 1);
    expect(runs[0]).toEqual({ app: 'guestbook', hard: true });

    expect(await enqueueCoalesced(queue, 'argocd/guestbook', { app: 'guestbook', hard: false })).toBe('deferred');
    expect(await enqueueCoalesced(queue, 'argocd/guestbook', { app: 'guestbook', hard: true })).toBe('deferred');
    release();
    await eventually(() => runs.length === 2);
    await new Promise((r) => setTimeout(r, 300));
    expect(runs).toEqual([{ app: 'guestbook', hard: true }, { app: 'guestbook', hard: true }]);
    expect(await enqueueCoalesced(queue, 'argocd/guestbook', { app: 'guestbook', hard: false })).toBe('added');
    await eventually(() => runs.length === 3);
  });

  it('folds requests with a merge, so a weaker request never overrides a stronger one waiting or deferred', async () => {
    const def = defineQueue<RefreshJob>('coalesce-merge');
    const queue = factory.queue(def);
    const runs: RefreshJob[] = [];
    let release: () => void = () => undefined;
    factory.worker(def, async (data) => {
      runs.push(data);
      if (runs.length === 1) await new Promise<void>((r) => (release = r));
    });
    const stronger = (waiting: RefreshJob, next: RefreshJob): RefreshJob => ({ ...next, hard: waiting.hard || next.hard });

    await enqueueCoalesced(queue, 'argocd/web', { app: 'web', hard: true }, stronger);
    expect(await enqueueCoalesced(queue, 'argocd/web', { app: 'web', hard: false }, stronger)).toBe('merged');
    factory.start();
    await eventually(() => runs.length === 1);
    // While the job runs: a hard request, then a plain one (a watch event), must still run hard.
    expect(await enqueueCoalesced(queue, 'argocd/web', { app: 'web', hard: true }, stronger)).toBe('deferred');
    expect(await enqueueCoalesced(queue, 'argocd/web', { app: 'web', hard: false }, stronger)).toBe('deferred');
    release();
    await eventually(() => runs.length === 2);
    expect(runs).toEqual([{ app: 'web', hard: true }, { app: 'web', hard: true }]);
  });
});

/** A TCP proxy to Redis that can drop every connection and refuse new ones, as a Redis restart does. */
async function startRedisProxy(): Promise<{ url: string; down(): Promise<void>; up(): Promise<void>; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  const listen = async (): Promise<void> => {
    if (server?.listening) return;
    server = createServer((client) => {
      const upstream = connect(6379, '127.0.0.1');
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('error', () => undefined);
        s.on('close', () => (sockets.delete(s), client.destroy(), upstream.destroy()));
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((r) => server!.listen(port, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  };
  const down = async (): Promise<void> => {
    const closed = new Promise((r) => (server ? server.close(r) : r(undefined)));
    for (const s of sockets) s.destroy();
    await closed;
  };
  await listen();
  return { url: `redis://127.0.0.1:${port}`, down, up: listen, close: down };
}

describe('a worker across a Redis outage', () => {
  it('reconnects and resumes processing', async () => {
    const prefix = `spec-queue-${randomUUID().slice(0, 8)}`;
    const proxy = await startRedisProxy();
    const redis = new RedisClient(proxy.url, logger);
    const direct = new RedisClient(REDIS_URL, logger);
    const factory = new QueueFactory({ connection: redis, prefix, logger });
    const producer = new QueueFactory({ connection: direct, prefix, logger });
    const def = defineQueue<RefreshJob>('outage');
    const seen: string[] = [];
    try {
      factory.worker(def, (data) => Promise.resolve(void seen.push(data.app)));
      factory.start();
      await producer.queue(def).add({ app: 'before', hard: false });
      await eventually(() => seen.includes('before'));

      await proxy.down();
      await eventually(() => redis.status !== 'ready');
      await expect(redis.checkReady()).rejects.toThrow(/redis is (connecting|reconnecting)/);
      await producer.queue(def).add({ app: 'during', hard: false });
      const stuck = new QueueFactory({ connection: redis, prefix, logger });
      stuck.worker(defineQueue<RefreshJob>('other'), () => Promise.resolve());
      stuck.start();
      const closeStarted = Date.now();
      await stuck.close(500);
      expect(Date.now() - closeStarted).toBeLessThan(3000);
      await new Promise((r) => setTimeout(r, 1000));
      expect(seen).not.toContain('during');

      await proxy.up();
      await eventually(() => seen.includes('during'), 20_000);
      await producer.queue(def).add({ app: 'after', hard: false });
      await eventually(() => seen.includes('after'));
      await redis.checkReady();
    } finally {
      await proxy.up();
      await factory.close();
      await producer.close();
      const keys = await direct.keys(`${prefix}:*`);
      if (keys.length > 0) await direct.del(...keys);
      await redis.close();
      await direct.close();
      await proxy.close();
    }
  }, 40_000);
});
