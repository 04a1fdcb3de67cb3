import * as grpc from '@grpc/grpc-js';
import { contractsDefinition } from '@flotilla/contracts';
import { createServer, RequestListener, Server } from 'node:http';
import { AddressInfo, connect } from 'node:net';
import { ConcurrencyLimiter } from '../rpc/concurrency.limiter';
import { RpcError, unauthenticated } from '../rpc/rpc-error';
import type { CallOrigin, UnaryInvoker } from '../rpc/rpc.registry';
import type { StreamCall } from '../rpc/server-stream';
import type { Authenticator } from '../rpc/unary-call';
import type { CallContext } from '../session/session.service';
import { RestGateway } from './rest.gateway';

/** Records what the gateway hands the gRPC side and answers with canned responses or errors. */
class RecordingInvoker implements UnaryInvoker {
  calls: { path: string; request: any; authorization: string | undefined; origin: CallOrigin }[] = [];
  answers = new Map<string, unknown>();
  /** Methods that need a session; the rest are anonymous. */
  sessionPaths = new Set<string>();
  has = (path: string): boolean => !path.includes('RepoServerService');
  requiresSession = (path: string): boolean => this.sessionPaths.has(path);
  invoke(path: string, request: unknown, origin: CallOrigin): Promise<unknown> {
    this.calls.push({ path, request, authorization: origin.metadata.get('authorization')[0] as string | undefined, origin });
    const answer = this.answers.get(path);
    if (answer instanceof Error) return Promise.reject(answer);
    return Promise.resolve(answer ?? {});
  }
  /** Server-streaming methods: what each writes to the call it is handed. */
  streams = new Map<string, (call: StreamCall<unknown, unknown>) => void>();
  stream(path: string, call: StreamCall<unknown, unknown>): void {
    this.calls.push({ path, request: call.request, authorization: call.metadata.get('authorization')[0] as string | undefined, origin: {} as CallOrigin });
    this.streams.get(path)?.(call);
  }
}

/** Accepts `Bearer good` as alice; anything else is refused as SessionService refuses it. */
const authenticator: Authenticator = {
  authenticate: (metadata) => {
    const authorization = metadata.get('authorization')[0];
    if (!authorization) return Promise.reject(unauthenticated('no session information'));
    if (authorization !== 'Bearer good') return Promise.reject(unauthenticated('invalid session: signature is invalid'));
    return Promise.resolve({ username: 'alice' } as CallContext);
  },
};

async function listen(handler: RequestListener): Promise<{ server: Server; base: string; port: number }> {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { server, base: `http://127.0.0.1:${port}`, port };
}

describe('RestGateway', () => {
  const invoker = new RecordingInvoker();
  const gateway = new RestGateway(contractsDefinition(), invoker, authenticator);
  let server: Server;
  let base: string;

  beforeAll(async () => {
    ({ server, base } = await listen(gateway.handle));
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  beforeEach(() => {
    invoker.calls = [];
    invoker.answers.clear();
    invoker.sessionPaths.clear();
  });

  const last = () => invoker.calls[invoker.calls.length - 1];

  it('serves a route for every REST-annotated public method', () => {
    expect(gateway.routeCount).toBe(72);
  });

  it('fills path and repeated query parameters, and writes JsonObjectList inline', async () => {
    invoker.answers.set('/application.ApplicationService/List', {
      items: [{ json: '{"metadata":{"name":"a"}}' }],
      metadata: { json: '{"resourceVersion":"7"}' },
    });
    const res = await fetch(`${base}/api/v1/applications?projects=a&projects=b&selector=env%3Dprod&unknown=1`, {
      headers: { authorization: 'Bearer t1' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ metadata: { resourceVersion: '7' }, items: [{ metadata: { name: 'a' } }] });
    expect(last()).toMatchObject({
      path: '/application.ApplicationService/List',
      authorization: 'Bearer t1',
      request: { projects: ['a', 'b'], selector: 'env=prod' },
    });
  });

  it('maps a path variable and a query refresh for Get, and a JsonObject answer to the object', async () => {
    invoker.answers.set('/application.ApplicationService/Get', { json: '{"kind":"Application","metadata":{"name":"guestbook"}}' });
    const res = await fetch(`${base}/api/v1/applications/guestbook?refresh=hard`);
    expect(await res.json()).toEqual({ kind: 'Application', metadata: { name: 'guestbook' } });
    expect(last().request).toMatchObject({ name: 'guestbook', refresh: 'hard' });
  });

  it('takes a body field of type JsonObject as the raw JSON, with nested path variables', async () => {
    const app = { metadata: { name: 'web' }, spec: { project: 'default' } };
    await fetch(`${base}/api/v1/applications/web?validate=false`, { method: 'PUT', body: JSON.stringify(app) });
    expect(last().path).toBe('/application.ApplicationService/Update');
    expect(JSON.parse(last().request.application.json)).toEqual(app);
    expect(last().request.validate).toBe(false);
    await fetch(`${base}/api/v1/applications?upsert=true`, { method: 'POST', body: JSON.stringify(app) });
    expect(last()).toMatchObject({ path: '/application.ApplicationService/Create', request: { upsert: true } });
  });

  it("maps body '*' onto the request, converting nested messages", async () => {
    await fetch(`${base}/api/v1/applications/web/sync`, {
      method: 'POST',
      body: JSON.stringify({
        prune: true,
        revision: 'main',
        resources: [{ kind: 'Deployment', name: 'web' }],
        retryStrategy: { limit: 3 },
        syncOptions: { items: ['CreateNamespace=true'] },
      }),
    });
    expect(last().request).toMatchObject({
      name: 'web',
      prune: true,
      revision: 'main',
      retryStrategy: { limit: '3' },
      syncOptions: { items: ['CreateNamespace=true'] },
    });
    expect(last().request.resources[0]).toMatchObject({ kind: 'Deployment', name: 'web', group: '' });
    await fetch(`${base}/api/v1/projects`, {
      method: 'POST',
      body: JSON.stringify({ project: { metadata: { name: 'p' } }, upsert: true }),
    });
    expect(JSON.parse(last().request.project.json)).toEqual({ metadata: { name: 'p' } });
  });

  it('decodes percent-encoded path variables into nested fields (cluster id.value, repository URL)', async () => {
    await fetch(`${base}/api/v1/clusters/${encodeURIComponent('https://kube.example:6443')}?id.type=url`);
    expect(last()).toMatchObject({
      path: '/cluster.ClusterService/Get',
      request: { id: { type: 'url', value: 'https://kube.example:6443' } },
    });
    await fetch(`${base}/api/v1/repositories/${encodeURIComponent('https://github.com/a/b')}`, { method: 'DELETE' });
    expect(last()).toMatchObject({ path: '/repository.RepositoryService/Delete', request: { repo: 'https://github.com/a/b' } });
  });

  it('prefers literal routes and answers plain messages leaving zero values out', async () => {
    invoker.answers.set('/session.SessionService/GetUserInfo', { loggedIn: true, username: 'admin', iss: 'argocd', groups: [] });
    const res = await fetch(`${base}/api/v1/session/userinfo`);
    expect(await res.json()).toEqual({ loggedIn: true, username: 'admin', iss: 'argocd' });
  });

  it('sets the session cookie on REST login and reads it back as the bearer token', async () => {
    invoker.answers.set('/session.SessionService/Create', { token: 'jwt-1' });
    const login = await fetch(`${base}/api/v1/session`, { method: 'POST', body: JSON.stringify({ username: 'admin', password: 'pw' }) });
    expect(login.headers.get('set-cookie')).toMatch(/^argocd\.token=jwt-1; Path=\/; HttpOnly/);
    expect(last().request).toMatchObject({ username: 'admin', password: 'pw' });
    await fetch(`${base}/api/v1/clusters`, { headers: { cookie: 'other=1; argocd.token=jwt-1' } });
    expect(last().authorization).toBe('Bearer jwt-1');
  });

  it.each([
    [grpc.status.UNAUTHENTICATED, 401],
    [grpc.status.NOT_FOUND, 404],
    [grpc.status.INVALID_ARGUMENT, 400],
    [grpc.status.PERMISSION_DENIED, 403],
    [grpc.status.ALREADY_EXISTS, 409],
    [grpc.status.FAILED_PRECONDITION, 400],
    [grpc.status.UNAVAILABLE, 503],
  ])('maps gRPC code %i to HTTP %i with a grpc-gateway error body', async (code, http) => {
    invoker.answers.set('/cluster.ClusterService/List', new RpcError(code, 'no session information'));
    const res = await fetch(`${base}/api/v1/clusters`);
    expect(res.status).toBe(http);
    expect(await res.json()).toEqual({ error: 'no session information', code, message: 'no session information' });
  });

  it('answers 404 for unknown paths, 405 for a known path with the wrong verb, 400 for bad JSON and bad types', async () => {
    expect((await fetch(`${base}/api/v1/nothing`)).status).toBe(404);
    expect((await fetch(`${base}/api/v1/settings`, { method: 'POST' })).status).toBe(405);
    const badJson = await fetch(`${base}/api/v1/applications`, { method: 'POST', body: '{nope' });
    expect(badJson.status).toBe(400);
    expect(((await badJson.json()) as any).message).toMatch(/not valid JSON/);
    const badBool = await fetch(`${base}/api/v1/applications?upsert=maybe`, { method: 'POST', body: '{}' });
    expect(badBool.status).toBe(400);
    expect(((await badBool.json()) as any).message).toBe('upsert must be a boolean');
    const notObject = await fetch(`${base}/api/v1/applications`, { method: 'POST', body: '[1]' });
    expect(((await notObject.json()) as any).message).toBe('application must be a JSON object');
  });

  it('authenticates a method that needs a session before reading its body, and hands the handler the caller and peer', async () => {
    invoker.sessionPaths.add('/application.ApplicationService/Create');
    const refused = await fetch(`${base}/api/v1/applications`, { method: 'POST', body: '{"metadata":{"name":"x"}}' });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('connection')).toBe('close');
    expect(await refused.json()).toEqual({ error: 'no session information', code: 16, message: 'no session information' });
    const forged = await fetch(`${base}/api/v1/applications`, { method: 'POST', body: '{}', headers: { authorization: 'Bearer forged' } });
    expect(((await forged.json()) as any).message).toBe('invalid session: signature is invalid');
    expect(invoker.calls).toEqual([]);
    const ok = await fetch(`${base}/api/v1/applications`, {
      method: 'POST',
      body: '{"metadata":{"name":"x"}}',
      headers: { authorization: 'Bearer good', 'x-forwarded-for': '10.9.9.9' },
    });
    expect(ok.status).toBe(200);
    expect(last().origin.caller).toEqual({ username: 'alice' });
    // The peer is the socket's, whatever headers say.
    expect(last().origin.peer).toMatch(/^127\.0\.0\.1:\d+$/);
  });
});

describe('RestGateway streams', () => {
  const invoker = new RecordingInvoker();
  const gateway = new RestGateway(contractsDefinition(), invoker, authenticator);
  let server: Server;
  let base: string;
  const app = (name: string) => ({ json: JSON.stringify({ metadata: { name } }) });

  beforeAll(async () => {
    ({ server, base } = await listen(gateway.handle));
    invoker.streams.set('/application.ApplicationService/Watch', (call) => {
      call.write({ type: 'ADDED', application: app('a') });
      setTimeout(() => {
        call.write({ type: 'MODIFIED', application: app('b') });
        call.end();
      }, 20);
    });
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  beforeEach(() => (invoker.calls = []));

  it('writes each message as a {"result": …} line, as grpc-gateway streams Argo CD\'s watch', async () => {
    const res = await fetch(`${base}/api/v1/stream/applications?name=a&projects=p1&projects=p2`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.text()).toBe(
      '{"result":{"type":"ADDED","application":{"metadata":{"name":"a"}}}}\n{"result":{"type":"MODIFIED","application":{"metadata":{"name":"b"}}}}\n',
    );
    expect(invoker.calls[0].path).toBe('/application.ApplicationService/Watch');
    expect(invoker.calls[0].request).toMatchObject({ name: 'a', projects: ['p1', 'p2'] });
  });

  it('writes server-sent events to a client that accepts text/event-stream (the UI\'s EventSource)', async () => {
    const res = await fetch(`${base}/api/v1/stream/applications`, { headers: { accept: 'text/event-stream' } });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    expect(await res.text()).toBe(
      'data: {"result":{"type":"ADDED","application":{"metadata":{"name":"a"}}}}\n\ndata: {"result":{"type":"MODIFIED","application":{"metadata":{"name":"b"}}}}\n\n',
    );
  });

  it('keeps only the fields a stream is asked for (fields=…), or drops them (fields=-…), as Argo\'s forwarder does', async () => {
    invoker.streams.set('/application.ApplicationService/Watch', (call) => {
      call.write({ type: 'ADDED', application: { json: JSON.stringify({ metadata: { name: 'a', labels: { x: 'y' } }, spec: { project: 'p' }, status: { sync: { status: 'Synced' } } }) } });
      call.end();
    });
    const only = await fetch(`${base}/api/v1/stream/applications?fields=result.type,result.application.metadata.name,result.application.status.sync`);
    expect(JSON.parse(await only.text())).toEqual({ result: { type: 'ADDED', application: { metadata: { name: 'a' }, status: { sync: { status: 'Synced' } } } } });
    const without = await fetch(`${base}/api/v1/stream/applications?fields=-result.application.status,result.application.metadata.labels`);
    expect(JSON.parse(await without.text())).toEqual({ result: { type: 'ADDED', application: { metadata: { name: 'a' }, spec: { project: 'p' } } } });
  });

  it('leaves out a watch frame identical to the last one about the same app, as fields can make them', async () => {
    const event = (name: string, rv: string) => ({ type: 'MODIFIED', application: { json: JSON.stringify({ metadata: { name, resourceVersion: rv } }) } });
    invoker.streams.set('/application.ApplicationService/Watch', (call) => {
      for (const [name, rv] of [['a', '1'], ['a', '2'], ['b', '3'], ['a', '4'], ['b', '5']]) call.write(event(name, rv));
      call.end();
    });
    const names = await fetch(`${base}/api/v1/stream/applications?fields=result.type,result.application.metadata.name`);
    expect((await names.text()).trim().split('\n')).toEqual([
      '{"result":{"type":"MODIFIED","application":{"metadata":{"name":"a"}}}}',
      '{"result":{"type":"MODIFIED","application":{"metadata":{"name":"b"}}}}',
    ]);
    const all = await fetch(`${base}/api/v1/stream/applications`);
    expect((await all.text()).trim().split('\n')).toHaveLength(5);
  });

  it('ends a failing stream with an {"error": …} frame, under the error\'s HTTP status when nothing was sent', async () => {
    invoker.streams.set('/application.ApplicationService/WatchResourceTree', (call) =>
      call.emit('error', { code: grpc.status.PERMISSION_DENIED, details: 'permission denied' }),
    );
    const denied = await fetch(`${base}/api/v1/stream/applications/guestbook/resource-tree`);
    expect(denied.status).toBe(403);
    expect(await denied.text()).toBe('{"error":{"grpc_code":7,"http_code":403,"message":"permission denied","http_status":"Forbidden"}}\n');
    expect(invoker.calls[0].request).toMatchObject({ applicationName: 'guestbook' });

    invoker.streams.set('/application.ApplicationService/WatchResourceTree', (call) => {
      call.write({ json: '{"nodes":[]}' });
      call.emit('error', { code: grpc.status.NOT_FOUND, details: 'tree gone' });
    });
    const late = await fetch(`${base}/api/v1/stream/applications/guestbook/resource-tree`);
    expect(late.status).toBe(200);
    expect(await late.text()).toBe(
      '{"result":{"nodes":[]}}\n{"error":{"grpc_code":5,"http_code":404,"message":"tree gone","http_status":"Not Found"}}\n',
    );
  });

  it('serves PodLogs on both of its paths and writes every field of a LogEntry, empty or not', async () => {
    invoker.streams.set('/application.ApplicationService/PodLogs', (call) => {
      call.write({ content: 'hello', timeStamp: '2026-01-01T00:00:00Z', timeStampStr: '2026-01-01T00:00:00.5Z', podName: 'web-1', last: false });
      call.write({ content: '', timeStamp: '2026-01-01T00:00:01Z', timeStampStr: '2026-01-01T00:00:01Z', podName: '', last: true });
      call.end();
    });
    const pod = await fetch(`${base}/api/v1/applications/guestbook/pods/web-1/logs?container=web&tailLines=10&follow=true&sinceSeconds=60`);
    const lines = (await pod.text()).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toEqual([
      { result: { content: 'hello', timeStamp: '2026-01-01T00:00:00Z', last: false, timeStampStr: '2026-01-01T00:00:00.5Z', podName: 'web-1' } },
      { result: { content: '', timeStamp: '2026-01-01T00:00:01Z', last: true, timeStampStr: '2026-01-01T00:00:01Z', podName: '' } },
    ]);
    expect(invoker.calls[0].request).toMatchObject({ name: 'guestbook', podName: 'web-1', container: 'web', tailLines: '10', follow: true, sinceSeconds: '60' });
    const parent = await fetch(`${base}/api/v1/applications/guestbook/logs?kind=Deployment&group=apps&resourceName=web&namespace=prod&filter=!debug`);
    expect(parent.status).toBe(200);
    expect(invoker.calls[1].request).toMatchObject({ name: 'guestbook', kind: 'Deployment', group: 'apps', resourceName: 'web', namespace: 'prod', filter: '!debug' });
  });

  it('answers PodLogs with download=true as a plain-text attachment, as the UI\'s download button gets it', async () => {
    let stopped = false;
    invoker.streams.set('/application.ApplicationService/PodLogs', (call) => {
      call.on('cancelled', () => (stopped = true));
      call.write({ content: 'one', timeStamp: '', timeStampStr: '', podName: 'web-1', last: false });
      call.write({ content: 'two', timeStamp: '', timeStampStr: '', podName: 'web-1', last: false });
      call.write({ content: '', timeStamp: '', timeStampStr: '', podName: '', last: true });
    });
    const named = await fetch(`${base}/api/v1/applications/guestbook/logs?download=true&namespace=web&podName=web-1&container=main`);
    expect(named.status).toBe(200);
    expect(named.headers.get('content-type')).toBe('application/octet-stream');
    expect(named.headers.get('content-disposition')).toBe('attachment;filename="web-web-1-main.log"');
    expect(await named.text()).toBe('one\ntwo\n');
    expect(stopped).toBe(true);
    const unnamed = await fetch(`${base}/api/v1/applications/guestbook/logs?download=true&podName=Web_1`);
    expect(unnamed.headers.get('content-disposition')).toBe('attachment;filename="log.log"');
    invoker.streams.set('/application.ApplicationService/PodLogs', (call) =>
      call.emit('error', { code: grpc.status.PERMISSION_DENIED, details: 'permission denied: logs, get, default/guestbook, sub: alice' }),
    );
    const denied = await fetch(`${base}/api/v1/applications/guestbook/logs?download=true`);
    expect(denied.status).toBe(200);
    expect(await denied.text()).toBe('rpc error: code = PermissionDenied desc = permission denied: logs, get, default/guestbook, sub: alice');
  });

  it('authenticates a stream that needs a session before it starts', async () => {
    invoker.sessionPaths.add('/application.ApplicationService/Watch');
    const refused = await fetch(`${base}/api/v1/stream/applications`);
    expect(refused.status).toBe(401);
    expect(invoker.calls).toEqual([]);
    const ok = await fetch(`${base}/api/v1/stream/applications`, { headers: { authorization: 'Bearer good' } });
    expect(ok.status).toBe(200);
    await ok.text();
  });
});

describe('RestGateway body limits', () => {
  const invoker = new RecordingInvoker();
  const limits = {
    anonymous: { maxBytes: 1024, deadlineMs: 300, limiter: new ConcurrencyLimiter(1, 0) },
    session: { maxBytes: 4096, deadlineMs: 5000, limiter: new ConcurrencyLimiter(2, 2) },
  };
  const gateway = new RestGateway(contractsDefinition(), invoker, authenticator, limits);
  let server: Server;
  let base: string;
  let port: number;

  beforeAll(async () => {
    ({ server, base, port } = await listen(gateway.handle));
    invoker.sessionPaths.add('/application.ApplicationService/Create');
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  /** Sends the head and `sent` of `declared` body bytes, and leaves the request hanging. */
  const partialLogin = (declared: number, sent: number) => {
    const socket = connect(port, '127.0.0.1');
    const answer = new Promise<string>((resolve) => {
      let text = '';
      socket.on('data', (c: Buffer) => (text += c.toString()));
      socket.on('close', () => resolve(text));
    });
    socket.write(`POST /api/v1/session HTTP/1.1\r\nhost: x\r\ncontent-length: ${declared}\r\n\r\n${' '.repeat(sent)}`);
    return { socket, answer };
  };

  it('refuses a body streaming past the limit of its kind, naming the limit', async () => {
    const chunks = [Buffer.alloc(800, 0x20), Buffer.alloc(800, 0x20)];
    const login = await fetch(`${base}/api/v1/session`, {
      method: 'POST',
      body: new ReadableStream({
        pull(c) {
          const next = chunks.shift();
          if (next) c.enqueue(next);
          else c.close();
        },
      }),
      duplex: 'half',
    });
    expect(login.status).toBe(413);
    expect(((await login.json()) as any).message).toBe('request body is larger than 1 KiB, the limit for /session.SessionService/Create');
    const app = JSON.stringify({ metadata: { name: 'x' }, spec: { info: [{ name: 'n', value: 'v'.repeat(2000) }] } });
    const created = await fetch(`${base}/api/v1/applications`, { method: 'POST', body: app, headers: { authorization: 'Bearer good' } });
    expect(created.status).toBe(200);
  });

  it('answers 503 when every body slot is busy and the queue is full, and serves again once one frees', async () => {
    const slow = partialLogin(20, 5);
    await new Promise((r) => setTimeout(r, 50));
    const busy = await fetch(`${base}/api/v1/session`, { method: 'POST', body: '{}' });
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBe('1');
    expect(((await busy.json()) as any).message).toBe('too many request bodies are being read (1 at once and a full queue); retry shortly');
    // A GET reads no body and takes no slot.
    expect((await fetch(`${base}/api/v1/settings`)).status).toBe(200);
    slow.socket.destroy();
    await slow.answer;
    expect((await fetch(`${base}/api/v1/session`, { method: 'POST', body: '{}' })).status).toBe(200);
  });

  it('answers 408 to a body that does not arrive in time, freeing its slot', async () => {
    const slow = partialLogin(20, 5);
    expect(await slow.answer).toMatch(/^HTTP\/1\.1 408 [\s\S]*request body did not arrive within 0\.3s/);
    expect((await fetch(`${base}/api/v1/session`, { method: 'POST', body: '{}' })).status).toBe(200);
  });
});
