import { Job, JobsOptions, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { producing } from './job-trace';

export interface AddOptions {
  /** A job with this id that still exists (waiting, active, kept) makes the add a no-op. */
  jobId?: string;
  delayMs?: number;
  /** Jobs with the same dedupe id are dropped while the first one is waiting or running. */
  dedupe?: string;
  attempts?: number;
  /** Between attempts: exponential from 1 s (the default), or whatever the worker's `backoff` says. */
  backoff?: 'exponential' | 'worker';
}

/** The BullMQ backoff type that hands the delay to the worker's `backoff` strategy. */
export const WORKER_BACKOFF = 'worker';

/** A BullMQ queue whose jobs carry TData. */
export class TypedQueue<TData> {
  constructor(
    readonly raw: Queue,
    /** The connection the queue uses, for the coordination keys beside it. */
    readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  get name(): string {
    return this.raw.name;
  }

  add(data: TData, opts: AddOptions = {}): Promise<Job<TData>> {
    const jobOpts: JobsOptions = {
      jobId: opts.jobId,
      delay: opts.delayMs,
      attempts: opts.attempts,
      backoff: opts.attempts && opts.attempts > 1 ? { type: opts.backoff === 'worker' ? WORKER_BACKOFF : 'exponential', delay: 1000 } : undefined,
      deduplication: opts.dedupe ? { id: opts.dedupe } : undefined,
    };
    // The job carries the enqueuer's trace context; its processor's span continues that trace.
    return producing(this.name, data, (stamped) => this.raw.add(this.name, stamped, jobOpts) as Promise<Job<TData>>);
  }

  async getJob(id: string): Promise<Job<TData> | undefined> {
    return (await this.raw.getJob(id)) as Job<TData> | undefined;
  }

  /** A Redis key beside this queue's own, for coordination that BullMQ has no primitive for. */
  key(suffix: string): string {
    return `${this.prefix}:${this.name}:${suffix}`;
  }
}
