import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { createLogger } from '../observability';
import { RedisClient } from '../redis';
import { defineQueue } from './queue.definition';
import { QueueFactory } from './queue.factory';

// A worker's own backoff decides when a job added with `backoff: 'worker'` runs again (a service's
// Retry-After); jobs added without it keep BullMQ's exponential backoff from 1 s.

const logger = createLogger('queue-backoff-spec', 'fatal', new Writable({ write: (_c, _e, cb) => cb() }));

class WaitError extends Error {
  constructor(readonly waitMs: number) {
    super(`wait ${waitMs} ms`);
  }
}

describe('QueueFactory worker backoff', () => {
  const prefix = `spec-backoff-${randomUUID().slice(0, 8)}`;
  let redis: RedisClient;
  let factory: QueueFactory;

  beforeEach(() => {
    redis = new RedisClient('redis://127.0.0.1:6379', logger);
    factory = new QueueFactory({ connection: redis, prefix, logger });
  });

  afterEach(async () => {
    await factory.close();
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.close();
  });

  /** The times (ms since the first) at which a job that always fails with `error` ran. */
  async function attemptTimes(backoff: 'worker' | undefined, error: () => Error, attempts = 3): Promise<number[]> {
    const def = defineQueue<{ n: number }>(`retry-${randomUUID().slice(0, 6)}`);
    const times: number[] = [];
    const done = new Promise<void>((resolve) => {
      const worker = factory.worker(def, () => {
        times.push(Date.now());
        return Promise.reject(error());
      }, { backoff: (_attempts, err) => (err instanceof WaitError ? err.waitMs : 50) });
      worker.on('failed', (job) => job && job.attemptsMade >= attempts && resolve());
    });
    factory.start();
    await factory.queue(def).add({ n: 1 }, { attempts, backoff });
    await done;
    return times.map((t) => t - times[0]);
  }

  it('waits what the failure asked for before each retry', async () => {
    const times = await attemptTimes('worker', () => new WaitError(1500), 2);
    expect(times).toHaveLength(2);
    expect(times[1]).toBeGreaterThanOrEqual(1450);
    expect(times[1]).toBeLessThan(2800);
  });

  it('lets the strategy choose a short delay too', async () => {
    const times = await attemptTimes('worker', () => new Error('any'), 3);
    expect(times).toHaveLength(3);
    expect(times[2]).toBeLessThan(900);
  });

  it('keeps exponential backoff from 1 s for jobs added without it', async () => {
    const times = await attemptTimes(undefined, () => new WaitError(10), 3);
    expect(times[1]).toBeGreaterThanOrEqual(950);
    expect(times[2] - times[1]).toBeGreaterThanOrEqual(1950);
  }, 15_000);
});
