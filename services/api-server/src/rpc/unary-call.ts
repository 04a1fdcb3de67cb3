import * as grpc from '@grpc/grpc-js';
import { fromKubeError } from '../hub/kube-errors';
import type { CallContext } from '../session/session.service';
import { toStatus } from './rpc-error';

/** Resolves a call's credentials to the caller (SessionService does). */
export interface Authenticator {
  authenticate(metadata: grpc.Metadata): Promise<CallContext>;
}

type Call<Req> = Pick<grpc.ServerUnaryCall<Req, unknown>, 'request' | 'metadata'>;
/** A unary handler over the parts of the call gRPC and the REST gateway both provide. */
export type UnaryHandler<Req, Res> = (call: Call<Req>, callback: grpc.sendUnaryData<Res>) => void;

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
      auth.authenticate(call.metadata).then((ctx) => fn(call.request, ctx, call.metadata)),
      callback,
    );
}

/** A method anyone may call (login, settings, version), as in Argo CD. */
export function anonymous<Req, Res>(fn: (req: Req, metadata: grpc.Metadata) => Promise<Res>): UnaryHandler<Req, Res> {
  return (call, callback) =>
    respond(
      Promise.resolve().then(() => fn(call.request, call.metadata)),
      callback,
    );
}
