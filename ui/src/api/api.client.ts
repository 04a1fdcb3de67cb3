// The REST API as the UI calls it: same origin, the session in the `argocd.token` cookie the login sets.
// Errors carry the server's message (grpc-gateway's `{error, code, message}` body).

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Unauthorized = () => void;
let onUnauthorized: Unauthorized = () => undefined;

/** What happens when the session is gone (a 401): the app sends the user to the login page. */
export function setUnauthorizedHandler(fn: Unauthorized): void {
  onUnauthorized = fn;
}

export type Query = Record<string, string | number | boolean | undefined | readonly string[]>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === '') continue;
    if (Array.isArray(v)) for (const item of v as readonly string[]) params.append(k, item);
    else params.append(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export async function request<T>(method: string, path: string, opts: { query?: Query; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  const res = await fetch(withQuery(path, opts.query), {
    method,
    credentials: 'same-origin',
    headers: opts.body === undefined ? {} : { 'content-type': 'application/json' },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    signal: opts.signal,
  });
  const text = await res.text();
  if (!res.ok) {
    if (res.status === 401 && !path.startsWith('/api/v1/session')) onUnauthorized();
    throw new ApiError(errorMessage(text, res), res.status, errorCode(text));
  }
  return (text ? JSON.parse(text) : {}) as T;
}

function errorMessage(text: string, res: Response): string {
  try {
    const body = JSON.parse(text) as { message?: string; error?: string };
    return body.message || body.error || `${res.status} ${res.statusText}`;
  } catch {
    return text.trim() || `${res.status} ${res.statusText}`;
  }
}

function errorCode(text: string): number | undefined {
  try {
    return (JSON.parse(text) as { code?: number }).code;
  } catch {
    return undefined;
  }
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, query?: Query) => request<T>('POST', path, { body: body ?? {}, query }),
  put: <T>(path: string, body: unknown, query?: Query) => request<T>('PUT', path, { body, query }),
  patch: <T>(path: string, body: unknown, query?: Query) => request<T>('PATCH', path, { body, query }),
  delete: <T>(path: string, query?: Query) => request<T>('DELETE', path, { query }),
};
