import * as grpc from '@grpc/grpc-js';
import { context, propagation } from '@opentelemetry/api';
import { metadataSetter } from './grpc-trace.metadata';

export interface GrpcClientOptions {
  /** Insecure (h2c) by default: services talk inside the cluster network. */
  credentials?: grpc.ChannelCredentials;
  /** Sent as `authorization` on every call that does not set its own (a static value or a provider). */
  authorization?: string | (() => string | undefined);
  channelOptions?: grpc.ChannelOptions;
  interceptors?: grpc.Interceptor[];
}

type ClientCtor<T> = new (address: string, credentials: grpc.ChannelCredentials, options?: grpc.ClientOptions) => T;

/** Injects the caller's trace context, and the configured authorization, into outgoing metadata. */
export function tracingClientInterceptor(authorization?: GrpcClientOptions['authorization']): grpc.Interceptor {
  return (options, nextCall) => {
    // Captured now: the caller's context, not whatever is active when grpc-js starts the call.
    const ctx = context.active();
    return new grpc.InterceptingCall(nextCall(options), {
      start: (metadata, listener, next) => {
        propagation.inject(ctx, metadata, metadataSetter);
        const auth = typeof authorization === 'function' ? authorization() : authorization;
        if (auth && metadata.get('authorization').length === 0) metadata.set('authorization', auth);
        next(metadata, listener);
      },
    });
  };
}

/** A generated (or proto-loader) client with trace propagation and optional authorization. */
export function createGrpcClient<T extends grpc.Client>(Client: ClientCtor<T>, address: string, opts: GrpcClientOptions = {}): T {
  return new Client(address, opts.credentials ?? grpc.credentials.createInsecure(), {
    ...opts.channelOptions,
    interceptors: [tracingClientInterceptor(opts.authorization), ...(opts.interceptors ?? [])],
  });
}

type UnaryCallback<Res> = (error: grpc.ServiceError | null, response: Res) => void;
type UnaryMethod<Req, Res> = (request: Req, metadata: grpc.Metadata, options: Partial<grpc.CallOptions>, callback: UnaryCallback<Res>) => grpc.ClientUnaryCall;
// Generated clients overload each method; `infer` reads the last, most complete overload.
type UnaryArgs<F> = F extends (...args: infer P) => grpc.ClientUnaryCall ? (P extends [infer Req, grpc.Metadata, Partial<grpc.CallOptions>, UnaryCallback<infer Res>] ? [Req, Res] : never) : never;
type RequestOf<F> = UnaryArgs<F>[0];
type ResponseOf<F> = UnaryArgs<F>[1];
/** The names of a client's unary methods. */
export type UnaryMethodName<C> = { [K in keyof C]: UnaryArgs<C[K]> extends never ? never : K }[keyof C] & string;

export interface UnaryOptions {
  /** Defaults to 30 s so that a stuck peer cannot hold the caller forever. */
  deadlineMs?: number;
  metadata?: grpc.Metadata | Record<string, string>;
}

/** Calls a unary method and resolves with its response, rejecting with the grpc.ServiceError. */
export function unary<C extends grpc.Client, M extends UnaryMethodName<C>>(client: C, method: M, request: RequestOf<C[M]>, opts: UnaryOptions = {}): Promise<ResponseOf<C[M]>> {
  const metadata = opts.metadata instanceof grpc.Metadata ? opts.metadata : toMetadata(opts.metadata);
  const fn = client[method] as unknown as UnaryMethod<RequestOf<C[M]>, ResponseOf<C[M]>> | undefined;
  if (typeof fn !== 'function') return Promise.reject(new TypeError(`gRPC client has no method ${method}`));
  return new Promise((resolve, reject) => {
    fn.call(client, request, metadata, { deadline: Date.now() + (opts.deadlineMs ?? 30_000) }, (error, response) => (error ? reject(error) : resolve(response)));
  });
}

function toMetadata(values: Record<string, string> = {}): grpc.Metadata {
  const md = new grpc.Metadata();
  for (const [k, v] of Object.entries(values)) md.set(k, v);
  return md;
}
