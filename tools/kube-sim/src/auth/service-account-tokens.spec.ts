import { AuthCluster, eventually, jwtClaims, namespace, requestToken, serviceAccount, startAuthCluster, tokenOf } from './auth-cluster.fixture';

describe('ServiceAccount tokens', () => {
  let ac: AuthCluster;
  const authenticate = (token: string) => ac.auth.authenticator.authenticate({ bearerToken: token });
  const saType = () => ac.cluster.resource('', 'serviceaccounts');

  beforeEach(async () => {
    ac = await startAuthCluster();
    ac.create('', 'namespaces', '', namespace('argocd-manager'));
    ac.create('', 'serviceaccounts', 'argocd-manager', serviceAccount('argocd-manager'));
  });
  afterEach(() => ac.stop());

  describe('TokenRequest (kubectl create token)', () => {
    it('issues a JWT with the claims of a real bound token and authenticates as the ServiceAccount', async () => {
      const tr = await requestToken(ac, 'argocd-manager', 'argocd-manager', { expirationSeconds: 7200 });
      const sa = ac.cluster.api.find(saType(), 'argocd-manager', 'argocd-manager')!;
      const claims = jwtClaims(tokenOf(tr));
      expect(claims).toMatchObject({
        iss: 'https://kubernetes.default.svc.cluster.local',
        sub: 'system:serviceaccount:argocd-manager:argocd-manager',
        aud: ['https://kubernetes.default.svc.cluster.local'],
        'kubernetes.io': { namespace: 'argocd-manager', serviceaccount: { name: 'argocd-manager', uid: sa.metadata.uid } },
      });
      expect((claims.exp as number) - (claims.iat as number)).toBe(7200);
      expect(claims.nbf).toBe(claims.iat);
      expect(typeof claims.jti).toBe('string');
      expect(tr.status).toMatchObject({ expirationTimestamp: new Date((claims.exp as number) * 1000).toISOString().replace('.000', '') });
      expect(tr.spec).toMatchObject({ expirationSeconds: 7200, audiences: ['https://kubernetes.default.svc.cluster.local'] });

      const user = authenticate(tokenOf(tr))!;
      expect(user).toMatchObject({ username: 'system:serviceaccount:argocd-manager:argocd-manager', uid: sa.metadata.uid, groups: ['system:serviceaccounts', 'system:serviceaccounts:argocd-manager', 'system:authenticated'] });
      expect(user.extra?.['authentication.kubernetes.io/credential-id']).toEqual([`JTI=${String(claims.jti)}`]);
    });

    it('defaults to one hour', async () => {
      const claims = jwtClaims(tokenOf(await requestToken(ac, 'argocd-manager', 'argocd-manager')));
      expect((claims.exp as number) - (claims.iat as number)).toBe(3600);
    });

    it('stops authenticating once revoked', async () => {
      const token = tokenOf(await requestToken(ac, 'argocd-manager', 'argocd-manager'));
      const other = tokenOf(await requestToken(ac, 'argocd-manager', 'argocd-manager'));
      ac.auth.revokeToken(token);
      expect(authenticate(token)).toBeUndefined();
      expect(authenticate(other)?.username).toBe('system:serviceaccount:argocd-manager:argocd-manager');
    });

    it('stops authenticating when the ServiceAccount is deleted, even if one of the same name comes back', async () => {
      const token = tokenOf(await requestToken(ac, 'argocd-manager', 'argocd-manager'));
      ac.cluster.api.delete(saType(), 'argocd-manager', 'argocd-manager');
      expect(authenticate(token)).toBeUndefined();
      ac.create('', 'serviceaccounts', 'argocd-manager', serviceAccount('argocd-manager'));
      expect(authenticate(token)).toBeUndefined();
    });

    it('rejects the token after it expires', async () => {
      const token = tokenOf(await requestToken(ac, 'argocd-manager', 'argocd-manager', { expirationSeconds: 600 }));
      ac.advance(599);
      expect(authenticate(token)).toBeDefined();
      ac.advance(2);
      expect(authenticate(token)).toBeUndefined();
    });

    it('rejects tokens signed by another cluster and tampered tokens', async () => {
      const foreign = await startAuthCluster();
      try {
        foreign.create('', 'namespaces', '', namespace('argocd-manager'));
        foreign.create('', 'serviceaccounts', 'argocd-manager', serviceAccount('argocd-manager'));
        expect(authenticate(tokenOf(await requestToken(foreign, 'argocd-manager', 'argocd-manager')))).toBeUndefined();
      } finally {
        foreign.stop();
      }
      const [header, payload, signature] = tokenOf(await requestToken(ac, 'argocd-manager', 'argocd-manager')).split('.');
      const forged = Buffer.from(Buffer.from(payload, 'base64url').toString().replace('argocd-manager:argocd-manager', 'argocd-manager:other')).toString('base64url');
      expect(authenticate(`${header}.${forged}.${signature}`)).toBeUndefined();
    });

    it('refuses durations under ten minutes with the API server message', async () => {
      await expect(requestToken(ac, 'argocd-manager', 'argocd-manager', { expirationSeconds: 60 })).rejects.toMatchObject({
        code: 422,
        message: 'TokenRequest.authentication.k8s.io "" is invalid: spec.expirationSeconds: Invalid value: 60: may not specify a duration less than 10 minutes',
      });
    });

    it('answers 404 for a ServiceAccount that does not exist', async () => {
      await expect(requestToken(ac, 'argocd-manager', 'ghost')).rejects.toMatchObject({ code: 404, message: 'serviceaccounts "ghost" not found' });
    });

    it('keeps tokens for another audience away from the API server', async () => {
      const token = tokenOf(await requestToken(ac, 'argocd-manager', 'argocd-manager', { audiences: ['vault'] }));
      expect(jwtClaims(token).aud).toEqual(['vault']);
      expect(authenticate(token)).toBeUndefined();
      const argo = tokenOf(await requestToken(ac, 'argocd-manager', 'argocd-manager', { audiences: ['https://kubernetes.default.svc'] }));
      expect(authenticate(argo)?.username).toBe('system:serviceaccount:argocd-manager:argocd-manager');
    });

    it('binds a token to a Pod: its claims name the pod and it dies with the pod', async () => {
      ac.create('', 'pods', 'argocd-manager', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'agent' }, spec: { serviceAccountName: 'argocd-manager', containers: [{ name: 'c', image: 'busybox' }] } });
      const pod = ac.cluster.api.find(ac.cluster.resource('', 'pods'), 'argocd-manager', 'agent')!;
      const token = tokenOf(await requestToken(ac, 'argocd-manager', 'argocd-manager', { boundObjectRef: { kind: 'Pod', apiVersion: 'v1', name: 'agent' } }));
      expect(jwtClaims(token)['kubernetes.io']).toMatchObject({ pod: { name: 'agent', uid: pod.metadata.uid } });
      expect(authenticate(token)?.extra).toMatchObject({ 'authentication.kubernetes.io/pod-name': ['agent'], 'authentication.kubernetes.io/pod-uid': [pod.metadata.uid] });
      ac.cluster.api.delete(ac.cluster.resource('', 'pods'), 'argocd-manager', 'agent', { gracePeriodSeconds: 0 });
      expect(authenticate(token)).toBeUndefined();
    });

    it('refuses to bind to a pod of another ServiceAccount or to a missing object', async () => {
      ac.create('', 'pods', 'argocd-manager', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
      await expect(requestToken(ac, 'argocd-manager', 'argocd-manager', { boundObjectRef: { kind: 'Pod', apiVersion: 'v1', name: 'web' } })).rejects.toMatchObject({
        code: 400,
        message: 'cannot bind token for serviceaccount "argocd-manager" to pod running with different serviceaccount name.',
      });
      await expect(requestToken(ac, 'argocd-manager', 'argocd-manager', { boundObjectRef: { kind: 'Secret', apiVersion: 'v1', name: 'nope' } })).rejects.toMatchObject({ code: 404 });
    });
  });

  describe('legacy token Secrets', () => {
    const secrets = () => ac.cluster.resource('', 'secrets');
    const tokenSecret = (name: string, sa: string) => ({ apiVersion: 'v1', kind: 'Secret', type: 'kubernetes.io/service-account-token', metadata: { name, annotations: { 'kubernetes.io/service-account.name': sa } } });
    const filledToken = (name: string) => eventually(() => (ac.cluster.api.find(secrets(), 'argocd-manager', name)?.data as Record<string, string> | undefined)?.token);

    it('fills the Secret with a non-expiring token, the CA and the namespace, as Argo CD waits for', async () => {
      ac.create('', 'secrets', 'argocd-manager', tokenSecret('argocd-manager-long-lived-token', 'argocd-manager'));
      const token = Buffer.from(await filledToken('argocd-manager-long-lived-token'), 'base64').toString();
      const secret = ac.cluster.api.find(secrets(), 'argocd-manager', 'argocd-manager-long-lived-token')!;
      const sa = ac.cluster.api.find(saType(), 'argocd-manager', 'argocd-manager')!;
      const data = secret.data as Record<string, string>;
      expect(Buffer.from(data['ca.crt'], 'base64').toString()).toBe(ac.auth.caPem);
      expect(Buffer.from(data.namespace, 'base64').toString()).toBe('argocd-manager');
      expect(secret.metadata.annotations?.['kubernetes.io/service-account.uid']).toBe(sa.metadata.uid);
      // The flat claims Argo CD's `cluster rotate-auth` parses.
      const claims = jwtClaims(token);
      expect(claims).toMatchObject({
        iss: 'kubernetes/serviceaccount',
        'kubernetes.io/serviceaccount/namespace': 'argocd-manager',
        'kubernetes.io/serviceaccount/secret.name': 'argocd-manager-long-lived-token',
        'kubernetes.io/serviceaccount/service-account.name': 'argocd-manager',
        'kubernetes.io/serviceaccount/service-account.uid': sa.metadata.uid,
      });
      expect(claims.exp).toBeUndefined();
      ac.advance(10 * 365 * 24 * 3600);
      expect(authenticate(token)?.username).toBe('system:serviceaccount:argocd-manager:argocd-manager');
    });

    it('waits for a ServiceAccount created after its Secret', async () => {
      ac.create('', 'secrets', 'argocd-manager', tokenSecret('late-token', 'late'));
      await new Promise((r) => setTimeout(r, 50));
      expect(ac.cluster.api.find(secrets(), 'argocd-manager', 'late-token')?.data).toBeUndefined();
      ac.create('', 'serviceaccounts', 'argocd-manager', serviceAccount('late'));
      const token = Buffer.from(await filledToken('late-token'), 'base64').toString();
      expect(authenticate(token)?.username).toBe('system:serviceaccount:argocd-manager:late');
    });

    it('invalidates the token with its Secret, and removes the Secret with its ServiceAccount', async () => {
      ac.create('', 'secrets', 'argocd-manager', tokenSecret('a-token', 'argocd-manager'));
      ac.create('', 'secrets', 'argocd-manager', tokenSecret('b-token', 'argocd-manager'));
      const a = Buffer.from(await filledToken('a-token'), 'base64').toString();
      const b = Buffer.from(await filledToken('b-token'), 'base64').toString();
      ac.cluster.api.delete(secrets(), 'argocd-manager', 'a-token');
      expect(authenticate(a)).toBeUndefined();
      expect(authenticate(b)).toBeDefined();
      ac.cluster.api.delete(saType(), 'argocd-manager', 'argocd-manager');
      expect(authenticate(b)).toBeUndefined();
      await eventually(() => !ac.cluster.api.find(secrets(), 'argocd-manager', 'b-token'));
    });
  });
});
