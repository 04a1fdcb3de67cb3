import * as grpc from '@grpc/grpc-js';
import { ApiServerHarness, appManifest, call, decodeBase64, startApiServer } from '../testing/api-server.harness';

describe('sessions and accounts (the api-server process on a kube-sim hub, gRPC and REST on one port)', () => {
  let api: ApiServerHarness;
  let token: string;
  let password: string;

  beforeAll(async () => {
    api = await startApiServer({ FLOTILLA_LOGIN_MAX_FAILURES: '3', FLOTILLA_LOGIN_MAX_BACKOFF_SECONDS: '2' });
  }, 90_000);

  afterAll(() => api?.stop());

  describe('first start and login', () => {
    it('generates the initial admin password into argocd-initial-admin-secret, and its bcrypt hash and a signing key into argocd-secret', async () => {
      const initial = await api.kube('GET', `/api/v1/namespaces/${api.namespace}/secrets/argocd-initial-admin-secret`);
      password = decodeBase64(initial.body.data.password);
      expect(password).toMatch(/^[A-Za-z0-9]{16}$/);
      const secret = (await api.kube('GET', `/api/v1/namespaces/${api.namespace}/secrets/argocd-secret`)).body;
      expect(decodeBase64(secret.data['admin.password'])).toMatch(/^\$2[aby]\$10\$/);
      expect(Date.parse(decodeBase64(secret.data['admin.passwordMtime']))).toBeGreaterThan(0);
      expect(secret.data['server.secretkey']).toBeTruthy();
      expect(api.logs()).not.toContain(password);
    });

    it('creates the default AppProject', async () => {
      expect((await api.kube('GET', api.nsPath('appprojects/default'))).body.spec.sourceRepos).toEqual(['*']);
    });

    it('logs in over gRPC and REST, returning an Argo-shaped JWT (and the argocd.token cookie over REST)', async () => {
      token = (await call(api.clients.session, 'Create', { username: 'admin', password })).token;
      api.token = token;
      const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
      expect(claims).toMatchObject({ iss: 'argocd', sub: 'admin' });
      expect(claims.exp - claims.iat).toBeGreaterThan(24 * 3600 - 2);
      const res = await api.rest('/api/v1/session', { method: 'POST', body: JSON.stringify({ username: 'admin', password }), token: null });
      expect(res.status).toBe(200);
      expect((await res.json()).token).toMatch(/^ey/);
      expect(res.headers.get('set-cookie')).toMatch(/^argocd\.token=ey/);
    });

    it('rejects a wrong password, then refuses a user after too many failures', async () => {
      await expect(call(api.clients.session, 'Create', { username: 'admin', password: 'wrong' })).rejects.toMatchObject({
        code: grpc.status.UNAUTHENTICATED,
        details: 'Invalid username or password',
      });
      for (let i = 0; i < 3; i++) await call(api.clients.session, 'Create', { username: 'mallory', password: 'x' }).catch(() => undefined);
      await expect(call(api.clients.session, 'Create', { username: 'mallory', password: 'x' })).rejects.toMatchObject({
        details: expect.stringMatching(/too many failed login attempts/),
      });
      // A successful admin login clears admin's count, so the earlier failure does not linger.
      await expect(call(api.clients.session, 'Create', { username: 'admin', password })).resolves.toHaveProperty('token');
    });

    it('slows down the client that keeps failing, never the admin logging in from elsewhere', async () => {
      // Client A (127.0.0.2, over REST) fails 20 times; a header claiming another address changes nothing.
      const fromA = (pw: string) =>
        api.restFrom('127.0.0.2', '/api/v1/session', {
          method: 'POST',
          body: JSON.stringify({ username: 'admin', password: pw }),
          headers: { 'x-forwarded-for': '127.0.0.9', 'x-real-ip': '127.0.0.9' },
        });
      const answers = [];
      for (let i = 0; i < 20; i++) answers.push(await fromA('wrong'));
      expect(answers.slice(0, 3).map((a) => a.body.message)).toEqual(Array(3).fill('Invalid username or password'));
      for (const answer of answers.slice(3)) {
        expect(answer.status).toBe(401);
        expect(answer.body.message).toBe('Invalid username or password: too many failed login attempts, retry in 1s');
      }
      // Client B (127.0.0.1, over gRPC) logs in at once with the right password.
      await expect(call(api.clients.session, 'Create', { username: 'admin', password })).resolves.toHaveProperty('token');
      // A is delayed, not locked out: even the right password waits out the backoff, then works.
      expect((await fromA(password)).body.message).toMatch(/too many failed login attempts, retry in 1s$/);
      await new Promise((r) => setTimeout(r, 1100));
      // One more failure doubles the delay.
      expect((await fromA('wrong')).body.message).toBe('Invalid username or password');
      expect((await fromA(password)).body.message).toMatch(/too many failed login attempts, retry in 2s$/);
      await new Promise((r) => setTimeout(r, 2100));
      const success = await fromA(password);
      expect(success.status).toBe(200);
      expect(success.body.token).toMatch(/^ey/);
      // Success cleared A's count: a wrong password is an ordinary failure again.
      expect((await fromA('wrong')).body.message).toBe('Invalid username or password');
    }, 30_000);

    it('answers 401 / UNAUTHENTICATED without a token, and accepts the cookie', async () => {
      const res = await api.rest('/api/v1/applications', { token: null });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: 'no session information', code: 16, message: 'no session information' });
      await expect(call(api.clients.applications, 'List', {})).rejects.toMatchObject({
        code: grpc.status.UNAUTHENTICATED,
        details: 'no session information',
      });
      await expect(call(api.clients.applications, 'List', {}, api.md('not.a.token'))).rejects.toMatchObject({
        code: grpc.status.UNAUTHENTICATED,
      });
      expect((await api.rest('/api/v1/applications', { token: null, headers: { cookie: `argocd.token=${token}` } })).status).toBe(200);
    });

    it('serves settings, version and userinfo without login, as Argo CD does', async () => {
      const settings = await (await api.rest('/api/v1/settings', { token: null })).json();
      expect(settings).toMatchObject({ appLabelKey: 'app.kubernetes.io/instance', trackingMethod: 'annotation' });
      // Argo CD names the controller namespace to logged-in callers only.
      expect(settings.controllerNamespace).toBeUndefined();
      const version = await call(api.clients.version, 'Version', {});
      expect(version).toMatchObject({
        Version: expect.stringMatching(/^v0\.1\.0/),
        ExtraBuildInfo: `Node.js ${process.version}`,
        Platform: expect.stringMatching(/^linux\//),
      });
      expect(await (await api.rest('/api/v1/session/userinfo', { token: null })).json()).toEqual({});
      expect(await call(api.clients.session, 'GetUserInfo', {}, api.md())).toMatchObject({
        loggedIn: true,
        username: 'admin',
        iss: 'argocd',
      });
    });
  });

  describe('accounts and sessions', () => {
    it('answers can-i and lists accounts', async () => {
      expect(await (await api.rest('/api/v1/account/can-i/applications/sync/default%2Fguestbook')).json()).toEqual({ value: 'yes' });
      expect((await api.rest('/api/v1/account/can-i/nothing/get/x')).status).toBe(400);
      const accounts = await call(api.clients.accounts, 'ListAccounts', {}, api.md());
      expect(accounts.items).toEqual([{ name: 'admin', enabled: true, capabilities: ['login'], tokens: [] }]);
    });

    it('lets accounts declared in argocd-cm log in, limited by argocd-rbac-cm', async () => {
      await api.kube('POST', `/api/v1/namespaces/${api.namespace}/configmaps`, {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'argocd-cm' },
        data: { 'accounts.alice': 'login', 'accounts.bob': 'apiKey' },
      });
      await api.kube('POST', `/api/v1/namespaces/${api.namespace}/configmaps`, {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'argocd-rbac-cm' },
        data: { 'policy.csv': 'p, role:viewer, applications, get, default/*, allow\ng, alice, role:viewer' },
      });
      await new Promise((r) => setTimeout(r, 1100)); // settings are cached for a second
      await call(
        api.clients.accounts,
        'UpdatePassword',
        { name: 'alice', currentPassword: password, newPassword: 'alice-password' },
        api.md(),
      );
      const alice = (await call(api.clients.session, 'Create', { username: 'alice', password: 'alice-password' })).token;
      expect(
        (await call(api.clients.accounts, 'CanI', { resource: 'applications', action: 'get', subresource: 'default/x' }, api.md(alice)))
          .value,
      ).toBe('yes');
      expect(
        (await call(api.clients.accounts, 'CanI', { resource: 'applications', action: 'sync', subresource: 'default/x' }, api.md(alice)))
          .value,
      ).toBe('no');
      expect((await api.rest('/api/v1/clusters', { token: alice })).status).toBe(200);
      expect((await (await api.rest('/api/v1/clusters', { token: alice })).json()).items).toEqual([]);
      const forbidden = await api.rest('/api/v1/applications?validate=false', {
        method: 'POST',
        body: JSON.stringify(appManifest('by-alice')),
        token: alice,
      });
      expect(forbidden.status).toBe(403);
      await expect(call(api.clients.session, 'Create', { username: 'bob', password: 'anything' })).rejects.toMatchObject({
        code: grpc.status.UNAUTHENTICATED,
      });
      const accounts = await call(api.clients.accounts, 'ListAccounts', {}, api.md());
      expect(accounts.items.map((a: any) => [a.name, a.capabilities])).toEqual([
        ['admin', ['login']],
        ['alice', ['login']],
        ['bob', ['apiKey']],
      ]);
    });

    it('revokes the token on logout', async () => {
      const other = (await call(api.clients.session, 'Create', { username: 'admin', password })).token;
      await call(api.clients.session, 'Delete', {}, api.md(other));
      await expect(call(api.clients.applications, 'List', {}, api.md(other))).rejects.toMatchObject({
        details: 'invalid session: token is revoked, please re-login',
      });
    });

    it('changing the password invalidates older tokens and the old password', async () => {
      await expect(
        call(api.clients.accounts, 'UpdatePassword', { currentPassword: 'wrong', newPassword: 'new-password-1' }, api.md()),
      ).rejects.toMatchObject({ details: 'current password does not match' });
      await expect(
        call(api.clients.accounts, 'UpdatePassword', { currentPassword: password, newPassword: 'short' }, api.md()),
      ).rejects.toMatchObject({ details: expect.stringMatching(/does not match the following expression/) });
      const res = await api.rest('/api/v1/account/password', {
        method: 'PUT',
        body: JSON.stringify({ currentPassword: password, newPassword: 'new-password-1' }),
      });
      expect(res.status).toBe(200);
      const stale = await api.rest('/api/v1/applications');
      expect(stale.status).toBe(401);
      expect((await stale.json()).message).toBe('invalid session: account password has changed since token issued');
      await expect(call(api.clients.session, 'Create', { username: 'admin', password })).rejects.toMatchObject({
        code: grpc.status.UNAUTHENTICATED,
      });
      const fresh = (await call(api.clients.session, 'Create', { username: 'admin', password: 'new-password-1' })).token;
      expect((await api.rest('/api/v1/applications', { token: fresh })).status).toBe(200);
    });
  });
});
