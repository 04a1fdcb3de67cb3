import { status, type ServiceError } from '@grpc/grpc-js';

/** A failure the user can act on: printed as `FATA[…] message`, exit code 1 (argocd's log.Fatal); an empty message prints nothing. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

// Go's codes.Code String() names, which argocd prints in `rpc error: code = … desc = …`.
const CODE_NAMES = [
  'OK',
  'Canceled',
  'Unknown',
  'InvalidArgument',
  'DeadlineExceeded',
  'NotFound',
  'AlreadyExists',
  'PermissionDenied',
  'ResourceExhausted',
  'FailedPrecondition',
  'Aborted',
  'OutOfRange',
  'Unimplemented',
  'Internal',
  'Unavailable',
  'DataLoss',
  'Unauthenticated',
];

export const isServiceError = (err: unknown): err is ServiceError =>
  err instanceof Error && typeof (err as Partial<ServiceError>).code === 'number' && 'metadata' in err;

/** The gRPC status code's Go name ("NotFound"), or `Code(n)` for one outside the table. */
export const grpcCodeName = (code: number): string => CODE_NAMES[code] ?? `Code(${code})`;

/** The text argocd shows for an error; `server` names the address when it could not be reached. */
export function describeError(err: unknown, server?: string): string {
  if (isServiceError(err)) {
    if (err.code === status.UNAVAILABLE && server && /No connection established|ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT|Connection dropped/i.test(err.details)) {
      // grpc-js appends an empty "Resolution note:" when name resolution had nothing to say.
      return `Failed to establish connection to ${server}: ${err.details.replace(/\.?\s*Resolution note:\s*$/, '')}`;
    }
    return `rpc error: code = ${grpcCodeName(err.code)} desc = ${err.details}`;
  }
  return err instanceof Error ? err.message : String(err);
}
