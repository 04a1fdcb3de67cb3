import type { Job } from 'bullmq';
import { carryTraceContext, producing } from './job-trace';
import type { TypedQueue } from './typed.queue';

export type CoalesceResult = 'added' | 'merged' | 'deferred';

const JOB_PREFIX = 'coalesced-';
// Options for coalesced jobs: finished ones are removed so the key's id is free for the next request.
const COALESCED_OPTS = { removeOnComplete: true, removeOnFail: true } as const;

const jobIdFor = (key: string): string => `${JOB_PREFIX}${encodeURIComponent(key)}`;
const isWaiting = (state: string): boolean => state === 'waiting' || state === 'delayed' || state === 'prioritized' || state === 'waiting-children';
const dirtyKey = (queue: TypedQueue<unknown>, jobId: string): string => queue.key(`dirty:${jobId}`);

/** How a request folds into one already waiting for the same key; by default the later one wins. */
export type CoalesceMerge<T> = (waiting: T, next: T) => T;
const latestWins = <T>(_waiting: T, next: T): T => next;

/**
 * One job per key, never losing a request: a waiting job absorbs it (`merge` decides what the two
 * make together; the later one by default); a running job gets the key marked dirty with the
 * requests made meanwhile folded together, and the key is queued again once that job finishes.
 */
export function enqueueCoalesced<T>(queue: TypedQueue<T>, key: string, data: T, merge: CoalesceMerge<T> = latestWins): Promise<CoalesceResult> {
  const jobId = jobIdFor(key);
  // The request carries its enqueuer's trace context; a merge keeps the newest request's.
  return producing(queue.name, data, (stamped) => serialized(queue, jobId, () => enqueueNow(queue, jobId, stamped, merge)));
}

/**
 * Requests for one key from this process, and the re-queue when its job ends, run one after the
 * other: two at once would both read the same waiting data or dirty mark and one would overwrite
 * the other (a watch event's weak request over an operation's strong one). A key belongs to one
 * process's queue, so ordering within the process is enough.
 */
const chains = new Map<string, Promise<unknown>>();
function serialized<R>(queue: TypedQueue<unknown>, jobId: string, run: () => Promise<R>): Promise<R> {
  const id = `${queue.name}\u0000${jobId}`;
  const next = (chains.get(id) ?? Promise.resolve()).then(run, run);
  const settled = next.catch(() => undefined);
  chains.set(id, settled);
  void settled.then(() => {
    if (chains.get(id) === settled) chains.delete(id);
  });
  return next;
}

async function enqueueNow<T>(queue: TypedQueue<T>, jobId: string, data: T, merge: CoalesceMerge<T>): Promise<CoalesceResult> {
  merges.set(queue, merge as CoalesceMerge<unknown>);
  return place(queue, jobId, data, merge);
}

/**
 * Puts a request where it will be run: into the waiting job, marked dirty behind the running one,
 * or as a new job (folded with any request left dirty by a job that has just ended).
 */
async function place<T>(queue: TypedQueue<T>, jobId: string, data: T, merge: CoalesceMerge<T>): Promise<CoalesceResult> {
  const job = await queue.getJob(jobId);
  let state = job ? await job.getState() : 'unknown';
  if (job && isWaiting(state)) {
    await job.updateData(carryTraceContext(data, merge(job.data, data)));
    // A worker may have taken the job between the two calls, with the data from before: then ask again after it.
    state = await job.getState();
    if (isWaiting(state)) return 'merged';
  }
  const redis = queue.redis;
  if (job && state === 'active') {
    const pending = await redis.get(dirtyKey(queue, jobId));
    await redis.set(dirtyKey(queue, jobId), JSON.stringify(pending === null ? data : carryTraceContext(data, merge(JSON.parse(pending) as T, data))));
    // The job may have finished between the state check and the mark; then nobody else will re-add it.
    const after = await queue.getJob(jobId);
    if (!after || (await after.getState()) !== 'active') await requeueIfDirty(queue, jobId);
    return 'deferred';
  }
  // The last job ended: a request left dirty behind it is folded in, never dropped by a job id already taken.
  const pending = await redis.getdel(dirtyKey(queue, jobId));
  if (job) await job.remove().catch(() => undefined);
  await queue.raw.add(queue.name, pending === null ? data : carryTraceContext(data, merge(JSON.parse(pending) as T, data)), { jobId, ...COALESCED_OPTS });
  return 'added';
}

/** The merge each queue's requests were enqueued with, for folding a dirty request into a job that is already there. */
const merges = new WeakMap<TypedQueue<unknown>, CoalesceMerge<unknown>>();

/** Called when a job leaves the active state: queues its key again if a request came in meanwhile. */
export async function releaseCoalesced<T>(queue: TypedQueue<T>, job: Pick<Job, 'id'>): Promise<void> {
  const id = job.id;
  if (id?.startsWith(JOB_PREFIX)) await serialized(queue, id, () => requeueIfDirty(queue, id));
}

async function requeueIfDirty<T>(queue: TypedQueue<T>, jobId: string): Promise<void> {
  // GETDEL makes exactly one of the racing callers own the pending request.
  const pending = await queue.redis.getdel(dirtyKey(queue, jobId));
  if (pending === null) return;
  const merge = (merges.get(queue) ?? latestWins) as CoalesceMerge<T>;
  await place(queue, jobId, JSON.parse(pending) as T, merge);
}
