import * as grpc from '@grpc/grpc-js';
import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StreamCall } from '../rpc/server-stream';
import type { CallContext } from '../session/session.service';
import { streamErrorChunk } from './grpc-http.status';
import { acceptsGzip, FlushingGzip } from './response.compression';

/** Lines starting with ':' are comments to an EventSource: one every 15 s keeps proxies from closing an idle stream. */
const SSE_KEEPALIVE_MS = 15_000;
/**
 * Messages taken before the sender is asked to wait: a watch starts with every app at once (10,000
 * or more in one go), more than the sender's own queue allows. Only references wait here.
 */
const MAX_WAITING = 100_000;
/** Bytes of frames the socket (or gzip) may hold for a slow client before conversion pauses. */
const BUFFERED_BYTES = 8 * 1024 * 1024;
/**
 * Frames are made (JSON, field selection) in slices of this long, each written before the next is
 * made: the first of a watch's 10,000 apps reach the client in milliseconds, not after all are made.
 */
const SLICE_MS = 8;
/**
 * An event stream with nothing to send yet (a watch resumed from a resourceVersion) still answers its
 * headers after this long, so the EventSource knows it is connected (and the UI drops its banner).
 */
const SSE_OPEN_MS = 500;
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
  /** The UI's EventSource accepts gzip: a watch's first burst (every app) is then ~8x smaller on the wire. */
  private readonly zip?: FlushingGzip;
  private waiting: unknown[] = [];
  private head = 0;
  private converting = false;
  /** write() said false: the sender waits for 'drain'. */
  private owesDrain = false;
  /** The transport is full: conversion resumes at its drain. */
  private transportFull = false;
  /** The stream's end (or error frame), once every waiting message is out. */
  private ending?: () => void;

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
    if (this.sse && acceptsGzip(req)) {
      this.zip = new FlushingGzip(res);
      this.zip.onDrain(() => this.transportDrained());
    } else res.on('drain', () => this.transportDrained());
    if (this.sse) {
      const opening = setTimeout(() => !this.done && this.start(200), SSE_OPEN_MS);
      opening.unref();
      res.once('close', () => clearTimeout(opening));
    }
    res.on('close', () => {
      clearInterval(this.keepalive);
      this.waiting = [];
      this.head = 0;
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
    if (this.done || this.ending) return true;
    this.start(200);
    this.waiting.push(message);
    this.schedule();
    if (this.waiting.length - this.head < MAX_WAITING) return true;
    this.owesDrain = true;
    return false;
  }

  private schedule(): void {
    if (this.converting || this.transportFull) return;
    this.converting = true;
    setImmediate(() => this.convert());
  }

  /** Makes and writes frames for one slice of time, then yields to the event loop (and the socket). */
  private convert(): void {
    this.converting = false;
    const started = performance.now();
    while (this.head < this.waiting.length && !this.transportFull && performance.now() - started < SLICE_MS) {
      const message = this.waiting[this.head];
      this.waiting[this.head++] = undefined;
      this.transportFull = !this.writeFrame(message);
    }
    if (this.head < this.waiting.length) return this.transportFull ? undefined : this.schedule();
    this.waiting = [];
    this.head = 0;
    if (this.owesDrain) {
      this.owesDrain = false;
      this.emit('drain');
    }
    const ending = this.ending;
    this.ending = undefined;
    ending?.();
  }

  private transportDrained(): void {
    this.transportFull = false;
    if (this.head < this.waiting.length || this.ending) this.schedule();
  }

  /** The message as a frame, unless it repeats the last frame about the same thing; false when the transport is full. */
  private writeFrame(message: unknown): boolean {
    if (this.done && !this.ending) return true;
    const frame = { result: this.toJson(message) };
    const key = this.keyOf?.(frame);
    const text = this.frame(this.select ? this.select(frame) : frame);
    if (key !== undefined) {
      if (this.lastByKey.get(key) === text) return true;
      this.lastByKey.set(key, text);
    }
    return this.send(text);
  }

  /** Runs `fn` once every waiting message is written. */
  private afterWaiting(fn: () => void): void {
    if (this.head >= this.waiting.length) return fn();
    this.ending = fn;
    this.schedule();
  }

  private send(text: string): boolean {
    if (this.zip) return this.zip.write(text) || this.zip.buffered < BUFFERED_BYTES;
    return this.res.write(text) || this.res.writableLength < BUFFERED_BYTES;
  }

  private finish(text?: string): void {
    if (this.zip) this.zip.end(text);
    else if (text === undefined) this.res.end();
    else this.res.end(text);
  }

  end(): void {
    if (this.done) return;
    this.done = true;
    this.start(200);
    this.afterWaiting(() => this.finish());
  }

  override emit(event: string | symbol, ...args: unknown[]): boolean {
    if (event !== 'error') return super.emit(event, ...args);
    const status = (args[0] ?? {}) as Partial<grpc.StatusObject>;
    if (this.done) return true;
    this.done = true;
    const code = status.code ?? grpc.status.UNKNOWN;
    const chunk = streamErrorChunk(code, status.details ?? grpc.status[code]);
    this.start(chunk.error.http_code);
    this.afterWaiting(() => {
      this.finish(this.frame(chunk));
      // A client that reads nothing would keep the answer (and the socket) forever.
      const timer = setTimeout(() => this.res.destroy(), CLOSE_GRACE_MS);
      timer.unref();
      this.res.once('close', () => clearTimeout(timer));
    });
    return true;
  }

  private start(status: number): void {
    if (this.started) return;
    this.started = true;
    clearInterval(this.keepalive);
    const headers: Record<string, string> = { 'content-type': this.sse ? 'text/event-stream' : 'application/json' };
    if (this.zip) headers['content-encoding'] = 'gzip';
    if (this.sse) {
      headers['x-content-type-options'] = 'nosniff';
      headers['cache-control'] = 'no-cache';
    }
    this.res.writeHead(status, headers);
    this.res.flushHeaders();
    if (this.sse && status === 200) {
      this.keepalive = setInterval(() => this.send(':\n'), SSE_KEEPALIVE_MS);
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
  // Whether a path leads to a named field is asked of every key of every frame: remembered, up to a bound.
  const leading = (path: string): boolean => {
    for (const f of fields) if (f.startsWith(path)) return true;
    return false;
  };
  const leadsCache = new Map<string, boolean>();
  const leadsTo = (path: string): boolean => {
    let known = leadsCache.get(path);
    if (known !== undefined) return known;
    known = leading(path);
    if (leadsCache.size < 10_000) leadsCache.set(path, known);
    return known;
  };
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
      const leadsToNamed = named || leadsTo(fieldPath);
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
