import { contractsDefinition } from '@flotilla/contracts';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import type { CallOrigin, UnaryInvoker } from '../rpc/rpc.registry';
import type { StreamCall } from '../rpc/server-stream';
import type { Authenticator } from '../rpc/unary-call';
import type { CallContext } from '../session/session.service';
import { projectListFields } from './list-fields.projection';
import { RestGateway } from './rest.gateway';

/** Answers every unary method with the message set for it and records the requests. */
class CannedInvoker implements UnaryInvoker {
  answers = new Map<string, unknown>();
  requests: unknown[] = [];
  has = (path: string): boolean => !path.includes('RepoServerService');
  requiresSession = (): boolean => false;
  invoke(path: string, request: unknown, _origin: CallOrigin): Promise<unknown> {
    this.requests.push(request);
    return Promise.resolve(this.answers.get(path) ?? {});
  }
  stream(_path: string, _call: StreamCall<unknown, unknown>): void {}
}

const authenticator: Authenticator = { authenticate: () => Promise.resolve({ username: 'alice' } as CallContext) };

const guestbook = {
  metadata: { name: 'guestbook', namespace: 'argocd', labels: { team: 'web' }, resourceVersion: '11' },
  spec: {
    project: 'default',
    source: { repoURL: 'https://example.com/repo.git', path: 'guestbook' },
    destination: { server: 'https://kubernetes.default.svc', namespace: 'web' },
  },
  status: {
    sync: { status: 'Synced', revision: 'abc' },
    health: { status: 'Healthy' },
    resources: [
      { kind: 'Service', name: 'guestbook-ui', status: 'Synced' },
      { kind: 'Deployment', name: 'guestbook-ui', status: 'OutOfSync' },
    ],
  },
};
const bare = { metadata: { name: 'bare', namespace: 'argocd' }, spec: { project: 'team-a' } };
const listMeta = { resourceVersion: '42', continue: 'eyJ0b2tlbiI6MX0', remainingItemCount: 3 };

describe('fields on REST list calls', () => {
  const invoker = new CannedInvoker();
  const gateway = new RestGateway(contractsDefinition(), invoker, authenticator);
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createServer(gateway.handle);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    invoker.answers.set('/application.ApplicationService/List', {
      items: [guestbook, bare].map((a) => ({ json: JSON.stringify(a) })),
      metadata: { json: JSON.stringify(listMeta) },
    });
    invoker.answers.set('/application.ApplicationService/Get', { json: JSON.stringify(guestbook) });
    invoker.answers.set('/project.ProjectService/List', {
      items: [{ json: JSON.stringify({ metadata: { name: 'default', uid: 'u1' }, spec: { sourceRepos: ['*'] } }) }],
      metadata: { json: '{"resourceVersion":"5"}' },
    });
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const get = async (path: string): Promise<any> => {
    const res = await fetch(`${base}${path}`);
    expect(res.status).toBe(200);
    return res.json();
  };

  it("answers the UI's application list query with only the paths it names, and the list's metadata whole", async () => {
    const fields = 'metadata.resourceVersion,items.metadata.name,items.spec.project,items.status.sync.status,items.status.health';
    expect(await get(`/api/v1/applications?fields=${fields}&limit=2`)).toEqual({
      metadata: listMeta,
      items: [
        { metadata: { name: 'guestbook' }, spec: { project: 'default' }, status: { sync: { status: 'Synced' }, health: { status: 'Healthy' } } },
        { metadata: { name: 'bare' }, spec: { project: 'team-a' } },
      ],
    });
    // fields is the gateway's: the handler still gets the query it understands.
    expect(invoker.requests[invoker.requests.length - 1]).toMatchObject({ limit: '2' });
  });

  it('enters arrays element by element and leaves out paths that name nothing', async () => {
    const body = await get('/api/v1/applications?fields=items.status.resources.name,items.spec.nothing.here,items.nothing');
    expect(body.items).toEqual([{ status: { resources: [{ name: 'guestbook-ui' }, { name: 'guestbook-ui' }] } }, {}]);
  });

  it('drops the named paths when the list starts with a minus', async () => {
    const body = await get('/api/v1/applications?fields=-items.status,items.metadata.labels,items.spec.source');
    expect(body.metadata).toEqual(listMeta);
    expect(body.items[0]).toEqual({
      metadata: { name: 'guestbook', namespace: 'argocd', resourceVersion: '11' },
      spec: { project: 'default', destination: guestbook.spec.destination },
    });
  });

  it('works on any list route, and leaves a single object and an empty fields alone', async () => {
    expect(await get('/api/v1/projects?fields=items.metadata.name')).toEqual({
      metadata: { resourceVersion: '5' },
      items: [{ metadata: { name: 'default' } }],
    });
    expect(await get('/api/v1/applications/guestbook?fields=metadata.name')).toEqual(guestbook);
    expect((await get('/api/v1/applications?fields=')).items[0]).toEqual(guestbook);
  });

  it('keeps a named path whole even when it is an object, and does not take a name for a prefix of another', () => {
    const list = { metadata: {}, items: [{ spec: { source: { path: 'a' }, sources: [{ path: 'b' }] } }] };
    expect(projectListFields(list, 'items.spec.sources')).toEqual({ metadata: {}, items: [{ spec: { sources: [{ path: 'b' }] } }] });
    expect(projectListFields(list, 'items.spec')).toEqual(list);
  });
});
