import * as grpc from '@grpc/grpc-js';
import { context, SpanKind, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { contracts } from '@flotilla/contracts';
import { startKubeSim, type KubeSim } from '@flotilla/kube-sim';
import { createGrpcServer, createLogger, defineQueue, kubeClientFromKubeconfig, MetricsRegistry, QueueFactory, RedisClient, startTracing, type KubeClient, type Tracing } from '@flotilla/platform';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { RepoServerClient } from './repo-server.client';

// One trace across the hops a refresh makes: the code that enqueues the job → the queue processor
// (BullMQ, real Redis) → repo-server over gRPC (the platform's server with its trace extraction,
// in this process so its spans land in the same exporter) and → the cluster's API (kube client).
const logger = createLogger('trace-spec', 'fatal', new Writable({ write: (_c, _e, cb) => cb() }));
const exporter = new InMemorySpanExporter();
let tracing: Tracing;
let server: grpc.Server;
let repoServer: RepoServerClient;
let sim: KubeSim;
let kube: KubeClient;
let redis: RedisClient;
let factory: QueueFactory;
let dir: string;
const received: (string | undefined)[] = [];

beforeAll(async () => {
  tracing = startTracing({ service: 'trace-spec', spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const definition = contracts().repository.RepoServerService.service;
  server = createGrpcServer({
    metrics: new MetricsRegistry('trace-spec', { defaultMetrics: false }),
    logger,
    handlers: [
      {
        definition,
        implementation: () => ({
          ResolveRevision: (call: grpc.ServerUnaryCall<unknown, unknown>, cb: grpc.sendUnaryData<unknown>) => {
            received.push(call.metadata.get('traceparent')[0] as string | undefined);
            cb(null, { revision: 'abc123', ambiguousRevision: 'main' });
          },
          // Every other method of the service answers UNIMPLEMENTED, however many it grows to.
          ...Object.fromEntries(Object.keys(definition).filter((m) => m !== 'ResolveRevision').map((m) => [m, (_c: unknown, cb: grpc.sendUnaryData<unknown>) => cb({ code: grpc.status.UNIMPLEMENTED }, null)])),
        }),
      },
    ],
  });
  const port = await new Promise<number>((resolve, reject) => server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))));
  repoServer = new RepoServerClient(`127.0.0.1:${port}`);
  sim = await startKubeSim({ name: 'trace-spec', timing: { podStartMs: 50, nodes: 1 } });
  dir = mkdtempSync(join(tmpdir(), 'trace-spec-'));
  writeFileSync(join(dir, 'kubeconfig'), sim.kubeconfig());
  kube = kubeClientFromKubeconfig(join(dir, 'kubeconfig'));
  redis = new RedisClient('redis://127.0.0.1:6379', logger);
  factory = new QueueFactory({ connection: redis, prefix: `spec-trace-${process.pid}-${Date.now()}`, logger });
});

afterAll(async () => {
  await factory.close();
  await redis.quit();
  repoServer.close();
  server.forceShutdown();
  kube.close();
  await sim.stop();
  rmSync(dir, { recursive: true, force: true });
  await tracing.shutdown();
});

it('keeps one trace id from the enqueue through the processor to repo-server and the cluster API', async () => {
  const refresh = defineQueue<{ app: string }>('trace-refresh');
  let done!: () => void;
  const finished = new Promise<void>((r) => (done = r));
  const seen: unknown[] = [];
  factory.worker(refresh, async (data) => {
    seen.push(data);
    try {
      await repoServer.resolveRevision({ repo: 'https://example.invalid/repo.git' }, 'main');
      await kube.get({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
    } finally {
      done();
    }
  });
  factory.start();

  const root = tracing.tracer.startSpan('api request');
  await context.with(trace.setSpan(context.active(), root), () => factory.queue(refresh).add({ app: 'guestbook' }));
  root.end();
  await finished;
  await new Promise((r) => setTimeout(r, 50));

  const spans = exporter.getFinishedSpans();
  const named = (name: string, path?: string): ReadableSpan => {
    const span = spans.find((s) => s.name === name && (!path || s.attributes['url.path'] === path));
    if (!span) throw new Error(`no span ${name} among ${spans.map((s) => s.name).join(', ')}`);
    return span;
  };
  const traceId = root.spanContext().traceId;
  const publish = named('trace-refresh publish');
  const processSpan = named('trace-refresh process');
  const grpcServer = named('repository.RepoServerService/ResolveRevision');
  // The client discovers the API group first; that request is a span of its own, also under the processor.
  const kubeGet = named('kube GET', '/api/v1/namespaces/default');

  // The processor gets the data the producer wrote, not the trace it carries.
  expect(seen).toEqual([{ app: 'guestbook' }]);
  for (const s of [publish, processSpan, grpcServer, kubeGet]) expect(s.spanContext().traceId).toBe(traceId);
  expect(publish.parentSpanContext?.spanId).toBe(root.spanContext().spanId);
  expect(processSpan.kind).toBe(SpanKind.CONSUMER);
  expect(processSpan.parentSpanContext?.spanId).toBe(publish.spanContext().spanId);
  // repo-server received the processor's context as a W3C traceparent and continued it.
  expect(received).toEqual([`00-${traceId}-${processSpan.spanContext().spanId}-01`]);
  expect(grpcServer.parentSpanContext?.spanId).toBe(processSpan.spanContext().spanId);
  expect(kubeGet.parentSpanContext?.spanId).toBe(processSpan.spanContext().spanId);
  expect(kubeGet.attributes).toMatchObject({ 'http.request.method': 'GET', 'url.path': '/api/v1/namespaces/default', 'http.response.status_code': 200 });
}, 30_000);
