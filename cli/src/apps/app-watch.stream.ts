// Follows one Application through the api-server's Watch stream, as argocd's app wait does
// (WatchApplicationWithRetry): every change arrives as it happens, and a broken stream is reopened.
import * as grpc from '@grpc/grpc-js';
import type { Application } from '@flotilla/api-types';
import { fromJsonObject } from '@flotilla/contracts';
import type { JsonObject__Output } from '@flotilla/contracts';
import { ApiCallError } from '../api/api.client';
import { describeError } from '../output/cli.error';

/** Codes a new stream would answer the same way: the watch stops with them instead of reopening. */
const PERMANENT = new Set([grpc.status.UNAUTHENTICATED, grpc.status.PERMISSION_DENIED, grpc.status.INVALID_ARGUMENT, grpc.status.UNIMPLEMENTED]);
const REOPEN_AFTER_MS = 1000;

/** One message of the stream: ADDED, MODIFIED or DELETED, and the app as it then was. */
interface ApplicationWatchEvent__Output {
  type: string;
  application: JsonObject__Output | null;
}

export class AppWatchStream {
  private readonly queue: Application[] = [];
  private wake?: () => void;
  private stream?: grpc.ClientReadableStream<ApplicationWatchEvent__Output>;
  private reopenTimer?: NodeJS.Timeout;
  private failure?: ApiCallError;
  private closed = false;

  constructor(
    private readonly open: () => grpc.ClientReadableStream<ApplicationWatchEvent__Output>,
    private readonly server: string,
  ) {
    this.connect();
  }

  /** The next state of the app, or undefined when `waitMs` pass first; throws if the watch was refused. */
  async next(waitMs: number): Promise<Application | undefined> {
    this.throwIfRefused();
    if (this.queue.length === 0 && waitMs > 0) {
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        if (Number.isFinite(waitMs)) timer = setTimeout(resolve, waitMs);
      });
      clearTimeout(timer);
      this.wake = undefined;
    }
    this.throwIfRefused();
    return this.queue.shift();
  }

  private throwIfRefused(): void {
    if (this.failure) throw this.failure;
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.reopenTimer);
    this.stream?.cancel();
    this.wake?.();
  }

  private connect(): void {
    const stream = this.open();
    this.stream = stream;
    stream.on('data', (event: ApplicationWatchEvent__Output) => {
      this.queue.push(fromJsonObject<Application>(event.application ?? { json: '{}' }, 'application'));
      this.wake?.();
    });
    stream.on('error', (err: grpc.ServiceError) => {
      if (this.closed || err.code === grpc.status.CANCELLED) return;
      if (PERMANENT.has(err.code)) {
        this.failure = new ApiCallError(describeError(err, this.server), err);
        this.wake?.();
      }
    });
    stream.on('close', () => {
      if (this.closed || this.failure || this.stream !== stream) return;
      this.reopenTimer = setTimeout(() => this.connect(), REOPEN_AFTER_MS);
    });
  }
}
