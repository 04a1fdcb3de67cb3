import * as grpc from '@grpc/grpc-js';
import { contractsDefinition } from '@flotilla/contracts';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { RpcError } from '../rpc/rpc-error';
import type { UnaryInvoker } from '../rpc/rpc.registry';
import { RestGateway } from './rest.gateway';

/** Records what the gateway hands the gRPC side and answers with canned responses or errors. */
class RecordingInvoker implements UnaryInvoker {
  calls: { path: string; request: any; authorization: string | undefined }[] = [];
  answers = new Map<string, unknown>();
  has = (path: string): boolean => !path.includes('RepoServerService');
  invoke(path: string, request: unknown, metadata: grpc.Metadata): Promise<unknown> {
    this.calls.push({ path, request, authorization: metadata.get('authorization')[0] as string | undefined });
    const answer = this.answers.get(path);
    if (answer instanceof Error) return Promise.reject(answer);
    return Promise.resolve(answer ?? {});
  }
}

describe('RestGateway', () => {
  const invoker = new RecordingInvoker();
  const gateway = new RestGateway(contractsDefinition(), invoker);
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createServer(gateway.handle);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  beforeEach(() => {
    invoker.calls = [];
    invoker.answers.clear();
  });

  const last = () => invoker.calls[invoker.calls.length - 1];

  it('serves a route for every REST-annotated public method', () => {
    expect(gateway.routeCount).toBe(35);
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
});
