import * as grpc from '@grpc/grpc-js';
import type { GrpcHandler } from '@flotilla/platform';
import { RpcError } from './rpc-error';

type UnaryFn = (
  call: Pick<grpc.ServerUnaryCall<unknown, unknown>, 'request' | 'metadata'>,
  callback: grpc.sendUnaryData<unknown>,
) => unknown;

/** Calls a unary gRPC method in-process, so the REST gateway runs exactly the handler code gRPC clients reach. */
export interface UnaryInvoker {
  has(methodPath: string): boolean;
  invoke(methodPath: string, request: unknown, metadata: grpc.Metadata): Promise<unknown>;
}

/** The implementations of every served gRPC service, by method path (`/application.ApplicationService/Get`). */
export class RpcRegistry implements UnaryInvoker {
  private readonly methods = new Map<string, UnaryFn>();

  constructor(handlers: readonly GrpcHandler[]) {
    for (const handler of handlers) {
      const implementation = handler.implementation();
      for (const [name, method] of Object.entries(handler.definition)) {
        const fn = (implementation[name] ?? (method.originalName ? implementation[method.originalName] : undefined)) as UnaryFn | undefined;
        if (fn && !method.requestStream && !method.responseStream) this.methods.set(method.path, fn.bind(implementation));
      }
    }
  }

  has(methodPath: string): boolean {
    return this.methods.has(methodPath);
  }

  invoke(methodPath: string, request: unknown, metadata: grpc.Metadata): Promise<unknown> {
    const fn = this.methods.get(methodPath);
    if (!fn) return Promise.reject(new RpcError(grpc.status.UNIMPLEMENTED, `method ${methodPath} is not served`));
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
        const result = fn({ request, metadata }, callback);
        if (result instanceof Promise) result.catch(reject);
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  }
}
