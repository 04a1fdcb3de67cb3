import * as grpc from '@grpc/grpc-js';
import { fromKubeError } from '../hub/kube-errors';
import type { CallContext } from '../session/session.service';
import { toStatus } from './rpc-error';

/** Resolves a call's credentials to the caller (SessionService does). */
export interface Authenticator {
  authenticate(metadata: grpc.Metadata): Promise<CallContext>;
}

/** The parts of a unary call gRPC and the REST gateway both provide. */
export type Call<Req> = Pick<grpc.ServerUnaryCall<Req, unknown>, 'request' | 'metadata' | 'getPeer'> & {
  /**
   * The caller the REST gateway already authenticated before reading the body, so it is not
   * verified twice. Set only in-process: nothing on the wire can fill it.
   */
  readonly caller?: CallContext;
};
/** A unary handler over the parts of the call gRPC and the REST gateway both provide. */
export type UnaryHandler<Req, Res> = (call: Call<Req>, callback: grpc.sendUnaryData<Res>) => void;

const anonymousHandlers = new WeakSet<object>();

/** Whether a handler serves callers without a session; the gateway authenticates the others before reading a body. */
export const isAnonymous = (handler: object): boolean => anonymousHandlers.has(handler);

function respond<Res>(work: Promise<Res>, callback: grpc.sendUnaryData<Res>): void {
  work.then(
    (res) => callback(null, res),
    (err: unknown) => callback(toStatus(fromKubeError(err))),
  );
}

/** A method only a logged-in caller may use; the use case gets the caller's context. */
export function authenticated<Req, Res>(
  auth: Authenticator,
  fn: (req: Req, ctx: CallContext, metadata: grpc.Metadata) => Promise<Res>,
): UnaryHandler<Req, Res> {
  return (call, callback) =>
    respond(
      (call.caller ? Promise.resolve(call.caller) : auth.authenticate(call.metadata)).then((ctx) => fn(call.request, ctx, call.metadata)),
      callback,
    );
}

/** A method anyone may call (login, settings, version), as in Argo CD. */
export function anonymous<Req, Res>(fn: (req: Req, call: Call<Req>) => Promise<Res>): UnaryHandler<Req, Res> {
  const handler: UnaryHandler<Req, Res> = (call, callback) =>
    respond(
      Promise.resolve().then(() => fn(call.request, call)),
      callback,
    );
  anonymousHandlers.add(handler);
  return handler;
}
