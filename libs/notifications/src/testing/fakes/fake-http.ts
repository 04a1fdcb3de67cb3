import { once } from 'node:events';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

// What the chat-service fakes share: a node:http server on a free port that records every request
// and can be told to answer the next requests some other way (a 429 with Retry-After, a 503).

export interface FakeHttpRequest {
  readonly method: string;
  /** The path with its query string. */
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

export interface FakeAnswer {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
}

export abstract class FakeHttpServer {
  readonly requests: FakeHttpRequest[] = [];
  /** Answers used before the fake's own, one per request, e.g. rate limits. */
  readonly interruptions: FakeAnswer[] = [];
  url = '';
  private server?: http.Server;

  /** The provider's own answer to a request. */
  protected abstract answer(req: FakeHttpRequest): FakeAnswer | Promise<FakeAnswer>;

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const request: FakeHttpRequest = {
          method: req.method ?? '',
          url: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        };
        this.requests.push(request);
        const interruption = this.interruptions.shift();
        Promise.resolve(interruption ?? this.answer(request)).then(
          (a) => reply(res, a),
          (err: Error) => reply(res, { status: 500, body: err.message }),
        );
      });
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

function reply(res: http.ServerResponse, answer: FakeAnswer): void {
  const text = answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
  const type = typeof answer.body === 'object' && answer.body !== null ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8';
  res.writeHead(answer.status, { 'content-type': type, ...answer.headers }).end(text);
}

/** The request body as JSON, or undefined when it is not JSON. */
export function jsonBody(req: FakeHttpRequest): unknown {
  try {
    return JSON.parse(req.body) as unknown;
  } catch {
    return undefined;
  }
}
