import * as grpc from '@grpc/grpc-js';
import type { GrpcHandler } from '@flotilla/platform';
import type { CallContext } from '../session/session.service';
import { RpcError } from './rpc-error';
import type { StreamCall } from './server-stream';
import { Call, isAnonymous } from './unary-call';

type UnaryFn = (call: Call<unknown>, callback: grpc.sendUnaryData<unknown>) => unknown;
type StreamFn = (call: StreamCall<unknown, unknown>) => unknown;

/** Where a call came from, as the transport (never the client) says. */
export interface CallOrigin {
  metadata: grpc.Metadata;
  /** `host:port` of the connection, as grpc-js's `getPeer()` gives it. */
  peer: string;
  /** The caller, when the transport already verified the session. */
  caller?: CallContext;
}

/** Calls a unary gRPC method in-process, so the REST gateway runs exactly the handler code gRPC clients reach. */
export interface UnaryInvoker {
  has(methodPath: string): boolean;
  /** Whether the method needs a session; unmarked handlers are taken to need one. */
  requiresSession(methodPath: string): boolean;
  invoke(methodPath: string, request: unknown, origin: CallOrigin): Promise<unknown>;
  /** Starts a server-streaming method writing to `call` (the REST gateway's side of the stream). */
  stream(methodPath: string, call: StreamCall<unknown, unknown>): void;
}

interface Method {
  fn: UnaryFn;
  anonymous: boolean;
}

/** The implementations of every served gRPC service, by method path (`/application.ApplicationService/Get`). */
export class RpcRegistry implements UnaryInvoker {
  private readonly methods = new Map<string, Method>();
  private readonly streams = new Map<string, StreamFn>();

  constructor(handlers: readonly GrpcHandler[]) {
    for (const handler of handlers) {
      const implementation = handler.implementation();
      for (const [name, method] of Object.entries(handler.definition)) {
        const fn = (implementation[name] ?? (method.originalName ? implementation[method.originalName] : undefined)) as UnaryFn | undefined;
        if (fn && !method.requestStream && !method.responseStream)
          this.methods.set(method.path, { fn: fn.bind(implementation), anonymous: isAnonymous(fn) });
        else if (fn && !method.requestStream && method.responseStream)
          this.streams.set(method.path, (fn as unknown as StreamFn).bind(implementation));
      }
    }
  }

  has(methodPath: string): boolean {
    return this.methods.has(methodPath) || this.streams.has(methodPath);
  }

  requiresSession(methodPath: string): boolean {
    // Every streaming method needs a session.
    return !this.methods.get(methodPath)?.anonymous;
  }

  stream(methodPath: string, call: StreamCall<unknown, unknown>): void {
    const fn = this.streams.get(methodPath);
    if (!fn) {
      call.emit('error', { code: grpc.status.UNIMPLEMENTED, details: `method ${methodPath} is not served` });
      return;
    }
    fn(call);
  }

  invoke(methodPath: string, request: unknown, origin: CallOrigin): Promise<unknown> {
    const method = this.methods.get(methodPath);
    if (!method) return Promise.reject(new RpcError(grpc.status.UNIMPLEMENTED, `method ${methodPath} is not served`));
    const call: Call<unknown> = { request, metadata: origin.metadata, getPeer: () => origin.peer, caller: origin.caller };
    return new Promise((resolve, reject) => {
      const callback: grpc.sendUnaryData<unknown> = (error, value) => {
        if (!error) return resolve(value);
        const code = typeof error.code === 'number' ? error.code : grpc.status.UNKNOWN;
        reject(
          new RpcError(
            code,
            error.details ?? ('message' in error && typeof error.message === 'string' ? error.message : grpc.status[code]),
          ),
        );
      };
      try {
        const result = method.fn(call, callback);
        if (result instanceof Promise) result.catch(reject);
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  }
}
