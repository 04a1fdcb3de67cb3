import { randomUUID } from 'node:crypto';
import { AddressInfo, connect, createServer, Server, Socket } from 'node:net';
import { Writable } from 'node:stream';
import { startOpsServer } from '../bootstrap/ops-http.server';
import { ReadinessChecks } from '../bootstrap/readiness.checks';
import { createLogger, MetricsRegistry } from '../observability';
import { RedisClient } from '../redis';
import { defineQueue } from './queue.definition';
import { QueueFactory } from './queue.factory';

const REDIS_URL = 'redis://127.0.0.1:6379';

/** A logger whose lines the spec reads. */
function capturingLogger(): { logger: ReturnType<typeof createLogger>; lines: () => { level: number; msg: string }[] } {
  const out: string[] = [];
  const logger = createLogger('queue-metrics-spec', 'info', new Writable({ write: (c, _e, cb) => (out.push(String(c)), cb()) }));
  return {
    logger,
    lines: () => out.flatMap((l) => l.split('\n').filter(Boolean)).map((l) => JSON.parse(l) as { level: number; msg: string }),
  };
}

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

async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface Job {
  name: string;
}

describe('queue depth metrics, from real Redis and BullMQ', () => {
  const prefix = `spec-qmetrics-${randomUUID().slice(0, 8)}`;
  let redis: RedisClient;
  let factory: QueueFactory;
  let registry: MetricsRegistry;
  const { logger } = capturingLogger();

  beforeEach(() => {
    redis = new RedisClient(REDIS_URL, logger);
    registry = new MetricsRegistry('spec', { defaultMetrics: false });
    factory = new QueueFactory({ connection: redis, prefix, logger, metrics: registry });
  });

  afterEach(async () => {
    await factory.close();
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.close();
  });

  it('counts the jobs of each consumed queue by state, and how long the oldest has waited', async () => {
    const consumed = defineQueue<Job>('consumed');
    const producedOnly = defineQueue<Job>('produced-only');
    let release: () => void = () => undefined;
    factory.worker(consumed, async (job) => {
      if (job.name === 'fail') throw new Error('boom');
      if (job.name === 'hold') await new Promise<void>((r) => (release = r));
    });
    const queue = factory.queue(consumed);
    await queue.add({ name: 'fail' });
    await queue.add({ name: 'hold' });
    await queue.add({ name: 'plain' });
    await queue.add({ name: 'later' }, { delayMs: 60_000 });
    await factory.queue(producedOnly).add({ name: 'nobody consumes this here' });
    await new Promise((r) => setTimeout(r, 1100));

    let text = await registry.text();
    const jobs = (state: string): number | undefined => sample(text, 'flotilla_queue_jobs', { queue: 'consumed', state, service: 'spec' });
    expect([jobs('waiting'), jobs('active'), jobs('delayed'), jobs('failed')]).toEqual([3, 0, 1, 0]);
    expect(sample(text, 'flotilla_queue_oldest_waiting_seconds', { queue: 'consumed' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'flotilla_queue_oldest_waiting_seconds', { queue: 'consumed' })).toBeLessThan(30);
    // Only the queues this service consumes: a queue it merely produces into is another's to report.
    expect(text).not.toContain('produced-only');

    factory.start();
    await eventually(async () => {
      text = await registry.text();
      return jobs('failed') === 1 && jobs('active') === 1;
    });
    expect([jobs('waiting'), jobs('active'), jobs('delayed'), jobs('failed')]).toEqual([1, 1, 1, 1]);

    release();
    await eventually(async () => {
      text = await registry.text();
      return jobs('waiting') === 0 && jobs('active') === 0;
    });
    expect(sample(text, 'flotilla_queue_oldest_waiting_seconds', { queue: 'consumed' })).toBe(0);
  });

  it('reports nothing once the factory has closed', async () => {
    factory.worker(defineQueue<Job>('closing'), () => Promise.resolve());
    await eventually(async () => (await registry.text()).includes('flotilla_queue_jobs{queue="closing",state="waiting",service="spec"} 0'));
    await factory.close();
    expect(await registry.text()).not.toContain('queue="closing"');
  });
});

/** A TCP proxy to Redis that can freeze: connections stay open and nothing comes back, as from a hung Redis. */
async function startFreezingProxy(): Promise<{ url: string; freeze(): void; thaw(): void; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  let frozen = false;
  const held: (() => void)[] = [];
  const server: Server = createServer((client) => {
    const upstream = connect(6379, '127.0.0.1');
    const forward = (from: Socket, to: Socket): void => {
      from.on('data', (chunk) => (frozen ? held.push(() => to.write(chunk)) : to.write(chunk)));
    };
    forward(client, upstream);
    forward(upstream, client);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => (sockets.delete(s), client.destroy(), upstream.destroy()));
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `redis://127.0.0.1:${(server.address() as AddressInfo).port}`,
    freeze: () => void (frozen = true),
    thaw: () => {
      frozen = false;
      for (const send of held.splice(0)) send();
    },
    close: async () => {
      const closed = new Promise((r) => server.close(r));
      for (const s of sockets) s.destroy();
      await closed;
    },
  };
}

describe('queue depth metrics when Redis is away', () => {
  it('answers /metrics at once with Redis on a closed port, leaving the queue gauges out, and logs it once', async () => {
    const { logger, lines } = capturingLogger();
    const redis = new RedisClient('redis://127.0.0.1:1', logger);
    const registry = new MetricsRegistry('spec', { defaultMetrics: false });
    const factory = new QueueFactory({ connection: redis, prefix: `spec-qmetrics-${randomUUID().slice(0, 8)}`, logger, metrics: registry });
    factory.worker(defineQueue<Job>('dead'), () => Promise.resolve());
    const ops = await startOpsServer({ port: 0, host: '127.0.0.1', readiness: new ReadinessChecks(), metrics: registry, logger });
    try {
      for (let i = 0; i < 3; i++) {
        const started = Date.now();
        const res = await fetch(`http://127.0.0.1:${ops.port}/metrics`, { signal: AbortSignal.timeout(5000) });
        expect(res.status).toBe(200);
        const text = await res.text();
        expect(Date.now() - started).toBeLessThan(1000);
        expect(text).toContain('# TYPE flotilla_queue_jobs gauge');
        expect(text).not.toMatch(/^flotilla_queue_jobs\{/m);
      }
      const warnings = lines().filter((l) => l.msg.startsWith('queue metrics:'));
      expect(warnings).toHaveLength(1);
      expect(warnings[0].msg).toMatch(
        /^queue metrics: Redis is (connecting|reconnecting); left out of \/metrics until the read works again$/,
      );
    } finally {
      await ops.close();
      await factory.close(500);
      await redis.close();
    }
  });

  it('gives up on a hung Redis within the bound, then reports again once it answers', async () => {
    const { logger, lines } = capturingLogger();
    const proxy = await startFreezingProxy();
    const redis = new RedisClient(proxy.url, logger);
    const direct = new RedisClient(REDIS_URL, logger);
    const prefix = `spec-qmetrics-${randomUUID().slice(0, 8)}`;
    const registry = new MetricsRegistry('spec', { defaultMetrics: false });
    const factory = new QueueFactory({ connection: redis, prefix, logger, metrics: registry, metricsTimeoutMs: 300 });
    const producer = new QueueFactory({ connection: direct, prefix, logger });
    const def = defineQueue<Job>('hung');
    factory.worker(def, () => Promise.resolve());
    try {
      await producer.queue(def).add({ name: 'a' });
      await eventually(async () => sample(await registry.text(), 'flotilla_queue_jobs', { queue: 'hung', state: 'waiting' }) === 1);

      const before = lines().length;
      const since = (msg: string) =>
        lines()
          .slice(before)
          .filter((l) => l.msg === msg);
      proxy.freeze();
      expect(redis.status).toBe('ready');
      for (let i = 0; i < 3; i++) {
        const started = Date.now();
        const text = await registry.text();
        expect(Date.now() - started).toBeLessThan(1000);
        expect(text).not.toMatch(/^flotilla_queue_(jobs|oldest_waiting_seconds)\{/m);
      }
      expect(since('queue metrics: no answer within 300 ms; left out of /metrics until the read works again')).toHaveLength(1);

      await producer.queue(def).add({ name: 'b' });
      proxy.thaw();
      await eventually(async () => sample(await registry.text(), 'flotilla_queue_jobs', { queue: 'hung', state: 'waiting' }) === 2);
      expect(since('queue metrics: reading them works again')).toHaveLength(1);
    } finally {
      proxy.thaw();
      await factory.close(500);
      await producer.close();
      const keys = await direct.keys(`${prefix}:*`);
      if (keys.length > 0) await direct.del(...keys);
      await redis.close();
      await direct.close();
      await proxy.close();
    }
  }, 30_000);
});
