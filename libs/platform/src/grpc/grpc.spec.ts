import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { context, trace } from '@opentelemetry/api';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createLogger, MetricsRegistry, startTracing, Tracing } from '../observability';
import { createGrpcClient, unary } from './grpc-client.factory';
import { GrpcAndHttpServer, serveGrpcAndHttp } from './grpc-http.server';
import { createGrpcServer, GrpcHandler } from './grpc-server.factory';

const PROTO = `syntax = "proto3";
package spec.echo;
service Echo {
  rpc Say (SayRequest) returns (SayReply);
  rpc Count (SayRequest) returns (stream SayReply);
}
message SayRequest { string text = 1; }
message SayReply { string text = 1; string trace_id = 2; string authorization = 3; }
`;

interface SayRequest {
  text: string;
}
interface SayReply {
  text: string;
  traceId: string;
  authorization: string;
}
// The shape a code generator gives a client, so `unary` is checked for type inference.
interface EchoClient extends grpc.Client {
  say(request: SayRequest, metadata: grpc.Metadata, options: Partial<grpc.CallOptions>, callback: (error: grpc.ServiceError | null, response: SayReply) => void): grpc.ClientUnaryCall;
  count(request: SayRequest, metadata?: grpc.Metadata): grpc.ClientReadableStream<SayReply>;
}

class EchoHandler implements GrpcHandler {
  constructor(readonly definition: grpc.ServiceDefinition) {}
  implementation(): grpc.UntypedServiceImplementation {
    return {
      // Async on purpose: a rejected promise must become an INTERNAL status, not a hung call.
      // eslint-disable-next-line @typescript-eslint/no-misused-promises
      say: async (call: grpc.ServerUnaryCall<SayRequest, SayReply>, callback: grpc.sendUnaryData<SayReply>) => {
        await new Promise((r) => setTimeout(r, 5));
        if (call.request.text === 'missing') return callback({ code: grpc.status.NOT_FOUND, details: 'application "missing" not found' });
        if (call.request.text === 'throw') throw new Error('render exploded');
        const traceId = trace.getSpan(context.active())?.spanContext().traceId ?? '';
        callback(null, { text: call.request.text.toUpperCase(), traceId, authorization: String(call.metadata.get('authorization')[0] ?? '') });
      },
      count: (call: grpc.ServerWritableStream<SayRequest, SayReply>) => {
        for (const text of ['one', 'two', 'three']) call.write({ text, traceId: '', authorization: '' });
        call.end();
      },
    };
  }
}

describe('gRPC and HTTP on one port', () => {
  const dir = mkdtempSync(join(tmpdir(), 'platform-grpc-'));
  const logs: string[] = [];
  const logger = createLogger('grpc-spec', 'info', new Writable({ write: (c: Buffer, _e, cb) => (logs.push(c.toString()), cb()) }));
  const metrics = new MetricsRegistry('grpc-spec', { defaultMetrics: false });
  let tracing: Tracing;
  let served: GrpcAndHttpServer;
  let client: EchoClient;

  beforeAll(async () => {
    tracing = startTracing({ service: 'grpc-spec' });
    writeFileSync(join(dir, 'echo.proto'), PROTO);
    const pkg = grpc.loadPackageDefinition(protoLoader.loadSync(join(dir, 'echo.proto'), { keepCase: false })) as any;
    const EchoCtor = pkg.spec.echo.Echo as grpc.ServiceClientConstructor;
    const grpcServer = createGrpcServer({ handlers: [new EchoHandler(EchoCtor.service)], metrics, logger });
    served = await serveGrpcAndHttp({
      port: 0,
      host: '127.0.0.1',
      grpcServer,
      httpHandler: (req, res) => {
        let size = 0;
        req.on('data', (c: Buffer) => (size += c.length));
        req.on('end', () => res.writeHead(200, { 'content-type': 'text/plain' }).end(`http ${req.method} ${req.url}${size ? ` ${size}` : ''}`));
      },
    });
    client = createGrpcClient(EchoCtor as unknown as new (a: string, c: grpc.ChannelCredentials, o?: grpc.ClientOptions) => EchoClient, `127.0.0.1:${served.port}`, {
      authorization: () => 'Bearer spec-token',
    });
  });

  afterAll(async () => {
    client.close();
    await served.close(1000);
    await tracing.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers gRPC, carrying the caller trace and authorization into the handler', async () => {
    const span = tracing.tracer.startSpan('caller');
    const reply: SayReply = await context.with(trace.setSpan(context.active(), span), () => unary(client, 'say', { text: 'hello' }, { deadlineMs: 5000 }));
    span.end();
    expect(reply).toEqual({ text: 'HELLO', traceId: span.spanContext().traceId, authorization: 'Bearer spec-token' });
  });

  it('lets per-call metadata override the configured authorization', async () => {
    const reply = await unary(client, 'say', { text: 'x' }, { metadata: { authorization: 'Bearer other' } });
    expect(reply.authorization).toBe('Bearer other');
  });

  it('answers HTTP/1.1 on the same port', async () => {
    const res = await fetch(`http://127.0.0.1:${served.port}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('http GET /healthz');
    const post = await fetch(`http://127.0.0.1:${served.port}/api/v1/applications`, { method: 'POST', body: 'x'.repeat(1_000_000) });
    expect(await post.text()).toBe('http POST /api/v1/applications 1000000');
  });

  it('streams responses', async () => {
    const texts: string[] = [];
    await new Promise<void>((resolve, reject) => {
      const stream = client.count({ text: '' });
      stream.on('data', (r: SayReply) => texts.push(r.text));
      stream.on('end', resolve);
      stream.on('error', reject);
    });
    expect(texts).toEqual(['one', 'two', 'three']);
  });

  it('returns status codes, turns a throwing handler into INTERNAL, and counts and logs both', async () => {
    await expect(unary(client, 'say', { text: 'missing' })).rejects.toMatchObject({ code: grpc.status.NOT_FOUND, details: 'application "missing" not found' });
    await expect(unary(client, 'say', { text: 'throw' })).rejects.toMatchObject({ code: grpc.status.INTERNAL, details: 'render exploded' });
    const text = await metrics.text();
    expect(text).toMatch(/grpc_server_handled_total\{grpc_service="spec.echo.Echo",grpc_method="Say",grpc_code="NOT_FOUND",service="grpc-spec"\} 1/);
    expect(text).toMatch(/grpc_server_handled_total\{grpc_service="spec.echo.Echo",grpc_method="Say",grpc_code="INTERNAL",service="grpc-spec"\} 1/);
    expect(text).toMatch(/grpc_server_handled_total\{grpc_service="spec.echo.Echo",grpc_method="Count",grpc_code="OK",service="grpc-spec"\} 1/);
    expect(text).toMatch(/grpc_server_handling_seconds_count\{service="grpc-spec",grpc_service="spec.echo.Echo",grpc_method="Say"\} [1-9]/);
    const errors = logs.map((l) => JSON.parse(l)).filter((l) => l.grpc_code === 'INTERNAL');
    expect(errors).toEqual([expect.objectContaining({ level: 'error', msg: '/spec.echo.Echo/Say failed: render exploded' })]);
  });

  it('rejects calls that outlive their deadline', async () => {
    await expect(unary(client, 'say', { text: 'slow' }, { deadlineMs: 1 })).rejects.toMatchObject({ code: grpc.status.DEADLINE_EXCEEDED });
  });

  it('stops listening on close', async () => {
    const other = await serveGrpcAndHttp({ port: 0, host: '127.0.0.1', grpcServer: createGrpcServer({ handlers: [], metrics, logger }) });
    await other.close(100);
    await expect(
      new Promise((resolve, reject) => {
        const s = connect(other.port, '127.0.0.1', () => resolve(s.end()));
        s.on('error', reject);
      }),
    ).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('reports a port already in use', async () => {
    await expect(serveGrpcAndHttp({ port: served.port, host: '127.0.0.1', grpcServer: createGrpcServer({ handlers: [], metrics, logger }) })).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });
});
