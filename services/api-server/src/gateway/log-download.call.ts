import * as grpc from '@grpc/grpc-js';
import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StreamCall } from '../rpc/server-stream';
import type { CallContext } from '../session/session.service';

/** Kubernetes' resource name rule (a DNS-1123 subdomain), which a part of the file name must pass. */
const RESOURCE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const validName = (v: string | null): v is string => !!v && v.length <= 253 && RESOURCE_NAME.test(v);

/** Go's name of a gRPC code (PermissionDenied), as `rpc error: code = … desc = …` prints it. */
const goCodeName = (code: grpc.status): string =>
  code === grpc.status.CANCELLED
    ? 'Canceled'
    : (grpc.status[code] ?? 'Unknown')
        .toLowerCase()
        .replace(/(^|_)([a-z])/g, (_m, _u: string, c: string) => c.toUpperCase());

/**
 * PodLogs with `download=true`, as Argo's logs forwarder answers the UI's download button: the lines
 * as plain text, one per line, in an attachment named `<namespace>-<podName>-<container>.log` (`log.log`
 * unless all three are valid names), until the last entry. A failure is written as its error text.
 */
export class LogDownloadCall extends EventEmitter implements StreamCall<unknown, { content?: string; last?: boolean }> {
  readonly metadata: grpc.Metadata;
  private started = false;
  private done = false;

  constructor(
    private readonly req: IncomingMessage,
    private readonly res: ServerResponse,
    readonly request: unknown,
    metadata: grpc.Metadata,
    private readonly peer: string,
    readonly caller: CallContext | undefined,
  ) {
    super();
    this.metadata = metadata;
    res.on('drain', () => this.emit('drain'));
    res.on('close', () => {
      if (!this.done) {
        this.done = true;
        this.emit('cancelled');
      }
    });
  }

  getPeer(): string {
    return this.peer;
  }

  write(entry: { content?: string; last?: boolean }): boolean {
    if (this.done) return true;
    this.start();
    if (entry.last) {
      this.finish();
      return true;
    }
    return this.res.write(`${entry.content ?? ''}\n`);
  }

  end(): void {
    if (this.done) return;
    this.start();
    this.finish();
  }

  override emit(event: string | symbol, ...args: unknown[]): boolean {
    if (event !== 'error') return super.emit(event, ...args);
    if (this.done) return true;
    const status = (args[0] ?? {}) as Partial<grpc.StatusObject>;
    const code = status.code ?? grpc.status.UNKNOWN;
    this.start();
    this.res.write(`rpc error: code = ${goCodeName(code)} desc = ${status.details ?? ''}`);
    this.finish();
    return true;
  }

  /** Ends the answer and tells the handler to stop, as the last entry ends Argo's download. */
  private finish(): void {
    this.done = true;
    this.res.end();
    super.emit('cancelled');
  }

  private start(): void {
    if (this.started) return;
    this.started = true;
    const query = new URL(this.req.url ?? '/', 'http://gateway').searchParams;
    const [namespace, podName, container] = [query.get('namespace'), query.get('podName'), query.get('container')];
    const file = validName(namespace) && validName(podName) && validName(container) ? `${namespace}-${podName}-${container}` : 'log';
    this.res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-disposition': `attachment;filename="${file}.log"` });
  }
}
