import { X509Certificate } from 'node:crypto';
import { ManagedFieldsTracking } from '../cluster/managed-fields.tracking';
import { SimulatedCluster } from '../cluster/simulated-cluster';
import { RequestAttributes } from './auth';
import { ClusterAuth, createClusterAuth } from './cluster-auth';

const attrs = (verb: string, apiGroup: string, resource: string, namespace = '', subresource = ''): RequestAttributes => ({ verb, resourceRequest: true, apiGroup, apiVersion: 'v1', resource, subresource, namespace, name: '', path: '' });

describe('cluster auth', () => {
  let auth: ClusterAuth;
  let cluster: SimulatedCluster;
  const ns = (n: string) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: n } });

  beforeEach(async () => {
    auth = await createClusterAuth({ enforce: true });
    cluster = new SimulatedCluster({ name: 't', admission: {}, fields: new ManagedFieldsTracking({ forKind: () => undefined }), schemas: { forKind: () => undefined }, crdSchemas: { register() {}, unregister() {} }, caPem: auth.caPem, reconcilers: auth.reconcilers });
    auth.attach(cluster);
    cluster.start(auth.bootstrapObjects());
    cluster.api.create(cluster.resource('', 'namespaces'), '', ns('argocd-manager'));
    cluster.api.create(cluster.resource('', 'serviceaccounts'), 'argocd-manager', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'argocd-manager' } });
  });
  afterEach(() => cluster.stop());

  const tokenFor = async (sa: string, namespace: string, expirationSeconds?: number): Promise<string> => {
    const out = await auth.virtualCreates['/serviceaccounts/token']({ t: cluster.resource('', 'serviceaccounts'), namespace, name: sa, body: { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', metadata: {}, spec: { expirationSeconds } }, user: { username: 'x', groups: [] } });
    return (out.status as { token: string }).token;
  };

  it('authenticates the admin token, rejects unknown ones and treats no credentials as anonymous', () => {
    expect(auth.authenticator.authenticate({ bearerToken: auth.adminToken })).toMatchObject({ username: 'kube-sim:admin', groups: expect.arrayContaining(['system:masters']) });
    expect(auth.authenticator.authenticate({ bearerToken: 'nope' })).toBeUndefined();
    expect(auth.authenticator.authenticate({})).toEqual({ username: 'system:anonymous', groups: ['system:unauthenticated'] });
  });

  it('issues TokenRequest tokens that stop working when revoked or when the ServiceAccount is deleted', async () => {
    const token = await tokenFor('argocd-manager', 'argocd-manager');
    expect(auth.authenticator.authenticate({ bearerToken: token })).toMatchObject({ username: 'system:serviceaccount:argocd-manager:argocd-manager', groups: ['system:serviceaccounts', 'system:serviceaccounts:argocd-manager', 'system:authenticated'] });
    const other = await tokenFor('argocd-manager', 'argocd-manager');
    auth.revokeToken(token);
    expect(auth.authenticator.authenticate({ bearerToken: token })).toBeUndefined();
    cluster.api.delete(cluster.resource('', 'serviceaccounts'), 'argocd-manager', 'argocd-manager');
    expect(auth.authenticator.authenticate({ bearerToken: other })).toBeUndefined();
  });

  it('refuses token durations under ten minutes and tokens for missing accounts', async () => {
    await expect(tokenFor('argocd-manager', 'argocd-manager', 60)).rejects.toThrow('may not specify a duration less than 10 minutes');
    await expect(tokenFor('ghost', 'argocd-manager')).rejects.toThrow('serviceaccounts "ghost" not found');
  });

  it('limits the least-privilege role from the Argo CD cluster guide', async () => {
    cluster.api.create(cluster.resource('rbac.authorization.k8s.io', 'clusterroles'), '', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: 'argocd-manager-role' },
      rules: [
        { apiGroups: ['*'], resources: ['*'], verbs: ['get', 'list', 'watch'] },
        { apiGroups: [''], resources: ['events'], verbs: ['create', 'patch'] },
        { apiGroups: ['', 'apps', 'batch', 'networking.k8s.io'], resources: ['*'], verbs: ['*'] },
      ],
    });
    cluster.api.create(cluster.resource('rbac.authorization.k8s.io', 'clusterrolebindings'), '', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: 'argocd-manager-role-binding' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'argocd-manager-role' },
      subjects: [{ kind: 'ServiceAccount', name: 'argocd-manager', namespace: 'argocd-manager' }],
    });
    const user = auth.authenticator.authenticate({ bearerToken: await tokenFor('argocd-manager', 'argocd-manager') })!;
    expect(auth.authorizer.authorize(user, attrs('create', 'apps', 'deployments', 'default')).allowed).toBe(true);
    expect(auth.authorizer.authorize(user, attrs('list', 'apiextensions.k8s.io', 'customresourcedefinitions')).allowed).toBe(true);
    expect(auth.authorizer.authorize(user, attrs('create', 'apiextensions.k8s.io', 'customresourcedefinitions')).allowed).toBe(false);
    const denied = attrs('create', 'rbac.authorization.k8s.io', 'clusterroles');
    expect(auth.authorizer.authorize(user, denied).allowed).toBe(false);
    expect(auth.forbiddenMessage(user, denied)).toBe('User "system:serviceaccount:argocd-manager:argocd-manager" cannot create resource "clusterroles" in API group "rbac.authorization.k8s.io" at the cluster scope');
  });

  it('scopes a RoleBinding to a ClusterRole to its namespace', () => {
    cluster.api.create(cluster.resource('', 'namespaces'), '', ns('team-a'));
    cluster.api.create(cluster.resource('rbac.authorization.k8s.io', 'rolebindings'), 'team-a', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'alice-edit' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'edit' },
      subjects: [{ kind: 'User', name: 'alice' }],
    });
    const alice = { username: 'alice', groups: ['system:authenticated'] };
    expect(auth.authorizer.authorize(alice, attrs('create', 'apps', 'deployments', 'team-a')).allowed).toBe(true);
    expect(auth.authorizer.authorize(alice, attrs('create', 'apps', 'deployments', 'default')).allowed).toBe(false);
    expect(auth.forbiddenMessage(alice, attrs('get', '', 'pods', 'default', 'log'))).toBe('User "alice" cannot get resource "pods/log" in API group "" in the namespace "default"');
  });

  it('answers SelfSubjectAccessReviews for the caller', async () => {
    const review = (verb: string, resource: string) =>
      auth.virtualCreates['authorization.k8s.io/selfsubjectaccessreviews']({ t: cluster.resource('', 'namespaces'), namespace: '', body: { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', metadata: {}, spec: { resourceAttributes: { verb, resource, namespace: 'default' } } }, user: { username: 'bob', groups: ['system:authenticated'] } });
    expect(((await review('create', 'selfsubjectaccessreviews')).status as { allowed: boolean }).allowed).toBe(false);
    expect(((await review('list', 'pods')).status as { allowed: boolean }).allowed).toBe(false);
  });

  it('fills legacy ServiceAccount token Secrets', async () => {
    const secrets = cluster.resource('', 'secrets');
    cluster.api.create(secrets, 'argocd-manager', { apiVersion: 'v1', kind: 'Secret', type: 'kubernetes.io/service-account-token', metadata: { name: 'argocd-manager-token', annotations: { 'kubernetes.io/service-account.name': 'argocd-manager' } } });
    const filled = await waitFor(() => (cluster.api.find(secrets, 'argocd-manager', 'argocd-manager-token')?.data as Record<string, string> | undefined)?.token);
    const token = Buffer.from(filled, 'base64').toString();
    expect(auth.authenticator.authenticate({ bearerToken: token })?.username).toBe('system:serviceaccount:argocd-manager:argocd-manager');
  });

  it('signs client certificates with the cluster CA, CN the user and O the groups', async () => {
    const { certPem } = await auth.issueClientCertificate('carol', ['devs', 'ops']);
    const cert = new X509Certificate(certPem);
    expect(cert.verify(new X509Certificate(auth.caPem).publicKey)).toBe(true);
    expect(cert.subject.split('\n')).toEqual(['CN=carol', 'O=devs', 'O=ops']);
  });
});

async function waitFor<T>(probe: () => T | undefined): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const v = probe();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('condition not reached');
}
