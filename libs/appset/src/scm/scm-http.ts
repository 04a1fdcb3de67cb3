// One small JSON-over-HTTPS client shared by the Gitea, Bitbucket Server, Bitbucket Cloud and Azure DevOps hosts:
// auth header, timeout, bounded body, TLS options, errors that name the host but never the credentials, and the
// rate-limit answers the generators retry after. node:https rather than fetch because Node 20's fetch takes a
// custom CA or skips verification only through an undici Agent, and the undici package is not a dependency.
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { rootCertificates } from 'node:tls';
import { GeneratorError } from '../generators/generator.types';
import { ScmRateLimitError } from './scm.types';

/** How a host wants its credentials: Gitea `token`, Bitbucket/Azure basic, OAuth-style bearer, or none. */
export type ScmAuth =
  | { kind: 'none' }
  | { kind: 'token'; token: string }
  | { kind: 'bearer'; token: string }
  | { kind: 'basic'; username: string; password: string };

export interface ScmHttpOptions {
  /** The host's name for messages, e.g. "Gitea". */
  host: string;
  /** The API root every path is joined to, e.g. https://gitea.example.com/api/v1. */
  baseUrl: string;
  /** Resolved once, on the first request (secrets are read lazily); a rejection is passed on unchanged. */
  auth: () => Promise<ScmAuth>;
  headers?: Record<string, string>;
  /** Skip TLS verification (Argo's `insecure`). */
  insecure?: boolean;
  /** CA certificates (PEM) trusted besides the system's, resolved on the first request (Argo's `caRef`). */
  caPem?: () => Promise<string | undefined>;
  timeoutMs?: number;
  maxBytes?: number;
}

export interface ScmResponse<T> {
  status: number;
  headers: IncomingHttpHeaders;
  body: T;
}

export type Query = Record<string, string | number | boolean | undefined>;

/** The host answered with an error status; `status` lets callers tell "not found" from the rest. */
export class ScmHttpError extends Error {
  override readonly name = 'ScmHttpError';
  constructor(
    message: string,
    readonly status: number,
    /** The host's JSON error body when it sent one (Azure DevOps puts its `typeKey` there). */
    readonly body?: unknown,
  ) {
    super(message);
  }
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;
/** When a host says "slow down" without saying for how long. */
const DEFAULT_RETRY_AFTER_MS = 60_000;

export class ScmHttpClient {
  private readonly base: URL;
  private ready?: Promise<{ auth: ScmAuth; agent?: HttpsAgent }>;
  private secrets: string[] = [];

  constructor(private readonly options: ScmHttpOptions) {
    this.base = parseBaseUrl(options.host, options.baseUrl);
  }

  get host(): string {
    return this.options.host;
  }

  /** The absolute URL of `path` (already encoded) under the base, with `query` appended. */
  url(path: string, query: Query = {}): URL {
    const url = new URL(this.base.href.replace(/\/+$/, '') + path);
    for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, String(v));
    return url;
  }

  /** GET `path` (or an absolute next-page URL on the same origin) and parse JSON; error statuses throw. */
  async getJson<T>(pathOrUrl: string | URL, query?: Query): Promise<ScmResponse<T>> {
    const url = typeof pathOrUrl === 'string' ? this.url(pathOrUrl, query) : pathOrUrl;
    if (url.origin !== this.base.origin) {
      throw new Error(
        `${this.options.host} API ${this.describe(this.base)} sent a next-page link to another origin (${url.origin}); refusing to send credentials there`,
      );
    }
    const res = await this.send(url);
    const text = res.body;
    let body: unknown = undefined;
    if (text.length > 0) {
      try {
        body = JSON.parse(text);
      } catch {
        if (res.status < 400)
          throw new Error(`${this.where(url)} answered ${res.status} with a body that is not JSON${htmlHint(res.headers)}`);
      }
    }
    if (res.status === 429 || (res.status === 403 && isRateLimited(res.headers))) {
      throw new ScmRateLimitError(`${this.where(url)} is rate limiting requests (${res.status})`, retryAfterMs(res.headers));
    }
    if (res.status >= 400) {
      throw new ScmHttpError(`${this.where(url)} answered ${res.status}${this.detail(body, text)}`, res.status, body);
    }
    return { status: res.status, headers: res.headers, body: body as T };
  }

  /** Whether GET `path` answers 2xx (true) or 404 (false); any other answer throws as getJson does. */
  async exists(path: string, query?: Query): Promise<boolean> {
    try {
      await this.getJson(path, query);
      return true;
    } catch (err) {
      if (err instanceof ScmHttpError && err.status === 404) return false;
      throw err;
    }
  }

  private async prepare(): Promise<{ auth: ScmAuth; agent?: HttpsAgent }> {
    if (this.ready) return this.ready;
    const ready = (async () => {
      const auth = await this.options.auth();
      if (auth.kind === 'basic') this.secrets.push(auth.password, basic(auth.username, auth.password));
      else if (auth.kind !== 'none') this.secrets.push(auth.token);
      const ca = await this.options.caPem?.();
      const agent =
        this.base.protocol === 'https:' && (this.options.insecure || ca)
          ? new HttpsAgent({ rejectUnauthorized: !this.options.insecure, ...(ca ? { ca: [...rootCertificates, ca] } : {}) })
          : undefined;
      return { auth, agent };
    })();
    this.ready = ready;
    // A failed secret read is retried on the next call rather than remembered forever.
    void ready.catch(() => {
      if (this.ready === ready) this.ready = undefined;
    });
    return ready;
  }

  private async send(url: URL): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
    const { auth, agent } = await this.prepare();
    const headers: Record<string, string> = { accept: 'application/json', ...this.options.headers };
    if (auth.kind === 'token') headers.authorization = `token ${auth.token}`;
    if (auth.kind === 'bearer') headers.authorization = `Bearer ${auth.token}`;
    if (auth.kind === 'basic') headers.authorization = `Basic ${basic(auth.username, auth.password)}`;
    const timeoutMs = this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const maxBytes = this.options.maxBytes ?? DEFAULT_MAX_BYTES;
    const requestFn = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      // A whole-answer deadline, not only an idle-socket one, so a host that drips bytes cannot hold a generator.
      const deadline = setTimeout(() => req.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      const fail = (why: string) => {
        clearTimeout(deadline);
        reject(new Error(`${this.where(url)}: ${this.mask(why)}`));
      };
      const req = requestFn(url, { method: 'GET', headers, agent }, (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            res.destroy();
            req.destroy();
            fail(`response is larger than ${maxBytes} bytes`);
          } else chunks.push(chunk);
        });
        res.on('end', () => {
          clearTimeout(deadline);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') });
        });
        res.on('error', (err) => fail(err.message));
      });
      req.on('error', (err) => fail(err.message));
      req.end();
    });
  }

  /** "Gitea API GET https://host/path" without any userinfo in the URL. */
  private where(url: URL): string {
    return `${this.options.host} API GET ${this.describe(url)}`;
  }

  private describe(url: URL): string {
    const shown = new URL(url.href);
    shown.username = '';
    shown.password = '';
    return shown.href;
  }

  private detail(body: unknown, text: string): string {
    const message = errorMessage(body) ?? text.trim();
    if (!message) return '';
    return `: ${this.mask(message.length > 300 ? `${message.slice(0, 300)}…` : message)}`;
  }

  private mask(text: string): string {
    return this.secrets.filter((s) => s.length > 0).reduce((out, secret) => out.split(secret).join('***'), text);
  }
}

function parseBaseUrl(host: string, baseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error(`${host} API URL ${JSON.stringify(baseUrl)} is not a valid URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`${host} API URL must be http or https, not ${url.protocol}`);
  return url;
}

const basic = (username: string, password: string): string => Buffer.from(`${username}:${password}`).toString('base64');

/** The human part of the hosts' error bodies: Gitea `message`, Bitbucket Server `errors[].message`, Cloud `error.message`, Azure `message`. */
function errorMessage(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const b = body as { message?: unknown; errors?: { message?: unknown }[]; error?: { message?: unknown } };
  if (typeof b.message === 'string') return b.message;
  if (Array.isArray(b.errors) && typeof b.errors[0]?.message === 'string') return b.errors[0].message;
  if (typeof b.error?.message === 'string') return b.error.message;
  return undefined;
}

/** Hosts behind a sign-in page (Azure DevOps answers 203 with one for a bad PAT) send HTML where JSON was asked for. */
function htmlHint(headers: IncomingHttpHeaders): string {
  return String(headers['content-type'] ?? '').includes('text/html') ? ' but an HTML page (a sign-in page? check the credentials)' : '';
}

/** A 403 that is a rate limit rather than a refusal: the host says so in its rate-limit headers. */
function isRateLimited(headers: IncomingHttpHeaders): boolean {
  return headers['x-ratelimit-remaining'] === '0' || headers['retry-after'] !== undefined;
}

/** Retry-After as seconds or an HTTP date; else an X-RateLimit-Reset epoch; else a minute. */
export function retryAfterMs(headers: IncomingHttpHeaders, now = Date.now()): number {
  const value = headers['retry-after'];
  if (typeof value === 'string' && value.trim() !== '') {
    const seconds = Number(value);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const at = Date.parse(value);
    if (!Number.isNaN(at)) return Math.max(0, at - now);
  }
  const reset = Number(headers['x-ratelimit-reset']);
  if (Number.isFinite(reset) && reset > 0) return Math.max(0, reset * 1000 - now);
  return DEFAULT_RETRY_AFTER_MS;
}

/** Encodes each segment of a repository file path, keeping the slashes between them. */
export function encodePath(path: string): string {
  return path
    .split('/')
    .filter((s) => s !== '')
    .map(encodeURIComponent)
    .join('/');
}

/** A `*Ref` field of a host spec as { secretName, key }; anything else is a GeneratorError naming the field. */
export function secretRefOf(ref: unknown, field: string): { secretName: string; key: string } {
  const r = ref as { secretName?: unknown; key?: unknown } | null;
  if (!r || typeof r !== 'object' || typeof r.secretName !== 'string' || !r.secretName || typeof r.key !== 'string' || !r.key) {
    throw new GeneratorError(`${field} must name a secretName and a key`);
  }
  return { secretName: r.secretName, key: r.key };
}

/** A required string field of a host spec; missing or empty is a GeneratorError naming it. */
export function requiredString(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new GeneratorError(`${field} is required`);
  return value;
}

/** An optional list-of-strings field of a host spec (e.g. `labels`); anything else is a GeneratorError naming it. */
export function stringList(value: unknown, field: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw new GeneratorError(`${field} must be a list of strings`);
  return value as string[];
}
