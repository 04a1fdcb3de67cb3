// gzip for the REST gateway's answers when the client accepts it: a list of 10,000 Applications is
// ~9 MiB of JSON and ~1 MiB gzipped. Streams are compressed too, each batch of frames flushed at once
// (Z_SYNC_FLUSH after the frames written in one turn of the event loop), so nothing waits in zlib.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { constants, createGzip, gzip, type Gzip } from 'node:zlib';

/** Smaller answers gain little and cost a round through zlib. */
const MIN_BYTES = 1024;
/** Speed over the last few per cent: JSON this repetitive shrinks ~8x even at a low level. */
const LEVEL = 3;

export const acceptsGzip = (req: IncomingMessage): boolean => /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));

/** Sends `body` with `headers`, gzipped when the client accepts it and it is worth it. */
export function sendBody(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  headers: Record<string, string | string[]>,
  body: string,
): void {
  if (Buffer.byteLength(body) < MIN_BYTES) {
    res.writeHead(status, headers).end(body);
    return;
  }
  if (!acceptsGzip(req)) {
    res.writeHead(status, { ...headers, vary: 'accept-encoding' }).end(body);
    return;
  }
  gzip(body, { level: LEVEL }, (err, zipped) => {
    if (res.destroyed) return;
    if (err) res.writeHead(status, { ...headers, vary: 'accept-encoding' }).end(body);
    else res.writeHead(status, { ...headers, 'content-encoding': 'gzip', vary: 'accept-encoding' }).end(zipped);
  });
}

/**
 * A stream's body through gzip: the frames written in one turn of the event loop go to zlib as one
 * chunk, then Z_SYNC_FLUSH. zlib compresses each chunk as its own job on the thread pool, whose
 * answer needs a turn of the event loop; a busy stream writing frames one by one got about one frame
 * compressed per turn (a watch's first 200 apps took a second to reach the client).
 */
export class FlushingGzip {
  private readonly zip: Gzip;
  private batch: string[] = [];
  private batchBytes = 0;
  private flushQueued = false;

  constructor(res: ServerResponse) {
    this.zip = createGzip({ level: LEVEL });
    this.zip.pipe(res);
    res.once('close', () => this.zip.destroy());
  }

  /** false when the caller should wait for `onDrain`, as for a socket. */
  write(text: string): boolean {
    this.batch.push(text);
    this.batchBytes += text.length;
    if (!this.flushQueued) {
      this.flushQueued = true;
      setImmediate(() => {
        this.flushQueued = false;
        if (this.zip.destroyed || this.zip.writableEnded) return;
        this.writeBatch();
        this.zip.flush(constants.Z_SYNC_FLUSH);
      });
    }
    return !this.zip.writableNeedDrain;
  }

  /** Bytes written and not yet compressed. */
  get buffered(): number {
    return this.zip.writableLength + this.batchBytes;
  }

  onDrain(fn: () => void): void {
    this.zip.on('drain', fn);
  }

  end(text?: string): void {
    if (text !== undefined) this.batch.push(text);
    if (!this.zip.destroyed && !this.zip.writableEnded) this.writeBatch();
    this.zip.end();
  }

  private writeBatch(): void {
    if (this.batch.length === 0) return;
    const text = this.batch.length === 1 ? this.batch[0] : this.batch.join('');
    this.batch = [];
    this.batchBytes = 0;
    this.zip.write(text);
  }
}
