import { UserInfo } from '../cluster/request-options';
import { KubeObject } from '../store/kube-object';
import { AuthCluster, namespace, requestToken, serviceAccount, startAuthCluster, tokenOf } from './auth-cluster.fixture';

const RBAC = 'rbac.authorization.k8s.io';

describe('access and token reviews', () => {
  let ac: AuthCluster;
  const bob: UserInfo = { username: 'bob', groups: ['system:authenticated'] };
  const post = async (group: string, plural: string, kind: string, spec: object | undefined, user: UserInfo, ns = ''): Promise<KubeObject> =>
    ac.auth.virtualCreates[`${group}/${plural}`]({
      t: ac.cluster.resource(group, plural),
      namespace: ns,
      body: { apiVersion: `${group}/v1`, kind, metadata: {}, ...(spec ? { spec } : {}) },
      user,
    });
  const canI = async (user: UserInfo, spec: object) => (await post('authorization.k8s.io', 'selfsubjectaccessreviews', 'SelfSubjectAccessReview', spec, user)).status as { allowed: boolean; reason?: string };

  beforeEach(async () => {
    ac = await startAuthCluster();
    ac.create('', 'namespaces', '', namespace('team-a'));
    ac.create(RBAC, 'rolebindings', 'team-a', {
      apiVersion: `${RBAC}/v1`,
      kind: 'RoleBinding',
      metadata: { name: 'bob-edit' },
      roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: 'edit' },
      subjects: [{ kind: 'User', name: 'bob' }],
    });
  });
  afterEach(() => ac.stop());

  it('answers kubectl auth can-i for resources and paths, echoing the request', async () => {
    const review = await post('authorization.k8s.io', 'selfsubjectaccessreviews', 'SelfSubjectAccessReview', { resourceAttributes: { namespace: 'team-a', verb: 'create', group: 'apps', resource: 'deployments' } }, bob);
    expect(review).toMatchObject({ apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec: { resourceAttributes: { namespace: 'team-a', verb: 'create' } } });
    expect(review.status).toEqual({ allowed: true, reason: 'RBAC: allowed by RoleBinding "bob-edit/team-a" of ClusterRole "edit" to User "bob"' });
    expect(await canI(bob, { resourceAttributes: { namespace: 'default', verb: 'create', group: 'apps', resource: 'deployments' } })).toEqual({ allowed: false });
    expect(await canI(bob, { resourceAttributes: { verb: 'create', group: 'authorization.k8s.io', resource: 'selfsubjectaccessreviews' } })).toMatchObject({ allowed: true });
    expect(await canI(bob, { nonResourceAttributes: { verb: 'get', path: '/apis' } })).toMatchObject({ allowed: true });
    expect(await canI(bob, { nonResourceAttributes: { verb: 'get', path: '/metrics' } })).toEqual({ allowed: false });
  });

  it('rejects a review that names neither resource nor path', async () => {
    await expect(canI(bob, {})).rejects.toMatchObject({ code: 422, message: expect.stringContaining('SelfSubjectAccessReview.authorization.k8s.io "" is invalid: spec.resourceAttributes') });
  });

  it('lists the caller\'s rules in a namespace for kubectl auth can-i --list', async () => {
    const rules = async (ns: string) => (await post('authorization.k8s.io', 'selfsubjectrulesreviews', 'SelfSubjectRulesReview', { namespace: ns }, bob)).status as { resourceRules: Array<{ resources: string[]; verbs: string[] }>; nonResourceRules: Array<{ nonResourceURLs: string[] }>; incomplete: boolean };
    const inTeam = await rules('team-a');
    expect(inTeam.incomplete).toBe(false);
    expect(inTeam.resourceRules).toContainEqual(expect.objectContaining({ apiGroups: ['apps'], resources: expect.arrayContaining(['deployments']), verbs: expect.arrayContaining(['create']) }));
    expect(inTeam.resourceRules).toContainEqual({ verbs: ['create'], apiGroups: ['authorization.k8s.io'], resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'] });
    expect(inTeam.nonResourceRules).toContainEqual(expect.objectContaining({ nonResourceURLs: expect.arrayContaining(['/version']) }));
    const elsewhere = await rules('default');
    expect(elsewhere.resourceRules.some((r) => r.resources.includes('deployments'))).toBe(false);
  });

  it('checks another user with SubjectAccessReview and LocalSubjectAccessReview', async () => {
    const sar = async (spec: object) => ((await post('authorization.k8s.io', 'subjectaccessreviews', 'SubjectAccessReview', spec, bob)).status as { allowed: boolean }).allowed;
    expect(await sar({ user: 'bob', resourceAttributes: { namespace: 'team-a', verb: 'delete', resource: 'pods' } })).toBe(true);
    expect(await sar({ user: 'carol', groups: ['system:authenticated'], resourceAttributes: { namespace: 'team-a', verb: 'delete', resource: 'pods' } })).toBe(false);
    expect(await sar({ user: 'carol', groups: ['system:masters'], resourceAttributes: { verb: 'delete', resource: 'nodes' } })).toBe(true);
    await expect(sar({ resourceAttributes: { verb: 'get', resource: 'pods' } })).rejects.toMatchObject({ code: 422, message: expect.stringContaining('at least one of user or group must be specified') });
    const local = await post('authorization.k8s.io', 'localsubjectaccessreviews', 'LocalSubjectAccessReview', { user: 'bob', resourceAttributes: { verb: 'delete', resource: 'pods' } }, bob, 'team-a');
    expect((local.status as { allowed: boolean }).allowed).toBe(true);
  });

  it('reviews tokens for the audiences asked, as TokenReview does for webhooks', async () => {
    ac.create('', 'serviceaccounts', 'team-a', serviceAccount('ci'));
    const review = async (token: string, audiences?: string[]) => (await post('authentication.k8s.io', 'tokenreviews', 'TokenReview', { token, ...(audiences ? { audiences } : {}) }, bob)).status as Record<string, unknown>;
    const apiToken = tokenOf(await requestToken(ac, 'team-a', 'ci'));
    expect(await review(apiToken)).toMatchObject({ authenticated: true, user: { username: 'system:serviceaccount:team-a:ci', groups: ['system:serviceaccounts', 'system:serviceaccounts:team-a', 'system:authenticated'] }, audiences: ['https://kubernetes.default.svc.cluster.local'] });
    const vaultToken = tokenOf(await requestToken(ac, 'team-a', 'ci', { audiences: ['vault'] }));
    expect(await review(vaultToken)).toEqual({ user: {}, error: expect.any(String) });
    expect(await review(vaultToken, ['vault'])).toMatchObject({ authenticated: true, audiences: ['vault'] });
    expect((await review('garbage')).authenticated).toBeUndefined();
  });

  it('tells the caller who they are for kubectl auth whoami', async () => {
    ac.create('', 'serviceaccounts', 'team-a', serviceAccount('ci'));
    const sa = ac.auth.authenticator.authenticate({ bearerToken: tokenOf(await requestToken(ac, 'team-a', 'ci')) })!;
    const whoami = await post('authentication.k8s.io', 'selfsubjectreviews', 'SelfSubjectReview', undefined, sa);
    expect(whoami).toMatchObject({ apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview', status: { userInfo: { username: 'system:serviceaccount:team-a:ci', uid: sa.uid, groups: sa.groups } } });
    expect(whoami.spec).toBeUndefined();
  });
});
