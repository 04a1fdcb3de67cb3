import { once } from 'node:events';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseNotificationsConfig } from '../config/notifications-config.parser';
import { DeliveryError, type ServiceConfig } from './notification-service';
import { parseGoDuration, WebhookSender, type WebhookOptions } from './webhook.sender';

interface Received {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

describe('WebhookSender', () => {
  let server: http.Server;
  let baseUrl: string;
  const received: Received[] = [];
  let status = 200;
  /** Answers given before `status`, one per request (the failures a retry should get past). */
  let before: { code: number; headers?: http.OutgoingHttpHeaders }[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({ method: req.method!, url: req.url!, headers: req.headers, body });
        const next = before.shift();
        res.writeHead(next?.code ?? status, next?.headers).end('nope');
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((r) => server.close(r)));
  beforeEach(() => {
    received.length = 0;
    status = 200;
    before = [];
  });

  const service = (over: Partial<WebhookOptions> = {}): ServiceConfig<WebhookOptions> => ({ type: 'webhook', name: 'hook', options: { url: `${baseUrl}/api/`, headers: [], insecureSkipVerify: false, retryWaitMin: 1, retryWaitMax: 1, retryMax: 3, ...over } });

  it('sends the webhook part of the template: method, path appended to the URL, body, headers, basic auth', async () => {
    const svc = service({ headers: [{ name: 'X-Token', value: 's3cr3t' }], basicAuth: { username: 'bot', password: 'pw' } });
    await new WebhookSender().send({ message: 'ignored', parts: { webhook: { hook: { method: 'post', path: '/events/guestbook', body: '{"ok":true}' } } } }, { service: 'hook', recipient: '' }, svc);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ method: 'POST', url: '/api/events/guestbook', body: '{"ok":true}' });
    expect(received[0].headers['x-token']).toBe('s3cr3t');
    expect(received[0].headers.authorization).toBe(`Basic ${Buffer.from('bot:pw').toString('base64')}`);
  });

  it('sends the message with GET when the template has no part for this service', async () => {
    await new WebhookSender().send({ message: 'hello', parts: { webhook: { other: { method: 'POST', body: 'x' } } } }, { service: 'hook', recipient: '' }, service());
    expect(received[0]).toMatchObject({ method: 'GET', url: '/api/', body: 'hello' });
  });

  it.each([
    [503, true],
    [429, true],
    [404, false],
  ])('turns HTTP %i into a DeliveryError with the status (retryable: %s) and no credentials', async (code, retryable) => {
    status = code;
    const svc = service({ url: `http://user:pw@127.0.0.1:${new URL(baseUrl).port}/api?token=abc` });
    const error = await new WebhookSender().send({ message: 'm', parts: {} }, { service: 'hook', recipient: '' }, svc).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error).toMatchObject({ statusCode: code, retryable });
    expect((error as Error).message).toBe(`webhook hook: GET http://127.0.0.1:${new URL(baseUrl).port}/api?… answered HTTP ${code}: nope`);
  });

  it('retries a 5xx or 429 as Argo does (retryMax times, waits doubling from retryWaitMin up to retryWaitMax) and then succeeds', async () => {
    before = [{ code: 503 }, { code: 500 }];
    const waits: number[] = [];
    const sender = new WebhookSender((ms) => Promise.resolve(void waits.push(ms)));
    await sender.send({ message: 'hello', parts: {} }, { service: 'hook', recipient: '' }, service({ retryWaitMin: 100, retryWaitMax: 150 }));
    expect(received.map((r) => r.body)).toEqual(['hello', 'hello', 'hello']);
    expect(waits).toEqual([100, 150]);

    received.length = 0;
    before = [{ code: 429, headers: { 'Retry-After': '1' } }];
    await new WebhookSender((ms) => Promise.resolve(void waits.push(ms))).send({ message: 'again', parts: {} }, { service: 'hook', recipient: '' }, service({ retryWaitMax: 5000 }));
    expect(received).toHaveLength(2);
    expect(waits[2]).toBe(1000);
  });

  it('retries for real: a receiver failing twice gets the message on the third try, after the waits', async () => {
    before = [{ code: 502 }, { code: 502 }];
    const started = Date.now();
    await new WebhookSender().send({ message: 'third time', parts: {} }, { service: 'hook', recipient: '' }, service({ retryWaitMin: 50, retryWaitMax: 80 }));
    expect(received).toHaveLength(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(50 + 80 - 5);
  });

  it('gives the last error after retryMax retries, and does not retry a 4xx, a 501 or a Retry-After beyond retryWaitMax', async () => {
    status = 500;
    const error = await new WebhookSender().send({ message: 'm', parts: {} }, { service: 'hook', recipient: '' }, service({ retryMax: 2 })).catch((e: unknown) => e);
    expect(error).toMatchObject({ retryable: true, statusCode: 500 });
    expect(received).toHaveLength(3);

    for (const code of [400, 501]) {
      received.length = 0;
      status = code;
      await new WebhookSender().send({ message: 'm', parts: {} }, { service: 'hook', recipient: '' }, service()).catch(() => undefined);
      expect(received).toHaveLength(1);
    }

    received.length = 0;
    before = [{ code: 429, headers: { 'Retry-After': '60' } }];
    const limited = await new WebhookSender().send({ message: 'm', parts: {} }, { service: 'hook', recipient: '' }, service()).catch((e: unknown) => e);
    expect(limited).toMatchObject({ retryable: true, statusCode: 429, retryAfterMs: 60_000 });
    expect(received).toHaveLength(1);
  });

  it('keeps all the attempts of one delivery within its budget, leaving the rest to the queue', async () => {
    status = 503;
    const started = Date.now();
    const error = await new WebhookSender(undefined, 300).send({ message: 'm', parts: {} }, { service: 'hook', recipient: '' }, service({ retryWaitMin: 200, retryWaitMax: 200, retryMax: 10 })).catch((e: unknown) => e);
    expect(error).toMatchObject({ retryable: true, statusCode: 503 });
    expect(received).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(600);
  });

  it('reads retryWaitMin/retryWaitMax as Go durations (a number is nanoseconds, as Go reads it) and defaults them as Argo', () => {
    const { config, problems } = parseNotificationsConfig(
      {
        'service.webhook.a': 'url: http://receiver/a\nretryWaitMin: 250ms\nretryWaitMax: 1m30s\nretryMax: 5\n',
        'service.webhook.b': 'url: http://receiver/b\nretryWaitMin: 2000000000\nretryMax: 0\n',
        'service.webhook.bad': 'url: http://receiver/c\nretryWaitMax: soon\n',
      },
      {},
      [new WebhookSender()],
    );
    expect(config.services.get('a')?.options).toMatchObject({ retryWaitMin: 250, retryWaitMax: 90_000, retryMax: 5 });
    expect(config.services.get('b')?.options).toMatchObject({ retryWaitMin: 2000, retryWaitMax: 5000, retryMax: 3 });
    expect(problems).toEqual(['service.webhook.bad: retryWaitMax: retryWaitMax "soon" is not a duration such as 1s, 500ms or 1m30s']);
    expect([parseGoDuration('1.5s'), parseGoDuration('1h2m'), parseGoDuration('0'), parseGoDuration('5')]).toEqual([1500, 3_720_000, 0, undefined]);
  });

  it('reports an unreachable receiver as retryable', async () => {
    const error = await new WebhookSender().send({ message: 'm', parts: {} }, { service: 'hook', recipient: '' }, service({ url: 'http://127.0.0.1:1/x' })).catch((e: unknown) => e);
    expect(error).toMatchObject({ retryable: true, statusCode: undefined });
    expect((error as Error).message).toMatch(/^webhook hook: GET http:\/\/127.0.0.1:1\/x failed: connect ECONNREFUSED/);
  });
});
