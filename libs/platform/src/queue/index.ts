export { defineQueue } from './queue.definition';
export type { QueueDef } from './queue.definition';
export { TypedQueue } from './typed.queue';
export type { AddOptions } from './typed.queue';
export { QueueFactory } from './queue.factory';
export type { Processor, QueueFactoryOptions, WorkerOptions } from './queue.factory';
export { enqueueCoalesced } from './coalesced.enqueue';
export type { CoalesceResult } from './coalesced.enqueue';
export { TRACE_KEY, jobTraceContext, withTraceContext, withoutTraceContext } from './job-trace';
