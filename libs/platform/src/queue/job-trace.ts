import { context, Context, propagation, Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

/**
 * A job carries the trace context of the code that enqueued it in its data, under this key
 * (W3C `traceparent`/`tracestate`), so that the processor's span continues the same trace.
 */
export const TRACE_KEY = '_trace';

type TraceCarrier = Record<string, string>;

const queueTracer = () => trace.getTracer('flotilla-queue');

function isRecord(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** The data with the given context injected under TRACE_KEY; data that is not a plain object is left as it is. */
export function withTraceContext<T>(data: T, ctx: Context = context.active()): T {
  if (!isRecord(data)) return data;
  const carrier: TraceCarrier = {};
  propagation.inject(ctx, carrier);
  if (!carrier.traceparent) return data;
  return { ...data, [TRACE_KEY]: carrier };
}

/** Copies the trace context `from` carries onto `to` (a merged job keeps the newest request's trace). */
export function carryTraceContext<T>(from: unknown, to: T): T {
  if (!isRecord(from) || !isRecord(to) || !isRecord(from[TRACE_KEY])) return to;
  return { ...to, [TRACE_KEY]: from[TRACE_KEY] };
}

/** The context a job's data carries (the root context when it carries none). */
export function jobTraceContext(data: unknown): Context {
  const carrier = isRecord(data) && isRecord(data[TRACE_KEY]) ? (data[TRACE_KEY] as TraceCarrier) : undefined;
  return carrier ? propagation.extract(context.active(), carrier) : context.active();
}

/** The job's data as the producer wrote it, without the trace context. */
export function withoutTraceContext<T>(data: T): T {
  if (!isRecord(data) || !(TRACE_KEY in data)) return data;
  const { [TRACE_KEY]: _dropped, ...rest } = data;
  return rest as T;
}

/** Runs an enqueue inside a PRODUCER span, handing it the data stamped with that span's context. */
export function producing<T, R>(queue: string, data: T, add: (stamped: T) => Promise<R>): Promise<R> {
  return queueTracer().startActiveSpan(`${queue} publish`, { kind: SpanKind.PRODUCER, attributes: { 'messaging.system': 'bullmq', 'messaging.destination.name': queue, 'messaging.operation': 'publish' } }, (span) =>
    finish(span, () => add(withTraceContext(data))),
  );
}

/** Runs a processor inside a CONSUMER span whose parent is the context the job carries. */
export function consuming<R>(queue: string, jobId: string | undefined, data: unknown, run: () => Promise<R>): Promise<R> {
  const attributes = { 'messaging.system': 'bullmq', 'messaging.destination.name': queue, 'messaging.operation': 'process', ...(jobId ? { 'messaging.message.id': jobId } : {}) };
  return queueTracer().startActiveSpan(`${queue} process`, { kind: SpanKind.CONSUMER, attributes }, jobTraceContext(data), (span) => finish(span, run));
}

async function finish<R>(span: Span, run: () => Promise<R>): Promise<R> {
  try {
    return await run();
  } catch (err) {
    span.recordException(err as Error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error)?.message });
    throw err;
  } finally {
    span.end();
  }
}
