import type { Job } from 'bullmq';
import type { TypedQueue } from './typed.queue';

export type CoalesceResult = 'added' | 'merged' | 'deferred';

const JOB_PREFIX = 'coalesced-';
// Options for coalesced jobs: finished ones are removed so the key's id is free for the next request.
const COALESCED_OPTS = { removeOnComplete: true, removeOnFail: true } as const;

const jobIdFor = (key: string): string => `${JOB_PREFIX}${encodeURIComponent(key)}`;
const dirtyKey = (queue: TypedQueue<unknown>, jobId: string): string => queue.key(`dirty:${jobId}`);

/**
 * One job per key, never losing a request: a waiting job absorbs it (latest data wins); a running
 * job gets the key marked dirty, and the key is queued again once that job finishes.
 */
export async function enqueueCoalesced<T>(queue: TypedQueue<T>, key: string, data: T): Promise<CoalesceResult> {
  const jobId = jobIdFor(key);
  const job = await queue.getJob(jobId);
  const state = job ? await job.getState() : 'unknown';
  if (job && (state === 'waiting' || state === 'delayed' || state === 'prioritized' || state === 'waiting-children')) {
    await job.updateData(data);
    return 'merged';
  }
  if (job && state === 'active') {
    const redis = queue.redis;
    await redis.set(dirtyKey(queue, jobId), JSON.stringify(data));
    // The job may have finished between the state check and the mark; then nobody else will re-add it.
    const after = await queue.getJob(jobId);
    if (!after || (await after.getState()) !== 'active') await requeueIfDirty(queue, jobId);
    return 'deferred';
  }
  if (job) await job.remove().catch(() => undefined);
  await queue.raw.add(queue.name, data, { jobId, ...COALESCED_OPTS });
  return 'added';
}

/** Called when a job leaves the active state: queues its key again if a request came in meanwhile. */
export async function releaseCoalesced<T>(queue: TypedQueue<T>, job: Pick<Job, 'id'>): Promise<void> {
  if (job.id?.startsWith(JOB_PREFIX)) await requeueIfDirty(queue, job.id);
}

async function requeueIfDirty<T>(queue: TypedQueue<T>, jobId: string): Promise<void> {
  const redis = queue.redis;
  // GETDEL makes exactly one of the racing callers own the pending request.
  const pending = await redis.getdel(dirtyKey(queue, jobId));
  if (pending === null) return;
  const stale = await queue.getJob(jobId);
  if (stale && ['completed', 'failed'].includes(await stale.getState())) await stale.remove().catch(() => undefined);
  await queue.raw.add(queue.name, JSON.parse(pending) as T, { jobId, ...COALESCED_OPTS });
}
