import * as grpc from '@grpc/grpc-js';
import { STATUS_CODES } from 'node:http';

// grpc-gateway's HTTPStatusFromCode, which Argo CD's REST API answers with.
// https://github.com/grpc-ecosystem/grpc-gateway/blob/main/runtime/errors.go
const HTTP_STATUS: Record<number, number> = {
  [grpc.status.OK]: 200,
  [grpc.status.CANCELLED]: 499,
  [grpc.status.UNKNOWN]: 500,
  [grpc.status.INVALID_ARGUMENT]: 400,
  [grpc.status.DEADLINE_EXCEEDED]: 504,
  [grpc.status.NOT_FOUND]: 404,
  [grpc.status.ALREADY_EXISTS]: 409,
  [grpc.status.PERMISSION_DENIED]: 403,
  [grpc.status.UNAUTHENTICATED]: 401,
  [grpc.status.RESOURCE_EXHAUSTED]: 429,
  // Deliberately not 412: grpc-gateway reserves that for HTTP preconditions.
  [grpc.status.FAILED_PRECONDITION]: 400,
  [grpc.status.ABORTED]: 409,
  [grpc.status.OUT_OF_RANGE]: 400,
  [grpc.status.UNIMPLEMENTED]: 501,
  [grpc.status.INTERNAL]: 500,
  [grpc.status.UNAVAILABLE]: 503,
  [grpc.status.DATA_LOSS]: 500,
};

export const httpStatusOf = (code: number): number => HTTP_STATUS[code] ?? 500;

/** The JSON error body grpc-gateway writes: `error` repeats `message` for older Argo CD clients. */
export const errorBody = (code: number, message: string): { error: string; code: number; message: string } => ({
  error: message,
  code,
  message,
});

/**
 * How grpc-gateway ends a stream that fails (the HTTP status is `http_code` when nothing was sent
 * yet): one more frame, `{"error": {grpc_code, http_code, message, http_status}}`.
 */
export const streamErrorChunk = (
  code: number,
  message: string,
): { error: { grpc_code: number; http_code: number; message: string; http_status: string } } => {
  const httpCode = httpStatusOf(code);
  return { error: { grpc_code: code, http_code: httpCode, message, http_status: STATUS_CODES[httpCode] ?? '' } };
};
