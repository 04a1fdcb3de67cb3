import { Job, Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { MetricsRegistry } from '../observability';
import { releaseCoalesced } from './coalesced.enqueue';
import { consuming, withoutTraceContext } from './job-trace';
import { QueueDef } from './queue.definition';
import { registerQueueMetrics } from './queue.metrics';
import { TypedQueue, WORKER_BACKOFF } from './typed.queue';

export type Processor<TData> = (data: TData, job: Job<TData>) => Promise<void>;

export interface WorkerOptions {
  concurrency?: number;
  /**
   * How long a job stays claimed by a worker that stopped renewing (its process died) before another
   * worker runs it again; BullMQ's 30 s by default. Also how often stalled jobs are looked for.
   */
  lockDurationMs?: number;
  /**
   * The delay in ms before retrying a job that failed with `err`, for jobs added with
   * `backoff: 'worker'` (e.g. a service's Retry-After); attemptsMade counts the failed attempt.
   */
  backoff?: (attemptsMade: number, err: Error) => number;
}

export interface QueueFactoryOptions {
  /** Shared by every queue; workers duplicate it for their blocking reads. Needs maxRetriesPerRequest: null. */
  connection: Redis;
  /** FLOTILLA_QUEUE_PREFIX: namespaces every BullMQ key. */
  prefix: string;
  logger: Logger;
  /** Where to report the depth of the queues this service consumes (flotilla_queue_jobs), read at scrape time. */
  metrics?: MetricsRegistry;
  /** The longest a scrape waits for Redis for those; 2 s by default. */
  metricsTimeoutMs?: number;
}

// Jobs with BullMQ's own backoff types never reach this; without the worker's own, exponential from 1 s.
function workerBackoff(backoff: WorkerOptions['backoff']) {
  return (attemptsMade: number, type?: string, err?: Error) =>
    type === WORKER_BACKOFF && backoff && err ? backoff(attemptsMade, err) : Math.round(2 ** (attemptsMade - 1) * 1000);
}

/** Creates typed queues and workers; workers run from application bootstrap until module destroy. */
export class QueueFactory {
  private readonly queues = new Map<string, TypedQueue<unknown>>();
  private readonly workers: Worker[] = [];
  private started = false;

  constructor(private readonly opts: QueueFactoryOptions) {
    if (opts.metrics) {
      registerQueueMetrics(opts.metrics, { queues: () => this.consumed(), connection: opts.connection, logger: opts.logger, timeoutMs: opts.metricsTimeoutMs });
    }
  }

  /** The queues this factory has workers for. */
  consumed(): Queue[] {
    const names = new Set(this.workers.map((w) => w.name));
    return [...this.queues.values()].filter((q) => names.has(q.name)).map((q) => q.raw);
  }

  queue<TData>(def: QueueDef<TData>): TypedQueue<TData> {
    let queue = this.queues.get(def.name);
    if (!queue) {
      const raw = new Queue(def.name, { connection: this.opts.connection, prefix: this.opts.prefix, defaultJobOptions: { removeOnComplete: 1000, removeOnFail: 5000 } });
      raw.on('error', (err) => this.opts.logger.warn({ err, queue: def.name }, `queue ${def.name}: ${err.message}`));
      queue = new TypedQueue<unknown>(raw, this.opts.connection, this.opts.prefix);
      this.queues.set(def.name, queue);
    }
    return queue as TypedQueue<TData>;
  }

  /** Registers a processor; it starts consuming on application bootstrap (or now, if that has passed). */
  worker<TData>(def: QueueDef<TData>, processor: Processor<TData>, opts: WorkerOptions = {}): Worker<TData> {
    const queue = this.queue(def);
    const log = this.opts.logger.child({ queue: def.name });
    // Each job runs in a span that continues the trace of the code that enqueued it.
    const worker = new Worker<TData>(def.name, (job) => consuming(def.name, job.id, job.data, () => processor(withoutTraceContext(job.data), job)), {
      connection: this.opts.connection,
      prefix: this.opts.prefix,
      concurrency: opts.concurrency ?? 1,
      ...(opts.lockDurationMs ? { lockDuration: opts.lockDurationMs, stalledInterval: opts.lockDurationMs } : {}),
      settings: { backoffStrategy: workerBackoff(opts.backoff) },
      autorun: false,
    });
    worker.on('error', (err) => log.warn({ err }, `worker ${def.name}: ${err.message}`));
    worker.on('failed', (job, err) => {
      log.error({ err, jobId: job?.id }, `job ${job?.id ?? '?'} in ${def.name} failed: ${err.message}`);
      if (job) this.release(queue, job);
    });
    worker.on('completed', (job) => this.release(queue, job));
    this.workers.push(worker);
    if (this.started) this.run(worker);
    return worker;
  }

  onApplicationBootstrap(): void {
    this.start();
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    for (const w of this.workers) this.run(w);
  }

  async onModuleDestroy(): Promise<void> {
    await this.close();
  }

  /** Lets running jobs finish, then closes workers and queues (the shared connection stays open). */
  async close(timeoutMs = 10_000): Promise<void> {
    this.started = false;
    const closables: (Worker | Queue)[] = [...this.workers.splice(0), ...[...this.queues.values()].map((q) => q.raw)];
    this.queues.clear();
    const closed = Promise.all(closables.map((c) => c.close())).then(() => true);
    // With Redis already gone there is nothing to wait for but the timeout.
    const waitMs = this.opts.connection.status === 'ready' ? timeoutMs : Math.min(timeoutMs, 1000);
    const timedOut = new Promise<boolean>((r) => setTimeout(() => r(false), waitMs).unref());
    if (await Promise.race([closed, timedOut])) return;
    // BullMQ waits for Redis to close cleanly, which never ends while Redis is down; shutdown goes on without it.
    this.opts.logger.warn(`queues did not close within ${waitMs} ms (Redis unreachable?); abandoning them`);
  }

  private run(worker: Worker): void {
    worker.run().catch((err: Error) => this.opts.logger.error({ err, queue: worker.name }, `worker ${worker.name} stopped: ${err.message}`));
  }

  private release(queue: TypedQueue<unknown>, job: Job): void {
    releaseCoalesced(queue, job).catch((err: Error) => this.opts.logger.error({ err, jobId: job.id }, `re-queueing ${job.id ?? '?'} in ${queue.name} failed: ${err.message}`));
  }
}
