import * as grpc from '@grpc/grpc-js';
import { fromKubeError } from '../hub/kube-errors';
import type { CallContext } from '../session/session.service';
import { RpcError, toStatus } from './rpc-error';
import type { Authenticator, Call } from './unary-call';

/**
 * The parts of a server-streaming call that grpc-js's ServerWritableStream and the REST gateway's
 * stream both provide, so one handler serves gRPC and REST.
 */
export interface StreamCall<Req, Res> extends Call<Req> {
  /** False when the transport's buffer is full: wait for 'drain' before writing more. */
  write(message: Res): boolean;
  end(): void;
  /** Ends the stream with a status instead of OK (grpc-js reads an 'error' event this way). */
  emit(event: 'error', status: Partial<grpc.StatusObject>): boolean;
  on(event: 'drain' | 'cancelled' | 'close' | 'finish', listener: () => void): this;
}

/** Where a streaming handler sends its messages; sending never waits for the client. */
export interface StreamSink<Res> {
  send(message: Res): void;
  /** Aborted when the client goes away or the stream is closed for falling behind. */
  readonly signal: AbortSignal;
}

/**
 * Sends a stream's messages as fast as its client reads them. Messages the transport cannot take yet
 * wait in a queue of at most `limit`; one more closes the stream with RESOURCE_EXHAUSTED, so a client
 * that does not read costs a bounded amount of memory and never holds up whoever feeds the stream.
 */
export class BoundedStreamSender<Res> implements StreamSink<Res> {
  private readonly queue: Res[] = [];
  private readonly controller = new AbortController();
  private blocked = false;
  private closing?: Partial<grpc.StatusObject>;
  private closed = false;

  constructor(
    private readonly call: StreamCall<unknown, Res>,
    readonly limit: number,
  ) {
    const gone = (): void => {
      if (!this.closing) this.controller.abort();
      this.closed = true;
    };
    call.on('cancelled', gone);
    call.on('close', gone);
    call.on('drain', () => this.flush());
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  send(message: Res): void {
    if (this.closing || this.closed) return;
    if (this.blocked || this.queue.length > 0) {
      if (this.queue.length >= this.limit) return this.overflow();
      this.queue.push(message);
      return;
    }
    if (!this.call.write(message)) this.blocked = true;
  }

  /** Ends the stream once what is queued is written: OK, or the status of `err`. */
  finish(err?: unknown): void {
    if (this.closing || this.closed) return;
    this.closing = err === undefined ? { code: grpc.status.OK } : toStatus(fromKubeError(err));
    this.controller.abort();
    if (!this.blocked && this.queue.length === 0) this.close();
  }

  private overflow(): void {
    this.queue.length = 0;
    this.closing = toStatus(
      new RpcError(
        grpc.status.RESOURCE_EXHAUSTED,
        `stream closed: the client did not keep up, and more than ${this.limit} messages were waiting to be sent`,
      ),
    );
    this.controller.abort();
    this.close();
  }

  private flush(): void {
    this.blocked = false;
    while (this.queue.length > 0 && !this.closed) {
      if (!this.call.write(this.queue.shift() as Res)) {
        this.blocked = true;
        return;
      }
    }
    if (this.closing && !this.closed) this.close();
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    const status = this.closing;
    if (!status || status.code === grpc.status.OK) this.call.end();
    else this.call.emit('error', status);
  }
}

/**
 * A server-streaming method only a logged-in caller may use. `fn` sends with the sink and returns
 * when the stream is complete (a watch returns when `sink.signal` aborts); what it throws ends the
 * stream with that status, after whatever it already sent.
 */
export function authenticatedStream<Req, Res>(
  auth: Authenticator,
  bufferLimit: number,
  fn: (req: Req, ctx: CallContext, sink: StreamSink<Res>) => Promise<void>,
): (call: StreamCall<Req, Res>) => void {
  return (call) => {
    const sender = new BoundedStreamSender<Res>(call, bufferLimit);
    (call.caller ? Promise.resolve(call.caller) : auth.authenticate(call.metadata))
      .then((ctx) => fn(call.request, ctx, sender))
      .then(
        () => sender.finish(),
        (err: unknown) => sender.finish(err),
      );
  };
}
