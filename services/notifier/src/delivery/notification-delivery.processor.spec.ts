import { UnrecoverableError } from 'bullmq';
import { once } from 'node:events';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { Counter, Registry } from 'prom-client';
import { NotificationsConfigStore } from '../config/notifications-config.store';
import { NotificationSenderRegistry, DeliveryError, TemplateRenderError } from '@flotilla/notifications';
import { Redis } from 'ioredis';
import { DeliveryClaims } from './delivery-claims.store';
import { deliveryBackoff, FailureEvents, MAX_RETRY_AFTER_MS, NotificationDeliveryProcessor, NotificationJob, RetryableDeliveryFailure, shouldRetry } from './notification-delivery.processor';

describe('NotificationDeliveryProcessor', () => {
  let server: http.Server;
  let url: string;
  let status = 200;
  const bodies: string[] = [];
  let logs = '';

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        bodies.push(body);
        res.writeHead(status, status === 429 ? { 'retry-after': '7' } : {}).end();
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((r) => server.close(r)));

  let events: { reason: string; message: string }[] = [];
  const recorder: FailureEvents = { warning: (_app, reason, message) => Promise.resolve(void events.push({ reason, message })) };

  const setup = (claims?: DeliveryClaims) => {
    events = [];
    logs = '';
    bodies.length = 0;
    const logger = pino({ level: 'info' }, new Writable({ write: (chunk: Buffer, _e, cb) => ((logs += chunk.toString()), cb()) }));
    const store = new NotificationsConfigStore(logger);
    store.setSecret({ data: { pw: Buffer.from('hunter22').toString('base64') } });
    store.setConfigMap({
      data: {
        // The secret also sits in the URL path, so a failure message would carry it if not masked.
        // The sender's own retries (Argo's retryWaitMin/Max) are kept to a millisecond: this spec is about the queue's.
        'service.webhook.hook': `url: ${url}/hooks/$pw\nbasicAuth:\n  username: bot\n  password: $pw\nretryWaitMin: 1ms\nretryWaitMax: 1ms\n`,
        'template.t': 'webhook:\n  hook:\n    method: POST\n    body: "{{.app.metadata.name}} via {{.recipient}}"',
        'template.bad': 'message: "{{ .app.metadata.name.nope }}"',
        'template.runaway': 'webhook:\n  hook:\n    method: POST\n    body: "{{ range until 10000000 }}{{ .app.metadata.name }}{{ end }}"',
      },
    });
    const counter = new Counter({ name: 'delivered', help: 'h', labelNames: ['trigger', 'service', 'succeeded'] as const, registers: [new Registry()] });
    return { processor: new NotificationDeliveryProcessor(store, new NotificationSenderRegistry(), counter, logger, { claims, events: recorder }), counter };
  };
  const job = (templates = ['t'], service = 'hook'): NotificationJob => ({ app: { metadata: { name: 'guestbook', namespace: 'argocd' } }, trigger: 'on-sync-succeeded', templates, destination: { service, recipient: 'ops' } });
  const count = async (c: Counter, result: 'success' | 'failed') =>
    (await c.get()).values.filter((v) => v.labels.succeeded === (result === 'success' ? 'true' : 'false')).reduce((n, v) => n + v.value, 0);

  it('renders and sends, counting a success', async () => {
    status = 200;
    const { processor, counter } = setup();
    await processor.process(job(), { attemptsMade: 0, opts: { attempts: 5 } });
    expect(bodies).toEqual(['guestbook via ops']);
    expect(await count(counter, 'success')).toBe(1);
  });

  it('throws a retryable error until the last attempt, then logs the status code with secrets masked', async () => {
    status = 502;
    const { processor, counter } = setup();
    const first = await processor.process(job(), { attemptsMade: 0, opts: { attempts: 2 } }).catch((e: unknown) => e);
    expect(first).not.toBeInstanceOf(UnrecoverableError);
    expect(logs).not.toContain('failed for good');
    const last = await processor.process(job(), { attemptsMade: 1, opts: { attempts: 2 } }).catch((e: unknown) => e);
    expect((last as Error).message).toBe(`webhook hook: POST ${url}/hooks/*** answered HTTP 502`);
    expect(logs).toContain('"statusCode":502');
    expect(logs).toContain('failed for good');
    expect(logs).not.toContain('hunter22');
    expect(await count(counter, 'failed')).toBe(1);
    expect(events).toEqual([{ reason: 'NotificationFailed', message: `Notification on-sync-succeeded to hook (ops) failed after 2 attempt(s): webhook hook: POST ${url}/hooks/*** answered HTTP 502` }]);
  });

  it('never retries a 4xx other than 429 (408 included), failing for good on the first attempt', async () => {
    for (const code of [400, 403, 404, 408]) {
      status = code;
      const { processor, counter } = setup();
      const err = await processor.process(job(), { attemptsMade: 0, opts: { attempts: 5 } }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UnrecoverableError);
      expect((err as Error).message).toBe(`webhook hook: POST ${url}/hooks/*** answered HTTP ${code}`);
      expect(await count(counter, 'failed')).toBe(1);
      expect(events.map((e) => e.reason)).toEqual(['NotificationFailed']);
      expect(events[0].message).not.toContain('hunter22');
    }
  });

  it('retries a 4xx only when the service named when to come back (a rate limit answered with 403)', () => {
    expect(shouldRetry(new DeliveryError('rate limited', true, 403, 30_000))).toBe(true);
    expect(shouldRetry(new DeliveryError('forbidden', true, 403))).toBe(false);
    expect(shouldRetry(new DeliveryError('too many', true, 429))).toBe(true);
    expect(shouldRetry(new DeliveryError('bad gateway', true, 502))).toBe(true);
    expect(shouldRetry(new DeliveryError('bad channel', false))).toBe(false);
    expect(shouldRetry(new TemplateRenderError('broken'))).toBe(false);
    expect(shouldRetry(new Error('socket hang up'))).toBe(true);
  });

  it('retries a 429 after the Retry-After it carried, and a 5xx with exponential backoff', async () => {
    status = 429;
    const { processor, counter } = setup();
    const limited = await processor.process(job(), { attemptsMade: 0, opts: { attempts: 5 } }).catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(RetryableDeliveryFailure);
    expect((limited as RetryableDeliveryFailure).retryAfterMs).toBe(7000);
    expect(deliveryBackoff(1, limited as Error)).toBe(7000);
    expect(deliveryBackoff(1, new RetryableDeliveryFailure('x', 10 * MAX_RETRY_AFTER_MS))).toBe(MAX_RETRY_AFTER_MS);
    status = 503;
    const unavailable = await processor.process(job(), { attemptsMade: 1, opts: { attempts: 5 } }).catch((e: unknown) => e);
    expect(unavailable).toBeInstanceOf(RetryableDeliveryFailure);
    expect([1, 2, 3].map((n) => deliveryBackoff(n, unavailable as Error))).toEqual([1000, 2000, 4000]);
    expect(await count(counter, 'failed')).toBe(0);
    expect(events).toEqual([]);
  });

  it('gives up at once on what retrying cannot fix: a broken template, an unsupported service', async () => {
    status = 200;
    const { processor, counter } = setup();
    await expect(processor.process(job(['bad']), { attemptsMade: 0, opts: { attempts: 5 } })).rejects.toBeInstanceOf(UnrecoverableError);
    await expect(processor.process(job(['t'], 'slack'), { attemptsMade: 0, opts: { attempts: 5 } })).rejects.toThrow('notification service "slack" is not configured in argocd-notifications-cm');
    expect(await count(counter, 'failed')).toBe(2);
    expect(bodies).toEqual([]);
  });

  it('fails a runaway template at once, for good, naming the limit, and sends nothing', async () => {
    status = 200;
    const { processor, counter } = setup();
    const started = performance.now();
    const err = await processor.process(job(['runaway']), { attemptsMade: 0, opts: { attempts: 5 } }).catch((e: unknown) => e);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(err).toBeInstanceOf(UnrecoverableError);
    expect((err as Error).message).toMatch(/^template "runaway": template: runaway\.webhook\.hook\.body:1:\d+: .*error calling until: template limit exceeded: .*\(maxListLength\)$/);
    expect(logs).toContain('failed for good');
    expect(await count(counter, 'failed')).toBe(1);
    expect(bodies).toEqual([]);
  });

  describe('with delivery claims in Redis (replicas sharing the queue)', () => {
    const redis = new Redis('redis://127.0.0.1:6379');
    const prefix = `flotilla-test:claims:${process.pid}:${Date.now()}`;
    afterAll(async () => {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length) await redis.del(...keys);
      await redis.quit();
    });

    it('sends an event once when a second delivery of it runs (a stalled job retried on another replica)', async () => {
      status = 200;
      const first = setup(new DeliveryClaims(redis, prefix, 'replica-a', 5000)).processor;
      const { processor: second } = setup(new DeliveryClaims(redis, prefix, 'replica-b', 5000));
      await first.process(job(), { id: 'event-1', attemptsMade: 0, opts: { attempts: 5 } });
      await second.process(job(), { id: 'event-1', attemptsMade: 0, opts: { attempts: 5 } });
      expect(bodies).toEqual(['guestbook via ops']);
      expect(logs).toContain('was sent already; not sending it again');
      expect(await redis.get(`${prefix}:event-1`)).toBe('sent');
    });

    it('waits while another replica holds the event, and sends it once that replica’s claim lapses (it died mid-delivery)', async () => {
      status = 200;
      await redis.set(`${prefix}:event-2`, 'sending:replica-dead', 'PX', 600);
      const { processor } = setup(new DeliveryClaims(redis, prefix, 'replica-b', 600));
      const started = Date.now();
      await processor.process(job(), { id: 'event-2', attemptsMade: 0, opts: { attempts: 5 } });
      expect(Date.now() - started).toBeGreaterThanOrEqual(400);
      expect(bodies).toEqual(['guestbook via ops']);
      expect(await redis.get(`${prefix}:event-2`)).toBe('sent');
    });

    it('lets the next attempt claim at once after a failed send', async () => {
      status = 503;
      const { processor } = setup(new DeliveryClaims(redis, prefix, 'replica-a', 5000));
      await expect(processor.process(job(), { id: 'event-3', attemptsMade: 0, opts: { attempts: 5 } })).rejects.toThrow();
      expect(await redis.get(`${prefix}:event-3`)).toBeNull();
      status = 200;
      const { processor: other } = setup(new DeliveryClaims(redis, prefix, 'replica-b', 5000));
      await other.process(job(), { id: 'event-3', attemptsMade: 1, opts: { attempts: 5 } });
      expect(bodies).toEqual(['guestbook via ops']);
    });
  });
});
