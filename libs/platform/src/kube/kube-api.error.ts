/** A failed Kubernetes API call, carrying the HTTP code and the `Status` reason the server gave. */
export class KubeApiError extends Error {
  constructor(
    /** HTTP status; 0 when the server could not be reached. */
    readonly code: number,
    /** The Status `reason` (NotFound, AlreadyExists, Conflict, Invalid, Forbidden, …) or a transport error code. */
    readonly reason: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'KubeApiError';
  }

  get notFound(): boolean {
    return this.code === 404;
  }

  get conflict(): boolean {
    return this.code === 409;
  }

  /** True when the server never answered (refused, reset, DNS, TLS, timeout). */
  get unreachable(): boolean {
    return this.code === 0;
  }
}

export const isNotFound = (err: unknown): boolean => err instanceof KubeApiError && err.code === 404;
export const isAlreadyExists = (err: unknown): boolean => err instanceof KubeApiError && err.code === 409 && err.reason === 'AlreadyExists';
export const isConflict = (err: unknown): boolean => err instanceof KubeApiError && err.code === 409 && err.reason !== 'AlreadyExists';

/** Builds the error from a response body, which is a `Status` object for API errors. */
export function kubeApiErrorFrom(statusCode: number, body: string, what: string): KubeApiError {
  let status: { reason?: string; message?: string; details?: unknown } | undefined;
  try {
    const parsed = JSON.parse(body) as { kind?: string; reason?: string; message?: string; details?: unknown };
    if (parsed && typeof parsed === 'object' && parsed.kind === 'Status') status = parsed;
  } catch {
    status = undefined;
  }
  const reason = status?.reason || reasonForCode(statusCode);
  const message = status?.message || body.trim().slice(0, 300) || reason;
  return new KubeApiError(statusCode, reason, `${what}: ${message}`, status?.details);
}

function reasonForCode(code: number): string {
  switch (code) {
    case 400:
      return 'BadRequest';
    case 401:
      return 'Unauthorized';
    case 403:
      return 'Forbidden';
    case 404:
      return 'NotFound';
    case 405:
      return 'MethodNotAllowed';
    case 409:
      return 'Conflict';
    case 410:
      return 'Expired';
    case 415:
      return 'UnsupportedMediaType';
    case 422:
      return 'Invalid';
    case 429:
      return 'TooManyRequests';
    case 500:
      return 'InternalError';
    case 503:
      return 'ServiceUnavailable';
    case 504:
      return 'Timeout';
    default:
      return code >= 500 ? 'InternalError' : 'Unknown';
  }
}
