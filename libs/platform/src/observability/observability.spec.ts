import { context, propagation, trace } from '@opentelemetry/api';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createLogger } from './logger.factory';
import { MetricsRegistry } from './metrics.registry';
import { PinoNestLogger } from './nest-logger.adapter';
import { startTracing } from './tracing.provider';

function captureLogs(): { lines: () => Record<string, unknown>[]; stream: Writable } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      chunks.push(chunk.toString());
      cb();
    },
  });
  return { stream, lines: () => chunks.join('').trim().split('\n').map((l) => JSON.parse(l)) };
}

describe('observability', () => {
  const collected: string[] = [];
  const collector = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      collected.push(`${req.url} ${body}`);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  let tracing: ReturnType<typeof startTracing>;

  beforeAll(async () => {
    await new Promise<void>((r) => collector.listen(0, '127.0.0.1', r));
    tracing = startTracing({ service: 'obs-spec' });
  });
  afterAll(async () => {
    await tracing.shutdown();
    await new Promise((r) => collector.close(r));
  });

  it('writes JSON with the service, the active trace ids and secrets censored', () => {
    const out = captureLogs();
    const logger = createLogger('repo-server', 'info', out.stream);
    tracing.tracer.startActiveSpan('render', (span) => {
      logger.info({ repo: { url: 'https://git', password: 'hunter2', nested: { config: { bearerToken: 'abc' } } }, headers: { authorization: 'Bearer x' } }, 'rendering');
      span.end();
      const [line] = out.lines();
      expect(line).toMatchObject({ level: 'info', service: 'repo-server', msg: 'rendering', trace_id: span.spanContext().traceId, span_id: span.spanContext().spanId });
      expect(line.repo).toEqual({ url: 'https://git', password: '***', nested: { config: { bearerToken: '***' } } });
      expect(line.headers).toEqual({ authorization: '***' });
    });
  });

  it("logs an ioredis error's command by name only: AUTH's argument is the password", () => {
    const out = captureLogs();
    const err = Object.assign(new Error('WRONGPASS invalid username-password pair'), { command: { name: 'auth', args: ['hunter2'] } });
    createLogger('app-controller', 'info', out.stream).warn({ err }, 'redis');
    const [line] = out.lines();
    expect(line.err).toMatchObject({ message: 'WRONGPASS invalid username-password pair', command: { name: 'auth' } });
    expect(JSON.stringify(line)).not.toContain('hunter2');
  });

  it('omits trace ids outside a span and honours the level', () => {
    const out = captureLogs();
    const logger = createLogger('notifier', 'warn', out.stream);
    logger.info('hidden');
    logger.warn('shown');
    expect(out.lines()).toEqual([expect.not.objectContaining({ trace_id: expect.anything() })]);
    expect(out.lines()[0].msg).toBe('shown');
  });

  it('adapts Nest log calls, keeping the context and error stack', () => {
    const out = captureLogs();
    const nest = new PinoNestLogger(createLogger('api-server', 'info', out.stream));
    nest.log('Nest application started', 'NestApplication');
    nest.error('boom', 'Error: boom\n    at x', 'InstanceLoader');
    expect(out.lines()).toEqual([
      expect.objectContaining({ level: 'info', msg: 'Nest application started', context: 'NestApplication' }),
      expect.objectContaining({ level: 'error', msg: 'boom', context: 'InstanceLoader', stack: 'Error: boom\n    at x' }),
    ]);
  });

  it('propagates W3C traceparent between contexts', () => {
    const span = tracing.tracer.startSpan('sync');
    const carrier: Record<string, string> = {};
    propagation.inject(trace.setSpan(context.active(), span), carrier);
    expect(carrier.traceparent).toBe(`00-${span.spanContext().traceId}-${span.spanContext().spanId}-01`);
    const extracted = trace.getSpanContext(propagation.extract(context.active(), carrier));
    expect(extracted?.traceId).toBe(span.spanContext().traceId);
    span.end();
  });

  // The OTLP exporter loads node:http with import(), which Jest's CommonJS runtime refuses; a real process does not.
  it('exports spans to OTLP_ENDPOINT from a real process', async () => {
    const endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
    const script = `const t = require(${JSON.stringify(join(__dirname, 'tracing.provider.ts'))}).startTracing({ service: 'child', otlpEndpoint: ${JSON.stringify(endpoint)} });
      t.tracer.startSpan('exported-span').end(); t.shutdown().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });`;
    // Asynchronous, so this process's collector can answer while the child exports.
    const result = await promisify(execFile)(process.execPath, ['-r', '@swc-node/register', '-e', script], { cwd: process.cwd(), encoding: 'utf8', timeout: 60_000 });
    expect(result.stderr).toBe('');
    expect(collected.some((c) => c.startsWith('/v1/traces ') && c.includes('exported-span'))).toBe(true);
  }, 60_000);

  it('labels every metric with the service', async () => {
    const metrics = new MetricsRegistry('app-controller');
    metrics.counter({ name: 'flotilla_syncs_total', help: 'syncs', labelNames: ['phase'] }).inc({ phase: 'Succeeded' });
    expect(metrics.counter({ name: 'flotilla_syncs_total', help: 'syncs', labelNames: ['phase'] })).toBe(metrics.registry.getSingleMetric('flotilla_syncs_total'));
    const text = await metrics.text();
    expect(text).toContain('flotilla_syncs_total{phase="Succeeded",service="app-controller"} 1');
    expect(text).toContain('process_cpu_user_seconds_total{service="app-controller"}');
  });
});
