import * as grpc from '@grpc/grpc-js';
import { JsonObjectError } from '@flotilla/contracts';

/** A failure with the gRPC status a caller gets; the message is shown to users, so it never holds secrets. */
export class RpcError extends Error {
  constructor(
    readonly code: grpc.status,
    message: string,
  ) {
    super(message);
    this.name = 'RpcError';
  }
}

export const invalidArgument = (message: string): RpcError => new RpcError(grpc.status.INVALID_ARGUMENT, message);
export const notFound = (message: string): RpcError => new RpcError(grpc.status.NOT_FOUND, message);
export const alreadyExists = (message: string): RpcError => new RpcError(grpc.status.ALREADY_EXISTS, message);
export const failedPrecondition = (message: string): RpcError => new RpcError(grpc.status.FAILED_PRECONDITION, message);
export const permissionDenied = (message = 'permission denied'): RpcError => new RpcError(grpc.status.PERMISSION_DENIED, message);
export const unauthenticated = (message: string): RpcError => new RpcError(grpc.status.UNAUTHENTICATED, message);
export const unavailable = (message: string): RpcError => new RpcError(grpc.status.UNAVAILABLE, message);

/** Something with a numeric gRPC code, as grpc-js reports errors from a peer (repo-server). */
const hasGrpcCode = (e: unknown): e is { code: number; details?: string; message?: string } =>
  typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'number' && e.code in grpc.status && e.code !== 0;

/** The status object grpc-js sends for any error a use case throws. */
export function toStatus(err: unknown): Partial<grpc.StatusObject> {
  if (err instanceof RpcError) return { code: err.code, details: err.message };
  if (err instanceof JsonObjectError) return { code: grpc.status.INVALID_ARGUMENT, details: err.message };
  if (hasGrpcCode(err)) return { code: err.code, details: err.details ?? err.message ?? grpc.status[err.code] };
  return { code: grpc.status.UNKNOWN, details: err instanceof Error ? err.message : String(err) };
}
