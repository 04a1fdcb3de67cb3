// The plumbing every fake source-code host shares in specs: a real http.Server on a free port, JSON
// answers, page-numbered pagination with RFC 8288 Link headers, and a one-shot rate-limit answer.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

export interface FakeRequest {
  method: string;
  /** The path as sent (segments still percent-encoded, so `group%2Fproject` stays one segment). */
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface FakeAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type FakeRoute = (req: FakeRequest, baseUrl: string) => FakeAnswer | undefined | Promise<FakeAnswer | undefined>;

export interface FakeHost {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** Every request the host answered, in order (method and path with query). */
  readonly requests: string[];
  /** The next request is answered with this instead of being routed (e.g. a rate-limit answer). */
  answerNextWith(answer: FakeAnswer): void;
  stop(): Promise<void>;
}

/** @param tls serve HTTPS with this key and certificate (PEM) instead of HTTP. */
export async function startFakeHost(route: FakeRoute, tls?: { key: string; cert: string }): Promise<FakeHost> {
  const requests: string[] = [];
  const pending: FakeAnswer[] = [];
  let baseUrl = '';
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', baseUrl);
      requests.push(`${req.method} ${url.pathname}${url.search}`);
      const fake: FakeRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      };
      const answer = pending.shift();
      Promise.resolve(answer ?? route(fake, baseUrl))
        .then((a) => send(res, a ?? { status: 404, body: { message: 'Not Found' } }))
        .catch((err: Error) => send(res, { status: 500, body: { message: err.message } }));
    });
  };
  const server = tls ? createTlsServer(tls, handle) : createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `${tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: baseUrl,
    requests,
    answerNextWith: (a) => void pending.push(a),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(res: ServerResponse, answer: FakeAnswer): void {
  const body = answer.body === undefined ? '' : JSON.stringify(answer.body);
  res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
  res.end(body);
}

/** The path's segments after `prefix`, each decoded; undefined when the path is not under `prefix`. */
export function segments(req: FakeRequest, prefix: string): string[] | undefined {
  if (!req.path.startsWith(`${prefix}/`)) return undefined;
  return req.path
    .slice(prefix.length + 1)
    .split('/')
    .map(decodeURIComponent);
}

/** One page of `items` (`page` from the query, 1-based), with `next`/`last` links when there are more. */
export function pageOf<T>(items: T[], req: FakeRequest, baseUrl: string, pageSize: number): FakeAnswer {
  const page = Math.max(1, Number(req.query.get('page') ?? '1') || 1);
  const last = Math.max(1, Math.ceil(items.length / pageSize));
  const link = (n: number, rel: string): string => {
    const query = new URLSearchParams(req.query);
    query.set('page', String(n));
    return `<${baseUrl}${req.path}?${query.toString()}>; rel="${rel}"`;
  };
  const links = page < last ? [link(page + 1, 'next'), link(last, 'last')] : [];
  return {
    status: 200,
    body: items.slice((page - 1) * pageSize, page * pageSize),
    headers: {
      ...(links.length ? { link: links.join(', ') } : {}),
      'x-page': String(page),
      'x-total-pages': String(last),
      'x-total': String(items.length),
    },
  };
}
