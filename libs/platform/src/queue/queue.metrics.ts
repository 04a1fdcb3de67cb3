// How much work waits in the BullMQ queues a service consumes, read from Redis at scrape time. Not
// client-go's workqueue_depth (Argo CD's name): that is one process's in-memory queue, while these
// are the shared Redis queues, and they carry a state.
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { MetricsRegistry, ScrapeSnapshot } from '../observability';

export const QUEUE_JOB_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

interface QueueReading {
  queue: string;
  counts: Record<string, number>;
  oldestWaitingSeconds: number;
}

export interface QueueMetricsOptions {
  /** The queues this service has workers for, at the time of the scrape. */
  queues: () => Queue[];
  connection: Redis;
  logger: Logger;
  /** The longest a scrape waits for Redis. */
  timeoutMs?: number;
}

/** Registers flotilla_queue_jobs{queue,state} and flotilla_queue_oldest_waiting_seconds{queue}. */
export function registerQueueMetrics(registry: MetricsRegistry, opts: QueueMetricsOptions): void {
  const snapshot = new ScrapeSnapshot(() => readQueues(opts.queues(), opts.connection), {
    what: 'queue metrics',
    logger: opts.logger,
    timeoutMs: opts.timeoutMs,
  });
  registry.gauge({
    name: 'flotilla_queue_jobs',
    help: 'Jobs in each BullMQ queue this service consumes, by state (waiting, active, delayed, failed), read from Redis at scrape time.',
    labelNames: ['queue', 'state'],
    async collect() {
      const readings = await snapshot.get();
      this.reset();
      for (const r of readings ?? []) for (const state of QUEUE_JOB_STATES) this.set({ queue: r.queue, state }, r.counts[state] ?? 0);
    },
  });
  registry.gauge({
    name: 'flotilla_queue_oldest_waiting_seconds',
    help: 'Age of the oldest waiting job in each BullMQ queue this service consumes (since it was added, or fell due if delayed); 0 when none waits.',
    labelNames: ['queue'],
    async collect() {
      const readings = await snapshot.get();
      this.reset();
      for (const r of readings ?? []) this.set({ queue: r.queue }, r.oldestWaitingSeconds);
    },
  });
}

async function readQueues(queues: Queue[], redis: Redis): Promise<QueueReading[]> {
  // A disconnected client queues commands until Redis returns: fail at once instead.
  if (redis.status !== 'ready') throw new Error(`Redis is ${redis.status}`);
  const now = Date.now();
  return Promise.all(
    queues.map(async (queue) => {
      const [counts, [oldest]] = await Promise.all([queue.getJobCounts(...QUEUE_JOB_STATES), queue.getWaiting(0, 0)]);
      const since = oldest ? oldest.timestamp + (oldest.delay ?? 0) : now;
      return { queue: queue.name, counts, oldestWaitingSeconds: Math.max(0, now - since) / 1000 };
    }),
  );
}
