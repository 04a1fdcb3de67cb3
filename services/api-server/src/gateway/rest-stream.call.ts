import * as grpc from '@grpc/grpc-js';
import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StreamCall } from '../rpc/server-stream';
import type { CallContext } from '../session/session.service';
import { streamErrorChunk } from './grpc-http.status';

/** Lines starting with ':' are comments to an EventSource: one every 15 s keeps proxies from closing an idle stream. */
const SSE_KEEPALIVE_MS = 15_000;
/** A client that does not read the closing frame is disconnected after this long. */
const CLOSE_GRACE_MS = 10_000;

/**
 * The REST side of a server-streaming call, written as grpc-gateway writes Argo CD's streams: one
 * `{"result": …}` JSON document per line, or, when the client asks for `text/event-stream` (the UI's
 * EventSource), each as a server-sent event `data: {"result": …}`. A failure ends the stream with
 * an `{"error": …}` frame, under the error's HTTP status when nothing was sent yet.
 */
export class RestStreamCall extends EventEmitter implements StreamCall<unknown, unknown> {
  readonly metadata: grpc.Metadata;
  private started = false;
  private done = false;
  private keepalive?: NodeJS.Timeout;
  private readonly sse: boolean;
  private readonly select?: (frame: unknown) => unknown;
  private readonly lastByKey = new Map<string, string>();

  constructor(
    req: IncomingMessage,
    private readonly res: ServerResponse,
    readonly request: unknown,
    metadata: grpc.Metadata,
    private readonly peer: string,
    readonly caller: CallContext | undefined,
    /** Converts a message to the JSON the client sees. */
    private readonly toJson: (message: unknown) => unknown,
    /**
     * Names what a frame is about (the app of a watch event): a frame identical to the last one sent
     * about the same thing is left out, as Argo's watch forwarder leaves it out.
     */
    private readonly keyOf?: (frame: { result: unknown }) => string | undefined,
  ) {
    super();
    this.metadata = metadata;
    this.sse = req.headers.accept === 'text/event-stream';
    this.select = fieldSelection(new URL(req.url ?? '/', 'http://gateway').searchParams.get('fields'));
    res.on('drain', () => this.emit('drain'));
    res.on('close', () => {
      clearInterval(this.keepalive);
      if (!this.done) {
        this.done = true;
        this.emit('cancelled');
      }
    });
  }

  getPeer(): string {
    return this.peer;
  }

  write(message: unknown): boolean {
    if (this.done) return true;
    this.start(200);
    const frame = { result: this.toJson(message) };
    const key = this.keyOf?.(frame);
    const text = this.frame(this.select ? this.select(frame) : frame);
    if (key !== undefined) {
      if (this.lastByKey.get(key) === text) return true;
      this.lastByKey.set(key, text);
    }
    return this.res.write(text);
  }

  end(): void {
    if (this.done) return;
    this.done = true;
    this.start(200);
    this.res.end();
  }

  override emit(event: string | symbol, ...args: unknown[]): boolean {
    if (event !== 'error') return super.emit(event, ...args);
    const status = (args[0] ?? {}) as Partial<grpc.StatusObject>;
    if (this.done) return true;
    this.done = true;
    const code = status.code ?? grpc.status.UNKNOWN;
    const chunk = streamErrorChunk(code, status.details ?? grpc.status[code]);
    this.start(chunk.error.http_code);
    this.res.end(this.frame(chunk));
    // A client that reads nothing would keep the answer (and the socket) forever.
    const timer = setTimeout(() => this.res.destroy(), CLOSE_GRACE_MS);
    timer.unref();
    this.res.once('close', () => clearTimeout(timer));
    return true;
  }

  private start(status: number): void {
    if (this.started) return;
    this.started = true;
    clearInterval(this.keepalive);
    const headers: Record<string, string> = { 'content-type': this.sse ? 'text/event-stream' : 'application/json' };
    if (this.sse) {
      headers['x-content-type-options'] = 'nosniff';
      headers['cache-control'] = 'no-cache';
    }
    this.res.writeHead(status, headers);
    this.res.flushHeaders();
    if (this.sse && status === 200) {
      this.keepalive = setInterval(() => this.res.write(':\n'), SSE_KEEPALIVE_MS);
      this.keepalive.unref();
    }
  }

  private frame(body: unknown): string {
    const json = JSON.stringify(body);
    return this.sse ? `data: ${json}\n\n` : `${json}\n`;
  }
}

/**
 * The `fields` query parameter Argo's stream forwarder honours (the UI asks for a few fields of each
 * watched app): `a.b,c` keeps those paths of each frame and what leads to them, `-a.b,c` drops them.
 */
export function fieldSelection(query: string | null): ((frame: unknown) => unknown) | undefined {
  if (!query) return undefined;
  const exclude = query.startsWith('-');
  const fields = new Set((exclude ? query.slice(1) : query).split(','));
  const visit = (path: string[], item: unknown): void => {
    if (Array.isArray(item)) {
      for (const element of item) visit(path, element);
      return;
    }
    if (item === null || typeof item !== 'object') return;
    const object = item as Record<string, unknown>;
    for (const key of Object.keys(object)) {
      const fieldPath = [...path, key].join('.');
      const named = fields.has(fieldPath);
      // As Argo's marshaler: a field is on the way to a named one when a name starts with its path.
      const leadsToNamed = named || [...fields].some((f) => f.startsWith(fieldPath));
      const keep = exclude ? !named : leadsToNamed;
      if (!keep) delete object[key];
      else if (!named) visit([...path, key], object[key]);
    }
  };
  return (frame) => {
    visit([], frame);
    return frame;
  };
}
