import * as grpc from '@grpc/grpc-js';
import { ApiServerHarness, appManifest, call, startApiServer } from '../testing/api-server.harness';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface ListMeta {
  resourceVersion?: string;
  continue?: string;
  remainingItemCount?: number;
}

describe('application List in pages (limit, continue) on the api-server process over gRPC and REST', () => {
  let api: ApiServerHarness;
  let alice: string;

  const create = async (name: string, project = 'default') => {
    const res = await api.kube('POST', api.nsPath('applications'), { ...appManifest(name, { project }), metadata: { name, namespace: api.namespace } });
    if (res.status !== 201) throw new Error(`creating ${name}: ${JSON.stringify(res.body)}`);
  };
  const remove = async (name: string) => expect((await api.kube('DELETE', api.nsPath(`applications/${name}`))).status).toBe(200);

  /** One page over gRPC: the names and the list's metadata. */
  const grpcPage = async (query: Record<string, unknown>, token = api.token) => {
    const res = await call(api.clients.applications, 'List', query, api.md(token));
    return {
      names: (res.items ?? []).map((i: { json: string }) => (JSON.parse(i.json) as { metadata: { name: string } }).metadata.name),
      meta: JSON.parse(res.metadata?.json ?? '{}') as ListMeta,
    };
  };

  beforeAll(async () => {
    api = await startApiServer();
    await api.login();
    await api.kube('POST', `/api/v1/namespaces/${api.namespace}/configmaps`, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'argocd-cm' },
      data: { 'accounts.alice': 'login' },
    });
    await api.kube('POST', `/api/v1/namespaces/${api.namespace}/configmaps`, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'argocd-rbac-cm' },
      data: { 'policy.csv': 'p, alice, applications, get, default/*, allow' },
    });
    await sleep(1100); // settings are cached for a second
    await call(api.clients.accounts, 'UpdatePassword', { name: 'alice', currentPassword: await api.initialPassword(), newPassword: 'alice-password' }, api.md());
    alice = (await call(api.clients.session, 'Create', { username: 'alice', password: 'alice-password' })).token;
    // Created out of order; every third app is in a project alice may not see.
    const names = Array.from({ length: 12 }, (_, i) => `app-${String(i * 2).padStart(2, '0')}`);
    for (const [i, name] of [...names].reverse().entries()) await create(name, i % 3 === 0 ? 'team' : 'default');
  }, 90_000);

  afterAll(async () => {
    await api?.stop();
  });

  it('pages in name order with a token and the count of what remains, the last page without either', async () => {
    const everything = await grpcPage({});
    expect(everything.names).toEqual([...everything.names].sort());
    expect(everything.names).toHaveLength(12);
    expect(everything.meta.continue).toBeUndefined();

    const walked: string[] = [];
    let token: string | undefined;
    const remaining: (number | undefined)[] = [];
    do {
      const page = await grpcPage({ limit: '5', continue: token });
      walked.push(...page.names);
      remaining.push(page.meta.remainingItemCount);
      expect(page.meta.resourceVersion).toBeTruthy();
      token = page.meta.continue;
    } while (token);
    expect(walked).toEqual(everything.names);
    expect(remaining).toEqual([7, 2, undefined]);
  });

  it('gives everything without a token when the limit is larger than the total or 0', async () => {
    const all = await grpcPage({});
    expect(await grpcPage({ limit: '100' })).toEqual({ names: all.names, meta: { resourceVersion: expect.any(String) } });
    expect((await grpcPage({ limit: '0' })).names).toEqual(all.names);
  });

  it('fills pages with what the caller may see, and keeps the filters on every page', async () => {
    const mine = await grpcPage({}, alice);
    expect(mine.names).toHaveLength(8);
    const first = await grpcPage({ limit: '3' }, alice);
    expect(first.names).toEqual(mine.names.slice(0, 3));
    expect(first.meta.remainingItemCount).toBe(5);
    const second = await grpcPage({ limit: '3', continue: first.meta.continue }, alice);
    expect(second.names).toEqual(mine.names.slice(3, 6));
    const teamOnly = await grpcPage({ limit: '2', projects: ['team'] });
    const teamNext = await grpcPage({ limit: '2', projects: ['team'], continue: teamOnly.meta.continue });
    expect([...teamOnly.names, ...teamNext.names]).toEqual((await grpcPage({ projects: ['team'] })).names);
  });

  it('continues after the last app of the page: apps created or deleted between pages neither repeat nor leave gaps', async () => {
    const first = await grpcPage({ limit: '4' });
    expect(first.names).toEqual(['app-00', 'app-02', 'app-04', 'app-06']);
    await create('app-01'); // behind the cursor
    await create('app-07'); // just ahead of it
    await remove('app-06'); // the page's last app: the token still knows where it was
    await remove('app-10'); // ahead
    const rest: string[] = [];
    for (let token = first.meta.continue; token; ) {
      const page = await grpcPage({ limit: '4', continue: token });
      rest.push(...page.names);
      token = page.meta.continue;
    }
    expect(rest).toEqual(['app-07', 'app-08', 'app-12', 'app-14', 'app-16', 'app-18', 'app-20', 'app-22']);
  });

  it('refuses a continue token it did not issue and a negative limit with InvalidArgument, over gRPC and REST', async () => {
    const kubeToken = Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv: 5, start: 'app-02\u0000' })).toString('base64url');
    await expect(call(api.clients.applications, 'List', { limit: '2', continue: kubeToken }, api.md())).rejects.toMatchObject({
      code: grpc.status.INVALID_ARGUMENT,
      details: 'invalid continue token: it was not issued by an application list of this server',
    });
    const res = await api.rest('/api/v1/applications?limit=2&continue=%25%25');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 3, message: 'invalid continue token: it is not base64url text' });
    const negative = await api.rest('/api/v1/applications?limit=-1');
    expect(await negative.json()).toMatchObject({ code: 3, message: 'invalid limit -1: must be a whole number, 0 or more' });
  });

  it('pages over REST, with metadata.continue kept when fields selects a few paths of each app', async () => {
    const first = await (await api.rest('/api/v1/applications?limit=3&fields=items.metadata.name,items.spec.project')).json();
    expect(first.items).toEqual([
      { metadata: { name: 'app-00' }, spec: { project: expect.any(String) } },
      { metadata: { name: 'app-01' }, spec: { project: 'default' } },
      { metadata: { name: 'app-02' }, spec: { project: expect.any(String) } },
    ]);
    expect(first.metadata).toEqual({ resourceVersion: expect.any(String), continue: expect.any(String), remainingItemCount: expect.any(Number) });
    const next = await (await api.rest(`/api/v1/applications?limit=3&fields=items.metadata.name&continue=${first.metadata.continue}`)).json();
    expect(next.items.map((a: { metadata: { name: string } }) => a.metadata.name)).toEqual(['app-04', 'app-07', 'app-08']);
  });
});
