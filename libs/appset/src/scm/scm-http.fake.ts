// A real local HTTP(S) server the host fakes build on: it checks the Authorization header (401 without), records
// what was asked, answers one rate-limit on demand, and routes the rest to the host's own handler.
import { once } from 'node:events';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

export interface FakeRequest {
  /** The decoded path, e.g. /api/v1/repos/acme/web/pulls. */
  path: string;
  /** The path as sent, still percent-encoded. */
  rawPath: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** This server's origin, for the absolute next-page links some hosts send. */
  origin: string;
}

export interface FakeAnswer {
  status: number;
  /** Sent as JSON, unless `rawBody` is given. */
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface FakeHostOptions {
  /** The Authorization header(s) a request may carry; undefined lets anonymous requests through. */
  authorization?: string | string[];
  /** What a request with other credentials gets (401 by default; Azure DevOps sends a sign-in page). */
  unauthorized?: (req: FakeRequest) => FakeAnswer;
  /** The host's endpoints; undefined answers 404. */
  route: (req: FakeRequest) => FakeAnswer | undefined;
  /** Serve HTTPS with this key pair instead of plain HTTP. */
  tls?: { key: string; cert: string };
}

export interface FakeHost {
  url: string;
  /** Every request that reached the server, in order (authorized or not). */
  requests: FakeRequest[];
  /** The next request is answered `status` (429 by default) with these headers, once. */
  rateLimitNext(headers?: Record<string, string>, status?: number): void;
  close(): Promise<void>;
}

export async function startFakeHost(options: FakeHostOptions): Promise<FakeHost> {
  const requests: FakeRequest[] = [];
  let rateLimit: { headers: Record<string, string>; status: number } | undefined;
  let origin = '';
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', origin);
    const fake: FakeRequest = {
      path: decodeURIComponent(url.pathname),
      rawPath: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      origin,
    };
    requests.push(fake);
    const answer = (a: FakeAnswer) => {
      res.writeHead(a.status, { 'content-type': 'application/json', ...a.headers });
      res.end(a.rawBody ?? (a.body === undefined ? '' : JSON.stringify(a.body)));
    };
    if (rateLimit) {
      const { headers, status } = rateLimit;
      rateLimit = undefined;
      return answer({ status, headers, body: { message: 'API rate limit exceeded' } });
    }
    const allowed = options.authorization === undefined ? undefined : ([] as string[]).concat(options.authorization);
    if (allowed && !allowed.includes(req.headers.authorization ?? '')) {
      return answer(options.unauthorized?.(fake) ?? { status: 401, body: { message: 'Unauthorized' } });
    }
    try {
      answer(options.route(fake) ?? { status: 404, body: { message: `no such resource: ${fake.path}` } });
    } catch (err) {
      answer({ status: 500, body: { message: (err as Error).message } });
    }
  };
  const server: Server = options.tls ? createHttpsServer(options.tls, handle) : createHttpServer(handle);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  origin = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  return {
    url: origin,
    requests,
    rateLimitNext(headers = { 'retry-after': '7' }, status = 429) {
      rateLimit = { headers, status };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** One page of `items`, counting pages from 1, as the page/limit hosts do. */
export function pageOf<T>(items: T[], page: number, size: number): T[] {
  return items.slice((page - 1) * size, page * size);
}

/** The integer query parameter `name`, or `fallback` when absent or not a number. */
export function intParam(query: URLSearchParams, name: string, fallback: number): number {
  const n = Number(query.get(name));
  return query.has(name) && Number.isInteger(n) ? n : fallback;
}
