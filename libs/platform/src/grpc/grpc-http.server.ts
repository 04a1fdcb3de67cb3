import * as grpc from '@grpc/grpc-js';
import { createServer as createHttpServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo, createServer as createNetServer, Server, Socket } from 'node:net';

/** A plain Node request handler (REST/JSON, health) served beside gRPC. */
export type HttpRequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

export interface GrpcAndHttpOptions {
  port: number;
  host?: string;
  grpcServer: grpc.Server;
  /** Answers HTTP/1.1; without one, HTTP/1.1 requests get 404. */
  httpHandler?: HttpRequestHandler;
}

export interface GrpcAndHttpServer {
  readonly port: number;
  /** Stops accepting, lets in-flight calls finish for up to graceMs, then cuts the rest. */
  close(graceMs?: number): Promise<void>;
}

const H2_PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n');
const SNIFF_TIMEOUT_MS = 10_000;

/** One TCP port for gRPC (h2c with prior knowledge) and HTTP/1.1, told apart by the connection's first bytes. */
export async function serveGrpcAndHttp(opts: GrpcAndHttpOptions): Promise<GrpcAndHttpServer> {
  const injector = opts.grpcServer.createConnectionInjector(grpc.ServerCredentials.createInsecure());
  const http = createHttpServer(opts.httpHandler ?? ((_req, res) => res.writeHead(404).end()));
  const sockets = new Set<Socket>();
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    sniff(socket, (isHttp2) => {
      if (isHttp2) return injector.injectConnection(socket);
      http.emit('connection', socket);
      // http's parser reads the handle directly; resuming replays the sniffed bytes through its 'data' listener.
      socket.resume();
    });
  });
  const port = await listen(server, opts.port, opts.host ?? '0.0.0.0');
  let closing: Promise<void> | undefined;
  return {
    port,
    close(graceMs = 10_000) {
      closing ??= shutdown(server, http, opts.grpcServer, injector, sockets, graceMs);
      return closing;
    },
  };
}

/** Reads until the bytes either match the HTTP/2 preface or cannot, then puts them back for the real parser. */
function sniff(socket: Socket, route: (isHttp2: boolean) => void): void {
  let seen = Buffer.alloc(0);
  const timer = setTimeout(() => socket.destroy(), SNIFF_TIMEOUT_MS);
  const done = (isHttp2: boolean): void => {
    clearTimeout(timer);
    socket.off('data', onData);
    socket.off('error', onError);
    socket.pause();
    socket.unshift(seen);
    route(isHttp2);
  };
  const onData = (chunk: Buffer): void => {
    seen = Buffer.concat([seen, chunk]);
    const n = Math.min(seen.length, H2_PREFACE.length);
    if (!seen.subarray(0, n).equals(H2_PREFACE.subarray(0, n))) done(false);
    else if (n === H2_PREFACE.length) done(true);
  };
  const onError = (): void => {
    clearTimeout(timer);
    socket.destroy();
  };
  socket.on('data', onData);
  socket.on('error', onError);
}

async function shutdown(server: Server, http: ReturnType<typeof createHttpServer>, grpcServer: grpc.Server, injector: grpc.ConnectionInjector, sockets: Set<Socket>, graceMs: number): Promise<void> {
  const stopped = new Promise<void>((r) => server.close(() => r()));
  http.close();
  http.closeIdleConnections();
  injector.drain(graceMs);
  const drained = new Promise<boolean>((r) => grpcServer.tryShutdown(() => r(true)));
  const timedOut = new Promise<boolean>((r) => setTimeout(() => r(false), graceMs).unref());
  if (!(await Promise.race([drained, timedOut]))) grpcServer.forceShutdown();
  injector.destroy();
  http.closeAllConnections();
  // Connections still sniffing or upgraded belong to neither server; end them too.
  for (const s of sockets) s.destroy();
  await stopped;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
