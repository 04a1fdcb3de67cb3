// Account API tokens as a user meets them: created, listed and deleted over REST and gRPC against the
// api-server process on a kube-sim hub, and the tokens themselves authenticating until deleted,
// here and on a second replica that shares the hub and Redis.
import * as grpc from '@grpc/grpc-js';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiServerHarness, call, decodeBase64, freePort, grpcClients, startApiServer } from '../testing/api-server.harness';

const ROOT = join(__dirname, '..', '..', '..', '..');
jest.setTimeout(60_000);

const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as Record<string, unknown>;
const settle = () => new Promise((r) => setTimeout(r, 1100)); // argocd-cm and argocd-secret are cached for a second

/** A second api-server process on the same hub namespace and Redis: another replica. */
async function startReplica(
  api: ApiServerHarness,
): Promise<{ address: string; clients: ReturnType<typeof grpcClients>; stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'api-server-replica-'));
  writeFileSync(join(dir, 'kubeconfig'), api.hub.kubeconfig());
  const [port, opsPort] = [await freePort(), await freePort()];
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, '..', 'main.ts')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      SWC_NODE_PROJECT: process.env.SWC_NODE_PROJECT ?? join(ROOT, 'tsconfig.base.json'),
      FLOTILLA_KUBECONFIG: join(dir, 'kubeconfig'),
      FLOTILLA_NAMESPACE: api.namespace,
      FLOTILLA_API_PORT: String(port),
      FLOTILLA_OPS_PORT: String(opsPort),
      FLOTILLA_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const deadline = Date.now() + 45_000;
  while (
    !(await fetch(`http://127.0.0.1:${port}/api/version`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`replica did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const address = `127.0.0.1:${port}`;
  const clients = grpcClients(address);
  return {
    address,
    clients,
    async stop() {
      for (const client of Object.values(clients)) client.close();
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe('account API tokens (the api-server process on a kube-sim hub)', () => {
  let api: ApiServerHarness;
  let admin: string;
  let dev: string;
  const issued: string[] = [];
  const secret = async (): Promise<Record<string, string>> =>
    Object.fromEntries(
      Object.entries(
        (await api.kube('GET', `/api/v1/namespaces/${api.namespace}/secrets/argocd-secret`)).body.data as Record<string, string>,
      ).map(([k, v]) => [k, decodeBase64(v)]),
    );
  const setArgocdCm = async (data: Record<string, string>) => {
    const path = `/api/v1/namespaces/${api.namespace}/configmaps`;
    const body = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'argocd-cm' }, data };
    const created = await api.kube('POST', path, body);
    if (created.status === 409) await api.kube('PUT', `${path}/argocd-cm`, body);
    await settle();
  };
  const accounts = () => api.clients.accounts;

  beforeAll(async () => {
    api = await startApiServer();
    const password = await api.initialPassword();
    admin = await api.login('admin', password);
    await setArgocdCm({ 'accounts.ci': 'apiKey', 'accounts.dev': 'login, apiKey', 'accounts.viewer': 'login' });
    await api.kube('POST', `/api/v1/namespaces/${api.namespace}/configmaps`, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'argocd-rbac-cm' },
      data: { 'policy.csv': 'g, ci, role:readonly' },
    });
    await call(accounts(), 'UpdatePassword', { name: 'dev', currentPassword: password, newPassword: 'dev-password' }, api.md(admin));
    dev = (await call(api.clients.session, 'Create', { username: 'dev', password: 'dev-password' })).token;
    await settle();
  }, 90_000);

  afterAll(() => api?.stop());

  it('creates a token over REST that argocd-secret lists as Argo CD does, and that authenticates as the account', async () => {
    const res = await api.rest('/api/v1/account/ci/token', { method: 'POST', body: JSON.stringify({ expiresIn: 3600, id: 'deploy' }) });
    expect(res.status).toBe(200);
    const { token } = await res.json();
    issued.push(token);
    const claims = claimsOf(token);
    expect(claims).toMatchObject({ iss: 'argocd', sub: 'ci:apiKey', jti: 'deploy', nbf: claims.iat });
    expect((claims.exp as number) - (claims.iat as number)).toBe(3600);
    expect(JSON.parse((await secret())['accounts.ci.tokens'])).toEqual([{ id: 'deploy', iat: claims.iat, exp: claims.exp }]);

    expect(await call(api.clients.session, 'GetUserInfo', {}, api.md(token))).toMatchObject({
      loggedIn: true,
      username: 'ci',
      iss: 'argocd',
    });
    // RBAC sees the account (ci is a readonly member), not the subject with its suffix.
    const canI = (t: string, action: string) =>
      call(accounts(), 'CanI', { resource: 'applications', action, subresource: 'default/x' }, api.md(t));
    expect((await canI(token, 'get')).value).toBe('yes');
    expect((await canI(token, 'sync')).value).toBe('no');
    expect((await api.rest('/api/v1/clusters', { token })).status).toBe(200);
  });

  it('creates a token without id or expiry over gRPC: a random id and a token that never expires', async () => {
    const { token } = await call(accounts(), 'CreateToken', { name: 'ci' }, api.md(admin));
    issued.push(token);
    const claims = claimsOf(token);
    expect(claims.jti).toMatch(/^[0-9a-f-]{36}$/);
    expect(claims).not.toHaveProperty('exp');
    expect((await call(api.clients.session, 'GetUserInfo', {}, api.md(token))).username).toBe('ci');

    const account = await call(accounts(), 'GetAccount', { name: 'ci' }, api.md(admin));
    expect(account).toMatchObject({ name: 'ci', enabled: true, capabilities: ['apiKey'] });
    expect(account.tokens.map((t: { id: string }) => t.id).sort()).toEqual(['deploy', claims.jti].sort());
    const never = account.tokens.find((t: { id: string }) => t.id === claims.jti);
    expect(never).toEqual({ id: claims.jti, issuedAt: String(claims.iat), expiresAt: '0' });
    const listed = (await (await api.rest('/api/v1/account')).json()).items;
    expect(listed.find((a: { name: string }) => a.name === 'ci').tokens).toHaveLength(2);
  });

  it("refuses a second token with the same id, a negative expiry and an account without apiKey, in Argo CD's words", async () => {
    await expect(call(accounts(), 'CreateToken', { name: 'ci', id: 'deploy' }, api.md(admin))).rejects.toMatchObject({
      code: grpc.status.UNKNOWN,
      details: "account already has token with id 'deploy'",
    });
    await expect(call(accounts(), 'CreateToken', { name: 'ci', expiresIn: -5 }, api.md(admin))).rejects.toMatchObject({
      code: grpc.status.INVALID_ARGUMENT,
    });
    await expect(call(accounts(), 'CreateToken', { name: 'viewer' }, api.md(admin))).rejects.toMatchObject({
      code: grpc.status.UNKNOWN,
      details: "account 'viewer' does not have apiKey capability",
    });
    const missing = await api.rest('/api/v1/account/nobody/token', { method: 'POST', body: '{}' });
    expect(missing.status).toBe(404);
    expect((await missing.json()).message).toBe("account 'nobody' does not exist");
    await expect(call(accounts(), 'DeleteToken', { name: 'ci', id: 'no-such' }, api.md(admin))).rejects.toMatchObject({
      code: grpc.status.NOT_FOUND,
      details: "token with id 'no-such' does not exist",
    });
  });

  it("lets an account manage its own tokens, and needs accounts, update for another's", async () => {
    const own = await call(accounts(), 'CreateToken', { name: 'dev', id: 'laptop' }, api.md(dev));
    issued.push(own.token);
    expect((await call(api.clients.session, 'GetUserInfo', {}, api.md(own.token))).username).toBe('dev');
    await expect(call(accounts(), 'CreateToken', { name: 'ci', id: 'stolen' }, api.md(dev))).rejects.toMatchObject({
      code: grpc.status.PERMISSION_DENIED,
      details: 'permission denied: accounts, update, ci, sub: dev',
    });
    const denied = await api.rest('/api/v1/account/ci/token/deploy', { method: 'DELETE', token: dev });
    expect(denied.status).toBe(403);
    expect((await denied.json()).message).toBe('permission denied: accounts, update, ci, sub: dev');
    await call(accounts(), 'DeleteToken', { name: 'dev', id: 'laptop' }, api.md(dev));
    expect(JSON.parse((await secret())['accounts.dev.tokens'])).toEqual([]);
  });

  it('accepts a new token at once on another replica, and refuses a deleted one at once on both', async () => {
    const replica = await startReplica(api);
    try {
      // The replica reads argocd-secret into its cache before the token exists…
      await call(replica.clients.accounts, 'ListAccounts', {}, api.md(admin));
      const { token } = await call(accounts(), 'CreateToken', { name: 'ci', id: 'short-lived', expiresIn: 600 }, api.md(admin));
      issued.push(token);
      // …and still accepts the token at once; then both replicas hold the list with the token.
      expect(
        (await call(replica.clients.accounts, 'CanI', { resource: 'applications', action: 'get', subresource: '*/*' }, api.md(token)))
          .value,
      ).toBe('yes');
      expect((await call(api.clients.session, 'GetUserInfo', {}, api.md(token))).username).toBe('ci');
      await settle();
      expect((await call(replica.clients.session, 'GetUserInfo', {}, api.md(token))).username).toBe('ci');

      const res = await api.rest('/api/v1/account/ci/token/short-lived', { method: 'DELETE' });
      expect(res.status).toBe(200);
      const refusal = { code: grpc.status.UNAUTHENTICATED, details: 'invalid session: account ci does not have token with id short-lived' };
      await expect(
        call(replica.clients.accounts, 'CanI', { resource: 'applications', action: 'get', subresource: '*/*' }, api.md(token)),
      ).rejects.toMatchObject(refusal);
      await expect(
        call(accounts(), 'CanI', { resource: 'applications', action: 'get', subresource: '*/*' }, api.md(token)),
      ).rejects.toMatchObject(refusal);
      const rest = await api.rest('/api/v1/clusters', { token });
      expect(rest.status).toBe(401);
      // And once the caches have turned over, the token list alone refuses it.
      await settle();
      await expect(
        call(replica.clients.session, 'GetUserInfo', {}, api.md(token)).then((u: { loggedIn: boolean }) => u.loggedIn),
      ).resolves.toBe(false);
      await expect(call(replica.clients.accounts, 'ListAccounts', {}, api.md(token))).rejects.toMatchObject(refusal);
    } finally {
      await replica.stop();
    }
  });

  it('does not bring a deleted token back when a new token takes its id', async () => {
    const first = (await call(accounts(), 'CreateToken', { name: 'ci', id: 'rotated' }, api.md(admin))).token;
    issued.push(first);
    await call(accounts(), 'DeleteToken', { name: 'ci', id: 'rotated' }, api.md(admin));
    await new Promise((r) => setTimeout(r, 2100));
    const second = (await call(accounts(), 'CreateToken', { name: 'ci', id: 'rotated' }, api.md(admin))).token;
    issued.push(second);
    expect((await call(api.clients.session, 'GetUserInfo', {}, api.md(second))).username).toBe('ci');
    await expect(call(accounts(), 'ListAccounts', {}, api.md(first))).rejects.toMatchObject({ code: grpc.status.UNAUTHENTICATED });
    // Deleted and issued again within the same second, the new token has the deleted one's very
    // claims; it must work at once all the same. Tried until the two land in one second.
    for (let attempt = 0; ; attempt++) {
      const before = (await call(accounts(), 'CreateToken', { name: 'ci', id: `again-${attempt}` }, api.md(admin))).token;
      await call(accounts(), 'DeleteToken', { name: 'ci', id: `again-${attempt}` }, api.md(admin));
      const after = (await call(accounts(), 'CreateToken', { name: 'ci', id: `again-${attempt}` }, api.md(admin))).token;
      issued.push(before, after);
      if (claimsOf(after).iat !== claimsOf(before).iat && attempt < 5) continue;
      expect((await call(api.clients.session, 'GetUserInfo', {}, api.md(after))).username).toBe('ci');
      break;
    }
  });

  it("refuses a disabled account's token, and issues none for it", async () => {
    const token = issued[0];
    expect((await api.rest('/api/v1/clusters', { token })).status).toBe(200);
    await setArgocdCm({
      'accounts.ci': 'apiKey',
      'accounts.ci.enabled': 'false',
      'accounts.dev': 'login, apiKey',
      'accounts.viewer': 'login',
    });
    const res = await api.rest('/api/v1/clusters', { token });
    expect(res.status).toBe(401);
    expect((await res.json()).message).toBe('invalid session: account ci is disabled');
    await expect(call(accounts(), 'CreateToken', { name: 'ci' }, api.md(admin))).rejects.toMatchObject({
      code: grpc.status.FAILED_PRECONDITION,
      details: "account 'ci' is disabled",
    });
    // Taking apiKey away ends the tokens too, as Argo CD checks the capability on every call.
    await setArgocdCm({ 'accounts.ci': 'login', 'accounts.dev': 'login, apiKey', 'accounts.viewer': 'login' });
    expect((await (await api.rest('/api/v1/clusters', { token })).json()).message).toBe(
      "invalid session: account ci does not have 'apiKey' capability",
    );
  });

  it('never writes a token to the log', () => {
    expect(issued.length).toBeGreaterThan(4);
    for (const token of issued) expect(api.logs()).not.toContain(token);
  });
});
