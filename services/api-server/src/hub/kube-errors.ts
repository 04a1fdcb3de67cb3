import * as grpc from '@grpc/grpc-js';
import { KubeApiError } from '@flotilla/platform';
import { RpcError } from '../rpc/rpc-error';

// Kubernetes API errors become the gRPC codes Argo CD's server answers with (util/grpc/errors.go).
const CODES: Record<number, grpc.status> = {
  400: grpc.status.INVALID_ARGUMENT,
  401: grpc.status.UNAUTHENTICATED,
  403: grpc.status.PERMISSION_DENIED,
  404: grpc.status.NOT_FOUND,
  405: grpc.status.UNIMPLEMENTED,
  409: grpc.status.ALREADY_EXISTS,
  410: grpc.status.OUT_OF_RANGE,
  422: grpc.status.INVALID_ARGUMENT,
  429: grpc.status.RESOURCE_EXHAUSTED,
  503: grpc.status.UNAVAILABLE,
  504: grpc.status.DEADLINE_EXCEEDED,
};

/** Translates a KubeApiError (a 409 Conflict is a stale write, not an existing object); other errors pass through. */
export function fromKubeError(err: unknown): unknown {
  if (!(err instanceof KubeApiError)) return err;
  const code = err.code === 409 && err.reason === 'Conflict' ? grpc.status.FAILED_PRECONDITION : (CODES[err.code] ?? grpc.status.UNKNOWN);
  return new RpcError(code, err.message);
}

export const isKubeNotFound = (err: unknown): boolean => err instanceof KubeApiError && err.code === 404;
export const isKubeConflict = (err: unknown): boolean => err instanceof KubeApiError && err.code === 409 && err.reason === 'Conflict';
export const isKubeAlreadyExists = (err: unknown): boolean =>
  err instanceof KubeApiError && err.code === 409 && err.reason === 'AlreadyExists';

/**
 * Retries a read-modify-write when another writer got there first (a stale resourceVersion, or a
 * create racing another create), as Argo CD's server does.
 */
export async function retryOnConflict<T>(attempt: () => Promise<T>, attempts = 10): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (err) {
      if (!(isKubeConflict(err) || isKubeAlreadyExists(err)) || i >= attempts) throw err;
    }
  }
}
