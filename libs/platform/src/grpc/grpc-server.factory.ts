import * as grpc from '@grpc/grpc-js';
import { context, trace } from '@opentelemetry/api';
import type { Logger } from 'pino';
import type { MetricsRegistry } from '../observability';
import { callSpans, observingInterceptor } from './grpc-server.interceptor';

/** One gRPC service a Nest provider implements: its generated definition and the implementation. */
export interface GrpcHandler {
  readonly definition: grpc.ServiceDefinition;
  implementation(): grpc.UntypedServiceImplementation;
}

export interface GrpcServerOptions {
  handlers: readonly GrpcHandler[];
  metrics: MetricsRegistry;
  logger: Logger;
  options?: grpc.ServerOptions;
}

type AnyCall = { metadata: grpc.Metadata };
type AnyHandler = (call: AnyCall, callback?: grpc.sendUnaryData<unknown>) => unknown;

/** A grpc-js server with tracing, metrics and error logs on every call. */
export function createGrpcServer(opts: GrpcServerOptions): grpc.Server {
  const server = new grpc.Server({ ...opts.options, interceptors: [observingInterceptor(opts.metrics, opts.logger), ...(opts.options?.interceptors ?? [])] });
  for (const handler of opts.handlers) {
    const implementation = handler.implementation();
    const wrapped: grpc.UntypedServiceImplementation = {};
    for (const [name, method] of Object.entries(handler.definition)) {
      // Like grpc-js, accept the proto name (Say) or the generated camelCase one (say).
      const fn = (implementation[name] ?? (method.originalName ? implementation[method.originalName] : undefined)) as AnyHandler | undefined;
      if (!fn) throw new Error(`gRPC handler for ${method.path.split('/')[1]} does not implement ${name}`);
      wrapped[name] = withCallContext(fn.bind(implementation), !method.requestStream && !method.responseStream) as grpc.UntypedHandleCall;
    }
    server.addService(handler.definition, wrapped);
  }
  return server;
}

/** Runs the handler inside its call's span so logs and outgoing calls carry the trace. */
function withCallContext(fn: AnyHandler, unary: boolean): AnyHandler {
  return (call, callback) => {
    const span = callSpans.get(call.metadata);
    const ctx = span ? trace.setSpan(context.active(), span) : context.active();
    return context.with(ctx, () => {
      try {
        const result = fn(call, callback);
        // An async unary handler that rejects would otherwise leave the call hanging.
        if (unary && callback && result instanceof Promise) result.catch((e: unknown) => callback(toServiceError(e), null));
        return result;
      } catch (e) {
        if (unary && callback) return callback(toServiceError(e), null);
        throw e;
      }
    });
  };
}

function toServiceError(e: unknown): Partial<grpc.StatusObject> {
  if (e && typeof e === 'object' && 'code' in e && typeof e.code === 'number' && e.code in grpc.status) {
    return { code: e.code, details: e instanceof Error ? e.message : String((e as { details?: unknown }).details) };
  }
  return { code: grpc.status.INTERNAL, details: e instanceof Error ? e.message : String(e) };
}
