// gitbeaker's transport swapped for the shared ScmHttpClient: GitLab then gets what the other hosts
// have (a custom CA from `caRef`, `insecure`, a whole-answer timeout, Retry-After honoured as a
// ScmRateLimitError) where gitbeaker's own fetch transport could give none of them on Node 20.
import type { Query, ScmHttpClient } from '../scm-http';

interface GitbeakerResponse {
  body: unknown;
  headers: Record<string, string>;
  status: number;
}

interface GitbeakerRequester {
  get(endpoint: string, options?: { searchParams?: Record<string, unknown> }): Promise<GitbeakerResponse>;
  post(): Promise<GitbeakerResponse>;
  put(): Promise<GitbeakerResponse>;
  patch(): Promise<GitbeakerResponse>;
  delete(): Promise<GitbeakerResponse>;
}

/** snake_case, as GitLab names query parameters (gitbeaker takes them camelCased). */
const snake = (key: string): string => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function query(params: Record<string, unknown> = {}): Query {
  const out: Query = {};
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    // gitbeaker hands on what the caller passed and what it read back from a next-page link: strings, numbers, booleans.
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out[snake(key)] = value;
    else throw new Error(`GitLab query parameter ${key} is not a plain value`);
  }
  return out;
}

/** A gitbeaker `requesterFn` that only reads: the generators never write to GitLab. */
export function gitLabRequester(client: ScmHttpClient): () => GitbeakerRequester {
  const readOnly = (): Promise<GitbeakerResponse> => Promise.reject(new Error('the GitLab generators only read from GitLab'));
  return () => ({
    async get(endpoint, options) {
      const res = await client.getJson<unknown>(`/${endpoint}`, query(options?.searchParams));
      const headers = Object.fromEntries(
        Object.entries(res.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v ?? '')]),
      );
      return { body: res.body, headers, status: res.status };
    },
    post: readOnly,
    put: readOnly,
    patch: readOnly,
    delete: readOnly,
  });
}
