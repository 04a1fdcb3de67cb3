import * as grpc from '@grpc/grpc-js';
import { context, propagation, Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Logger } from 'pino';
import type { MetricsRegistry } from '../observability';
import { metadataGetter, splitMethodPath } from './grpc-trace.metadata';

/** The server span of each call, found by the metadata object grpc-js hands on to the handler. */
export const callSpans = new WeakMap<grpc.Metadata, Span>();

/** Traces, counts, times and logs every call, whatever its streaming shape. */
export function observingInterceptor(metrics: MetricsRegistry, logger: Logger): grpc.ServerInterceptor {
  const handled = metrics.counter({
    name: 'grpc_server_handled_total',
    help: 'RPCs completed on the server, by status code',
    labelNames: ['grpc_service', 'grpc_method', 'grpc_code'],
  });
  const seconds = metrics.histogram({
    name: 'grpc_server_handling_seconds',
    help: 'Time from receiving an RPC to sending its status',
    labelNames: ['grpc_service', 'grpc_method'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
  });
  const tracer = trace.getTracer('flotilla-grpc');

  return (descriptor, call) => {
    const { service, method } = splitMethodPath(descriptor.path);
    const started = process.hrtime.bigint();
    let span: Span | undefined;
    return new grpc.ServerInterceptingCall(call, {
      start: (next) =>
        next({
          onReceiveMetadata: (metadata, nextMetadata) => {
            const parent = propagation.extract(context.active(), metadata, metadataGetter);
            span = tracer.startSpan(descriptor.path.slice(1), { kind: SpanKind.SERVER, attributes: { 'rpc.system': 'grpc', 'rpc.service': service, 'rpc.method': method } }, parent);
            callSpans.set(metadata, span);
            nextMetadata(metadata);
          },
        }),
      sendStatus: (status, next) => {
        const code = status.code ?? grpc.status.UNKNOWN;
        const codeName = grpc.status[code] ?? String(code);
        handled.inc({ grpc_service: service, grpc_method: method, grpc_code: codeName });
        seconds.observe({ grpc_service: service, grpc_method: method }, Number(process.hrtime.bigint() - started) / 1e9);
        span?.setAttribute('rpc.grpc.status_code', code);
        if (code !== grpc.status.OK) {
          span?.setStatus({ code: SpanStatusCode.ERROR, message: status.details });
          const level = code === grpc.status.INTERNAL || code === grpc.status.UNKNOWN ? 'error' : 'warn';
          logger[level]({ grpc_service: service, grpc_method: method, grpc_code: codeName, trace_id: span?.spanContext().traceId }, `${descriptor.path} failed: ${status.details ?? codeName}`);
        }
        span?.end();
        next(status);
      },
    });
  };
}
