import type { ServerOptions } from '@grpc/grpc-js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { INestApplicationContext, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Logger } from 'pino';
import { createGrpcServer, GrpcAndHttpServer, GrpcHandler, serveGrpcAndHttp } from '../grpc';
import { MetricsRegistry, PinoNestLogger } from '../observability';
import { OpsServer, startOpsServer } from './ops-http.server';
import { LOGGER } from './platform.tokens';
import { ReadinessChecks } from './readiness.checks';

/** REST/JSON served on the gRPC port (api-server): a Nest provider with a Node request handler. */
export interface HttpHandler {
  handle(req: IncomingMessage, res: ServerResponse): void;
}

export interface BootstrapOptions {
  name: string;
  /** The service's root module; it must import PlatformModule.forRoot(...). */
  module: Type<unknown>;
  opsPort: number;
  host?: string;
  grpc?: { port: number; host?: string; handlers: Type<GrpcHandler>[]; httpHandler?: Type<HttpHandler>; options?: ServerOptions };
  /** How long in-flight gRPC calls may take to finish on shutdown. */
  drainMs?: number;
  /** Stop and exit on SIGTERM/SIGINT (default true; specs that call stop() themselves turn it off). */
  handleSignals?: boolean;
}

export interface RunningService {
  app: INestApplicationContext;
  grpcPort?: number;
  opsPort: number;
  stop(): Promise<void>;
}

/** Starts the Nest context (workers and watches start in its hooks), the ops endpoints, then gRPC. */
export async function bootstrapService(opts: BootstrapOptions): Promise<RunningService> {
  const app = await NestFactory.createApplicationContext(opts.module, { bufferLogs: true, abortOnError: false });
  const logger = app.get<Logger>(LOGGER, { strict: false });
  app.useLogger(app.get(PinoNestLogger, { strict: false }));
  app.flushLogs();
  const readiness = app.get(ReadinessChecks, { strict: false });
  const metrics = app.get(MetricsRegistry, { strict: false });
  let ops: OpsServer | undefined;
  let grpc: GrpcAndHttpServer | undefined;
  try {
    ops = await startOpsServer({ port: opts.opsPort, host: opts.host, readiness, metrics, logger });
    if (opts.grpc) grpc = await startGrpc(app, opts.grpc, metrics, logger);
  } catch (e) {
    await ops?.close();
    await app.close();
    throw e;
  }
  const stop = stopper(app, readiness, logger, ops, grpc, opts.drainMs ?? 10_000);
  if (opts.handleSignals ?? true) exitOnSignals(stop, logger);
  return { app, opsPort: ops.port, grpcPort: grpc?.port, stop };
}

async function startGrpc(app: INestApplicationContext, grpc: NonNullable<BootstrapOptions['grpc']>, metrics: MetricsRegistry, logger: Logger): Promise<GrpcAndHttpServer> {
  const handlers = grpc.handlers.map((h) => app.get(h, { strict: false }));
  const http = grpc.httpHandler ? app.get(grpc.httpHandler, { strict: false }) : undefined;
  const grpcServer = createGrpcServer({ handlers, metrics, logger, options: grpc.options });
  return serveGrpcAndHttp({ port: grpc.port, host: grpc.host, grpcServer, httpHandler: http ? (req, res) => http.handle(req, res) : undefined });
}

function stopper(app: INestApplicationContext, readiness: ReadinessChecks, logger: Logger, ops: OpsServer, grpc: GrpcAndHttpServer | undefined, drainMs: number): () => Promise<void> {
  let stopping: Promise<void> | undefined;
  const stop = async (): Promise<void> => {
    readiness.markShuttingDown();
    logger.info('shutting down: draining gRPC');
    await grpc?.close(drainMs);
    // Nest's destroy/shutdown hooks stop workers and watches, then close Redis.
    await app.close();
    await ops.close();
    logger.info('stopped');
    logger.flush();
  };
  return () => (stopping ??= stop());
}

function exitOnSignals(stop: () => Promise<void>, logger: Logger): void {
  const onSignal = (signal: NodeJS.Signals): void => {
    logger.info(`${signal} received`);
    stop().then(
      () => process.exit(0),
      (err: Error) => {
        logger.error({ err }, `shutdown failed: ${err.message}`);
        logger.flush();
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}

/** For main.ts: starts the service, logs where it listens, and exits 1 with the reason if it cannot start. */
export function runService(start: () => Promise<RunningService>, name = 'service'): void {
  start().then(
    (svc) => {
      const logger = svc.app.get<Logger>(LOGGER, { strict: false });
      logger.info({ grpcPort: svc.grpcPort, opsPort: svc.opsPort }, `${name} listening: ${svc.grpcPort === undefined ? '' : `gRPC+HTTP on ${svc.grpcPort}, `}ops on ${svc.opsPort}`);
    },
    (err: unknown) => {
      // Config errors and port clashes happen before any logger exists: stderr, plainly.
      process.stderr.write(`${name} failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
