import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { selfSignedCertificate } from '@flotilla/testing';
import { ScmHttpClient, ScmHttpError, encodePath, retryAfterMs, type ScmAuth } from './scm-http';
import { startFakeHost, intParam, pageOf, type FakeAnswer, type FakeHost } from './scm-http.fake';
import { nextLink, pagesByLink, pagesByNext, pagesByStart, pagesByTopSkip } from './scm-http.pages';
import { ScmRateLimitError } from './scm.types';

const SECRET = 's3cr3t-token';
const client = (baseUrl: string, auth: ScmAuth = { kind: 'bearer', token: SECRET }, extra = {}) =>
  new ScmHttpClient({ host: 'TestHost', baseUrl, auth: () => Promise.resolve(auth), ...extra });

describe('ScmHttpClient', () => {
  let host: FakeHost;
  const items = Array.from({ length: 7 }, (_, i) => ({ n: i + 1 }));
  beforeAll(async () => {
    host = await startFakeHost({
      authorization: `Bearer ${SECRET}`,
      route: (req): FakeAnswer | undefined => {
        if (req.path === '/api/echo') return { status: 200, body: { q: req.query.get('q') } };
        if (req.path === '/api/boom') return { status: 500, body: { message: `bad token ${SECRET}` } };
        if (req.path === '/api/forbidden') return { status: 403, body: { message: 'no access' } };
        if (req.path === '/api/link') {
          const page = intParam(req.query, 'page', 1);
          const more = page * 3 < items.length;
          return {
            status: 200,
            body: pageOf(items, page, 3),
            headers: more ? { link: `<${req.origin}/api/link?page=${page + 1}>; rel="next"` } : {},
          };
        }
        if (req.path === '/api/start') {
          const start = intParam(req.query, 'start', 0);
          const limit = intParam(req.query, 'limit', 25);
          const last = start + limit >= items.length;
          return {
            status: 200,
            body: { values: items.slice(start, start + limit), isLastPage: last, ...(last ? {} : { nextPageStart: start + limit }) },
          };
        }
        if (req.path === '/api/next') {
          const page = intParam(req.query, 'page', 1);
          const more = page * 2 < items.length;
          return {
            status: 200,
            body: { values: pageOf(items, page, 2), ...(more ? { next: `${req.origin}/api/next?page=${page + 1}` } : {}) },
          };
        }
        if (req.path === '/api/elsewhere') return { status: 200, body: { values: [], next: 'http://example.invalid/api/next?page=2' } };
        if (req.path === '/api/topskip') {
          const top = intParam(req.query, '$top', 100);
          const skip = intParam(req.query, '$skip', 0);
          return { status: 200, body: { value: items.slice(skip, skip + top), count: Math.min(top, items.length - skip) } };
        }
        return undefined;
      },
    });
  });
  afterAll(() => host.close());

  it('sends each kind of credential in its header, and the spec is read only on the first request', async () => {
    const seen: string[] = [];
    const fake = await startFakeHost({ route: (req) => (seen.push(req.headers.authorization ?? '-'), { status: 200, body: {} }) });
    try {
      await client(fake.url, { kind: 'token', token: 't1' }).getJson('/');
      await client(fake.url, { kind: 'bearer', token: 't2' }).getJson('/');
      await client(fake.url, { kind: 'basic', username: 'u', password: 'p' }).getJson('/');
      await client(fake.url, { kind: 'none' }).getJson('/');
      expect(seen).toEqual(['token t1', 'Bearer t2', `Basic ${Buffer.from('u:p').toString('base64')}`, '-']);
      const auth = jest.fn(() => Promise.resolve<ScmAuth>({ kind: 'none' }));
      const lazy = new ScmHttpClient({ host: 'TestHost', baseUrl: fake.url, auth });
      expect(auth).not.toHaveBeenCalled();
      await lazy.getJson('/');
      await lazy.getJson('/');
      expect(auth).toHaveBeenCalledTimes(1);
    } finally {
      await fake.close();
    }
  });

  it('passes a failed secret read on unchanged, and tries it again on the next request', async () => {
    const missing = new Error('secret "gitea-token" not found');
    const auth = jest.fn<Promise<ScmAuth>, []>().mockRejectedValueOnce(missing).mockResolvedValue({ kind: 'bearer', token: SECRET });
    const c = new ScmHttpClient({ host: 'TestHost', baseUrl: host.url, auth });
    await expect(c.getJson('/api/echo')).rejects.toBe(missing);
    await expect(c.getJson('/api/echo', { q: 'a b' })).resolves.toMatchObject({ status: 200, body: { q: 'a b' } });
  });

  it('names the host, URL and status of an error, never the credentials', async () => {
    const err = await client(host.url)
      .getJson('/api/boom')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ScmHttpError);
    expect((err as ScmHttpError).status).toBe(500);
    expect((err as Error).message).toBe(`TestHost API GET ${host.url}/api/boom answered 500: bad token ***`);
    const unauthorized = await client(host.url, { kind: 'bearer', token: 'wrong' })
      .getJson('/api/echo')
      .catch((e: Error) => e);
    expect((unauthorized as ScmHttpError).status).toBe(401);
    expect((unauthorized as Error).message).not.toContain('wrong');
    const withUserInfo = host.url.replace('http://', 'http://alice:pw@');
    const missing = await client(withUserInfo)
      .getJson('/api/none')
      .then(() => new Error('expected a 404'))
      .catch((e: Error) => e);
    expect(missing.message).toContain(`GET ${host.url}/api/none answered 404`);
    expect(missing.message).not.toContain('pw');
  });

  it('tells a 404 from a 2xx in exists(), and still throws on other answers', async () => {
    await expect(client(host.url).exists('/api/echo')).resolves.toBe(true);
    await expect(client(host.url).exists('/api/none')).resolves.toBe(false);
    await expect(client(host.url).exists('/api/boom')).rejects.toThrow('answered 500');
  });

  it('turns 429, and a 403 that carries rate-limit headers, into ScmRateLimitError with the wait the host asked for', async () => {
    host.rateLimitNext({ 'retry-after': '7' });
    const err = await client(host.url)
      .getJson('/api/echo')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ScmRateLimitError);
    expect((err as ScmRateLimitError).retryAfterMs).toBe(7000);
    host.rateLimitNext({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 30) }, 403);
    const limited = (await client(host.url)
      .getJson('/api/echo')
      .catch((e: unknown) => e)) as ScmRateLimitError;
    expect(limited).toBeInstanceOf(ScmRateLimitError);
    expect(limited.retryAfterMs).toBeGreaterThan(25_000);
    expect(limited.retryAfterMs).toBeLessThanOrEqual(30_000);
    const forbidden = await client(host.url)
      .getJson('/api/forbidden')
      .catch((e: unknown) => e);
    expect(forbidden).toBeInstanceOf(ScmHttpError);
    expect((forbidden as ScmHttpError).status).toBe(403);
  });

  it('reads Retry-After as seconds or a date, and falls back to a minute', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs({ 'retry-after': '3' }, now)).toBe(3000);
    expect(retryAfterMs({ 'retry-after': 'Thu, 01 Jan 2026 00:00:10 GMT' }, now)).toBe(10_000);
    expect(retryAfterMs({}, now)).toBe(60_000);
  });

  it('follows each host style of pagination to the end', async () => {
    const c = client(host.url);
    await expect(pagesByLink(c, '/api/link', { page: 1 })).resolves.toEqual(items);
    await expect(pagesByStart(c, '/api/start', {}, 3)).resolves.toEqual(items);
    await expect(pagesByNext(c, '/api/next')).resolves.toEqual(items);
    await expect(pagesByTopSkip(c, '/api/topskip', {}, 2)).resolves.toEqual(items);
    const asked = host.requests.filter((r) => r.path === '/api/topskip').map((r) => r.query.get('$skip'));
    expect(asked).toEqual(['0', '2', '4', '6', '7']);
  });

  it('refuses a next-page link to another origin rather than send the credentials there', async () => {
    await expect(pagesByNext(client(host.url), '/api/elsewhere')).rejects.toThrow('refusing to send credentials');
  });

  it('parses rel="next" out of a Link header with several entries', () => {
    expect(nextLink('<https://h/x?page=1>; rel="prev", <https://h/x?page=3>; rel="next"')).toBe('https://h/x?page=3');
    expect(nextLink('<https://h/x?page=9>; rel="last"')).toBeUndefined();
    expect(nextLink(undefined)).toBeUndefined();
  });

  it('encodes each segment of a file path', () => {
    expect(encodePath('/apps/my app/#1.yaml')).toBe('apps/my%20app/%231.yaml');
  });

  it('rejects an API URL that is not http(s)', () => {
    expect(() => client('ftp://h')).toThrow('TestHost API URL must be http or https');
    expect(() => client('not a url')).toThrow('TestHost API URL "not a url" is not a valid URL');
  });
});

describe('ScmHttpClient limits and TLS', () => {
  let slow: Server;
  let slowUrl: string;
  beforeAll(async () => {
    slow = createServer((req, res) => {
      if (req.url === '/big') return res.end(JSON.stringify({ blob: 'x'.repeat(5000) }));
      if (req.url === '/text') return res.end('<html>not json</html>');
      if (req.url === '/drip') {
        res.write('{"a":"');
        const drip = setInterval(() => res.write('x'), 50);
        res.on('close', () => clearInterval(drip));
        return;
      }
      setTimeout(() => res.end('{}'), 2000).unref();
    });
    slow.listen(0, '127.0.0.1');
    await once(slow, 'listening');
    slowUrl = `http://127.0.0.1:${(slow.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    slow.closeAllConnections();
    slow.close();
  });

  it('gives up on a host that does not answer in time', async () => {
    await expect(client(slowUrl, undefined, { timeoutMs: 200 }).getJson('/hang')).rejects.toThrow(
      `TestHost API GET ${slowUrl}/hang: no answer within 200 ms`,
    );
  });

  it('refuses a body larger than the bound, and a success body that is not JSON', async () => {
    await expect(client(slowUrl, undefined, { maxBytes: 1000 }).getJson('/big')).rejects.toThrow('response is larger than 1000 bytes');
    await expect(client(slowUrl).getJson('/text')).rejects.toThrow('answered 200 with a body that is not JSON');
  });

  it('trusts a CA given as PEM, skips verification when insecure, and otherwise refuses a self-signed host', async () => {
    const { key, cert } = selfSignedCertificate();
    const tlsHost = await startFakeHost({ tls: { key, cert }, route: () => ({ status: 200, body: { ok: true } }) });
    try {
      await expect(client(tlsHost.url).getJson('/')).rejects.toThrow(/TestHost API GET https:\/\/127\.0\.0\.1:\d+\/: .*self.signed/);
      await expect(client(tlsHost.url, undefined, { caPem: () => Promise.resolve(cert) }).getJson('/')).resolves.toMatchObject({
        body: { ok: true },
      });
      await expect(client(tlsHost.url, undefined, { insecure: true }).getJson('/')).resolves.toMatchObject({ body: { ok: true } });
    } finally {
      await tlsHost.close();
    }
  });
});
