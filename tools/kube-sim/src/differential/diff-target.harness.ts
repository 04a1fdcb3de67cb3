import { request as httpRequest, IncomingMessage } from 'node:http';
import { request as httpsRequest, RequestOptions } from 'node:https';

/** Where a target is and how to authenticate to it, as a kubeconfig's cluster and user say. */
export interface TargetAccess {
  url: string;
  /** PEM of the CA to trust; absent for plain HTTP. */
  caPem?: string;
  token?: string;
  clientCertPem?: string;
  clientKeyPem?: string;
}

export interface DiffResponse {
  status: number;
  contentType: string;
  body: Buffer;
  text: string;
  /** The body as JSON, or undefined when it is not JSON. */
  json: any;
}

export interface RequestOptionsLite {
  body?: unknown;
  contentType?: string;
  accept?: string;
  headers?: Record<string, string>;
}

export interface WatchEvent {
  type: string;
  object: any;
}

/** An open watch: the events seen so far and how it ended. */
export interface OpenWatch {
  readonly status: number;
  readonly events: WatchEvent[];
  /** Resolves when the server ends the stream (or it fails); `error` says how it failed. */
  readonly ended: Promise<{ afterMs: number; error?: string }>;
  stop(): void;
}

/** One API server the differential cases run against: kube-sim in-process or a real cluster. */
export interface DiffTarget {
  readonly kind: 'kube-sim' | 'real';
  request(method: string, path: string, opts?: RequestOptionsLite): Promise<DiffResponse>;
  watch(path: string): Promise<OpenWatch>;
}

/** Raw HTTP against one target, so cases see status codes and bodies as any client would. */
export class DiffTargetClient implements DiffTarget {
  constructor(
    readonly kind: 'kube-sim' | 'real',
    private readonly access: TargetAccess,
  ) {}

  async request(method: string, path: string, opts: RequestOptionsLite = {}): Promise<DiffResponse> {
    const body = opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
    const res = await this.open(method, path, opts, body);
    const chunks: Buffer[] = [];
    for await (const c of res) chunks.push(c as Buffer);
    const buf = Buffer.concat(chunks);
    const text = buf.toString();
    return { status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), body: buf, text, json: parseJson(text) };
  }

  async watch(path: string): Promise<OpenWatch> {
    const started = Date.now();
    const res = await this.open('GET', path, {}, undefined);
    const events: WatchEvent[] = [];
    let rest = '';
    const ended = new Promise<{ afterMs: number; error?: string }>((resolve) => {
      const done = (error?: string): void => resolve({ afterMs: Date.now() - started, ...(error ? { error } : {}) });
      res.on('data', (c: Buffer) => {
        const lines = (rest + c.toString()).split('\n');
        rest = lines.pop() ?? '';
        for (const l of lines) if (l.trim()) events.push(parseJson(l) ?? { type: 'UNPARSED', object: l });
      });
      res.on('end', () => done());
      res.on('error', (e) => done(e.message));
      res.on('aborted', () => done('aborted'));
    });
    return { status: res.statusCode ?? 0, events, ended, stop: () => res.destroy() };
  }

  private open(method: string, path: string, opts: RequestOptionsLite, body: string | undefined): Promise<IncomingMessage> {
    const url = new URL(path, this.access.url);
    const headers: Record<string, string> = { Accept: opts.accept ?? 'application/json', ...opts.headers };
    if (this.access.token) headers.Authorization = `Bearer ${this.access.token}`;
    if (body !== undefined) headers['Content-Type'] = opts.contentType ?? 'application/json';
    const tls: RequestOptions = { ca: this.access.caPem, cert: this.access.clientCertPem, key: this.access.clientKeyPem };
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      // agent: false so a watch left open by a failed case never holds a pooled socket another case waits for.
      const req = send(url, { method, headers, agent: false, ...tls }, resolve);
      req.on('error', reject);
      req.end(body);
    });
  }
}

function parseJson(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
