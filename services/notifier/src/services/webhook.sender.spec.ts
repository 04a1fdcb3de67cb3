import { once } from 'node:events';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DeliveryError, type ServiceConfig } from './notification-service';
import { WebhookSender, type WebhookOptions } from './webhook.sender';

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

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({ method: req.method!, url: req.url!, headers: req.headers, body });
        res.writeHead(status).end('nope');
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
  });

  const service = (over: Partial<WebhookOptions> = {}): ServiceConfig<WebhookOptions> => ({ type: 'webhook', name: 'hook', options: { url: `${baseUrl}/api/`, headers: [], insecureSkipVerify: false, ...over } });

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

  it('reports an unreachable receiver as retryable', async () => {
    const error = await new WebhookSender().send({ message: 'm', parts: {} }, { service: 'hook', recipient: '' }, service({ url: 'http://127.0.0.1:1/x' })).catch((e: unknown) => e);
    expect(error).toMatchObject({ retryable: true, statusCode: undefined });
    expect((error as Error).message).toMatch(/^webhook hook: GET http:\/\/127.0.0.1:1\/x failed: connect ECONNREFUSED/);
  });
});
