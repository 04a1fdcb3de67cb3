import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { Injectable, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { loadConfig, platformEnv } from '../config';
import { GrpcHandler, unary } from '../grpc';
import { defineQueue, QueueFactory } from '../queue';
import { RedisClient } from '../redis';
import { PlatformModule } from './platform.module';
import { ReadinessChecks } from './readiness.checks';
import { bootstrapService, HttpHandler, RunningService } from './service.bootstrap';

const dir = mkdtempSync(join(tmpdir(), 'platform-bootstrap-'));
writeFileSync(join(dir, 'ping.proto'), 'syntax = "proto3"; package spec.ping; service Ping { rpc Ping (Msg) returns (Msg); } message Msg { string text = 1; }');
const PingCtor = (grpc.loadPackageDefinition(protoLoader.loadSync(join(dir, 'ping.proto'))) as any).spec.ping.Ping as grpc.ServiceClientConstructor;
const events: string[] = [];
const failing = { message: '' };
let withWorker = true;

@Injectable()
class PingHandler implements GrpcHandler {
  readonly definition = PingCtor.service;
  constructor(private readonly readiness: ReadinessChecks) {}
  implementation(): grpc.UntypedServiceImplementation {
    return { ping: (call: grpc.ServerUnaryCall<{ text: string }, unknown>, cb: grpc.sendUnaryData<{ text: string }>) => cb(null, { text: `pong ${call.request.text}` }) };
  }
}

@Injectable()
class RestHandler implements HttpHandler {
  handle(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ path: req.url }));
  }
}

@Injectable()
class Worker implements OnModuleInit, OnApplicationShutdown {
  constructor(
    private readonly queues: QueueFactory,
    private readonly readiness: ReadinessChecks,
  ) {}
  onModuleInit(): void {
    // A BullMQ worker abandoned at shutdown with Redis down keeps its retry timer; real services exit after stop().
    if (withWorker) this.queues.worker(defineQueue<{ n: number }>(`spec-${randomUUID().slice(0, 6)}`), () => Promise.resolve());
    this.readiness.register('informers', () => (failing.message ? Promise.reject(new Error(failing.message)) : Promise.resolve()));
    events.push('init');
  }
  onApplicationShutdown(): void {
    events.push('shutdown');
  }
}

function moduleFor(redisUrl: string): any {
  const config = loadConfig(z.object(platformEnv), { FLOTILLA_REDIS_URL: redisUrl, FLOTILLA_LOG_LEVEL: 'silent', FLOTILLA_QUEUE_PREFIX: `spec-boot-${randomUUID().slice(0, 8)}` });
  @Module({ imports: [PlatformModule.forRoot({ service: 'spec-svc', config })], providers: [PingHandler, RestHandler, Worker] })
  class SpecModule {}
  return SpecModule;
}

describe('bootstrapService', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves ops endpoints, gRPC and HTTP, and shuts down through Nest hooks', async () => {
    const svc: RunningService = await bootstrapService({
      name: 'spec-svc',
      module: moduleFor('redis://127.0.0.1:6379'),
      opsPort: 0,
      host: '127.0.0.1',
      grpc: { port: 0, host: '127.0.0.1', handlers: [PingHandler], httpHandler: RestHandler },
      handleSignals: false,
    });
    const ops = `http://127.0.0.1:${svc.opsPort}`;
    try {
      expect(events).toContain('init');
      expect(await (await fetch(`${ops}/healthz`)).text()).toBe('ok');
      // Not ready until Redis has connected: poll as a kubelet would.
      let ready = await fetch(`${ops}/readyz`);
      for (let i = 0; i < 50 && ready.status !== 200; i++) {
        await new Promise((r) => setTimeout(r, 100));
        ready = await fetch(`${ops}/readyz`);
      }
      expect([ready.status, await ready.text()]).toEqual([200, 'ok']);
      failing.message = 'hub informer not synced';
      const notReady = await fetch(`${ops}/readyz`);
      expect([notReady.status, await notReady.text()]).toEqual([503, 'informers: hub informer not synced']);
      failing.message = '';

      const client = new PingCtor(`127.0.0.1:${svc.grpcPort!}`, grpc.credentials.createInsecure());
      const untypedUnary = unary as unknown as (c: grpc.Client, m: string, r: unknown) => Promise<unknown>;
      expect(await untypedUnary(client, 'ping', { text: 'hi' })).toEqual({ text: 'pong hi' });
      client.close();
      expect(await (await fetch(`http://127.0.0.1:${svc.grpcPort!}/api/v1/applications`)).json()).toEqual({ path: '/api/v1/applications' });

      const metrics = await (await fetch(`${ops}/metrics`)).text();
      expect(metrics).toContain('grpc_server_handled_total{grpc_service="spec.ping.Ping",grpc_method="Ping",grpc_code="OK",service="spec-svc"} 1');
      expect(metrics).toContain('process_resident_memory_bytes{service="spec-svc"}');
    } finally {
      await svc.stop();
    }
    expect(events).toContain('shutdown');
    expect(svc.app.get(RedisClient, { strict: false }).status).toBe('end');
    await expect(fetch(`${ops}/healthz`)).rejects.toThrow();
  });

  it('stays up with Redis unreachable: /readyz fails, /healthz passes, stop() does not hang', async () => {
    withWorker = false;
    const svc = await bootstrapService({ name: 'spec-svc', module: moduleFor('redis://127.0.0.1:1'), opsPort: 0, host: '127.0.0.1', handleSignals: false });
    try {
      const ops = `http://127.0.0.1:${svc.opsPort}`;
      expect((await fetch(`${ops}/healthz`)).status).toBe(200);
      const res = await fetch(`${ops}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.text()).toMatch(/^redis: redis is (connecting|reconnecting)/);
    } finally {
      await svc.stop();
      withWorker = true;
    }
  }, 15_000);

  it('fails to start when the ops port is taken, releasing what it started', async () => {
    const first = await bootstrapService({ name: 'spec-svc', module: moduleFor('redis://127.0.0.1:6379'), opsPort: 0, host: '127.0.0.1', handleSignals: false });
    try {
      await expect(bootstrapService({ name: 'spec-svc', module: moduleFor('redis://127.0.0.1:6379'), opsPort: first.opsPort, host: '127.0.0.1', handleSignals: false })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      await first.stop();
    }
  });
});
