import { UserInfo } from '../cluster/request-options';
import { KubeObject } from '../store/kube-object';
import { AuthCluster, namespace, pathAttrs, requestToken, resourceAttrs, serviceAccount, startAuthCluster, tokenOf } from './auth-cluster.fixture';

const RBAC_V1 = 'rbac.authorization.k8s.io/v1';
const RBAC = 'rbac.authorization.k8s.io';

const clusterRole = (name: string, rules: object[]): KubeObject => ({ apiVersion: RBAC_V1, kind: 'ClusterRole', metadata: { name }, rules });
const role = (name: string, rules: object[]): KubeObject => ({ apiVersion: RBAC_V1, kind: 'Role', metadata: { name }, rules });
const binding = (kind: 'ClusterRoleBinding' | 'RoleBinding', name: string, roleRef: { kind: string; name: string }, subjects: object[]): KubeObject => ({
  apiVersion: RBAC_V1,
  kind,
  metadata: { name },
  roleRef: { apiGroup: RBAC, ...roleRef },
  subjects,
});

describe('RBAC authorizer', () => {
  let ac: AuthCluster;
  const alice: UserInfo = { username: 'alice', groups: ['system:authenticated'] };
  const allowed = (user: UserInfo, attrs: ReturnType<typeof resourceAttrs>) => ac.auth.authorizer.authorize(user, attrs).allowed;

  beforeEach(async () => {
    ac = await startAuthCluster();
  });
  afterEach(() => ac.stop());

  it('limits the least-privilege argocd-manager role and explains denials as kube-apiserver does', async () => {
    ac.create('', 'namespaces', '', namespace('argocd-manager'));
    ac.create('', 'serviceaccounts', 'argocd-manager', serviceAccount('argocd-manager'));
    ac.create(RBAC, 'clusterroles', '', clusterRole('argocd-manager-role', [
      { apiGroups: ['*'], resources: ['*'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: [''], resources: ['events'], verbs: ['create', 'patch'] },
      { apiGroups: ['', 'apps', 'batch', 'networking.k8s.io'], resources: ['*'], verbs: ['*'] },
    ]));
    ac.create(RBAC, 'clusterrolebindings', '', binding('ClusterRoleBinding', 'argocd-manager-role-binding', { kind: 'ClusterRole', name: 'argocd-manager-role' }, [{ kind: 'ServiceAccount', name: 'argocd-manager', namespace: 'argocd-manager' }]));
    const sa = ac.auth.authenticator.authenticate({ bearerToken: tokenOf(await requestToken(ac, 'argocd-manager', 'argocd-manager')) })!;

    expect(ac.auth.authorizer.authorize(sa, resourceAttrs('create', 'apps', 'deployments', 'default'))).toEqual({
      allowed: true,
      reason: 'RBAC: allowed by ClusterRoleBinding "argocd-manager-role-binding" of ClusterRole "argocd-manager-role" to ServiceAccount "argocd-manager/argocd-manager"',
    });
    expect(allowed(sa, resourceAttrs('delete', '', 'secrets', 'kube-system'))).toBe(true);
    expect(allowed(sa, resourceAttrs('watch', 'apiextensions.k8s.io', 'customresourcedefinitions'))).toBe(true);
    expect(allowed(sa, resourceAttrs('create', 'apiextensions.k8s.io', 'customresourcedefinitions'))).toBe(false);
    expect(allowed(sa, resourceAttrs('patch', 'argoproj.io', 'applications', 'argocd'))).toBe(false);
    const denied = resourceAttrs('create', RBAC, 'clusterroles');
    expect(allowed(sa, denied)).toBe(false);
    expect(ac.auth.forbiddenMessage(sa, denied)).toBe('User "system:serviceaccount:argocd-manager:argocd-manager" cannot create resource "clusterroles" in API group "rbac.authorization.k8s.io" at the cluster scope');
    expect(ac.auth.forbiddenMessage(sa, resourceAttrs('create', 'apiextensions.k8s.io', 'customresourcedefinitions'))).toBe(
      'User "system:serviceaccount:argocd-manager:argocd-manager" cannot create resource "customresourcedefinitions" in API group "apiextensions.k8s.io" at the cluster scope',
    );
  });

  it('scopes a RoleBinding to a ClusterRole to its own namespace', () => {
    ac.create('', 'namespaces', '', namespace('team-a'));
    ac.create(RBAC, 'rolebindings', 'team-a', binding('RoleBinding', 'alice-edit', { kind: 'ClusterRole', name: 'edit' }, [{ kind: 'User', name: 'alice' }]));
    expect(ac.auth.authorizer.authorize(alice, resourceAttrs('create', 'apps', 'deployments', 'team-a'))).toEqual({
      allowed: true,
      reason: 'RBAC: allowed by RoleBinding "alice-edit/team-a" of ClusterRole "edit" to User "alice"',
    });
    expect(allowed(alice, resourceAttrs('create', 'apps', 'deployments', 'default'))).toBe(false);
    expect(allowed(alice, resourceAttrs('list', 'apps', 'deployments'))).toBe(false);
    expect(ac.auth.forbiddenMessage(alice, resourceAttrs('list', 'apps', 'deployments', 'default'))).toBe('User "alice" cannot list resource "deployments" in API group "apps" in the namespace "default"');
  });

  it('sees binding changes at once (the compiled policy is dropped on RBAC events)', () => {
    const pods = resourceAttrs('list', '', 'pods', 'default');
    expect(allowed(alice, pods)).toBe(false);
    ac.create(RBAC, 'clusterrolebindings', '', binding('ClusterRoleBinding', 'alice-view', { kind: 'ClusterRole', name: 'view' }, [{ kind: 'User', name: 'alice' }]));
    expect(allowed(alice, pods)).toBe(true);
    ac.cluster.api.delete(ac.cluster.resource(RBAC, 'clusterrolebindings'), '', 'alice-view');
    expect(allowed(alice, pods)).toBe(false);
  });

  it('matches subresources, */scale, resourceNames and Group and namespace-local ServiceAccount subjects', () => {
    ac.create('', 'namespaces', '', namespace('ops'));
    ac.create(RBAC, 'roles', 'ops', role('scaler', [
      { apiGroups: [''], resources: ['pods/log'], verbs: ['get'] },
      { apiGroups: ['apps'], resources: ['*/scale'], verbs: ['update', 'patch'] },
      { apiGroups: [''], resources: ['configmaps'], resourceNames: ['settings'], verbs: ['get', 'update'] },
    ]));
    ac.create(RBAC, 'rolebindings', 'ops', binding('RoleBinding', 'scalers', { kind: 'Role', name: 'scaler' }, [{ kind: 'Group', name: 'oncall' }, { kind: 'ServiceAccount', name: 'bot' }]));
    const oncall: UserInfo = { username: 'dana', groups: ['oncall', 'system:authenticated'] };
    const bot: UserInfo = { username: 'system:serviceaccount:ops:bot', groups: ['system:serviceaccounts'] };
    const otherBot: UserInfo = { username: 'system:serviceaccount:default:bot', groups: ['system:serviceaccounts'] };
    expect(allowed(oncall, resourceAttrs('get', '', 'pods', 'ops', 'log', 'web-1'))).toBe(true);
    expect(allowed(oncall, resourceAttrs('get', '', 'pods', 'ops', '', 'web-1'))).toBe(false);
    expect(allowed(bot, resourceAttrs('patch', 'apps', 'statefulsets', 'ops', 'scale', 'db'))).toBe(true);
    expect(allowed(bot, resourceAttrs('patch', 'apps', 'statefulsets', 'ops', '', 'db'))).toBe(false);
    expect(allowed(otherBot, resourceAttrs('patch', 'apps', 'statefulsets', 'ops', 'scale', 'db'))).toBe(false);
    expect(allowed(oncall, resourceAttrs('update', '', 'configmaps', 'ops', '', 'settings'))).toBe(true);
    expect(allowed(oncall, resourceAttrs('update', '', 'configmaps', 'ops', '', 'other'))).toBe(false);
    expect(allowed(oncall, resourceAttrs('list', '', 'configmaps', 'ops'))).toBe(false);
    expect(ac.auth.forbiddenMessage(oncall, resourceAttrs('create', '', 'serviceaccounts', 'ops', 'token', 'bot'))).toBe(
      'User "dana" cannot create resource "serviceaccounts/token" in API group "" in the namespace "ops"',
    );
  });

  it('lets everyone see /version and authenticated users discover the API, with wildcard paths', () => {
    const anonymous: UserInfo = { username: 'system:anonymous', groups: ['system:unauthenticated'] };
    expect(allowed(anonymous, pathAttrs('get', '/version'))).toBe(true);
    expect(allowed(anonymous, pathAttrs('get', '/healthz'))).toBe(true);
    expect(allowed(anonymous, pathAttrs('get', '/apis'))).toBe(false);
    expect(ac.auth.forbiddenMessage(anonymous, pathAttrs('get', '/apis'))).toBe('User "system:anonymous" cannot get path "/apis"');
    expect(allowed(alice, pathAttrs('get', '/apis/apps/v1'))).toBe(true);
    expect(allowed(alice, pathAttrs('get', '/metrics'))).toBe(false);
    expect(allowed(alice, pathAttrs('post', '/apis'))).toBe(false);
    expect(allowed(anonymous, resourceAttrs('list', '', 'namespaces'))).toBe(false);
  });

  it('allows system:masters everything and admits every caller when enforcement is off', async () => {
    const admin = ac.auth.authenticator.authenticate({ bearerToken: ac.auth.adminToken })!;
    expect(allowed(admin, resourceAttrs('escalate', RBAC, 'clusterroles'))).toBe(true);
    expect(allowed(admin, pathAttrs('get', '/metrics'))).toBe(true);
    const open = await startAuthCluster(false);
    try {
      expect(open.auth.authenticator.authenticate({})).toEqual({ username: 'kube-sim:admin', groups: ['system:masters', 'system:authenticated'] });
      expect(open.auth.authorizer.authorize(alice, resourceAttrs('delete', '', 'namespaces')).allowed).toBe(true);
    } finally {
      open.stop();
    }
  });

  it('starts with kube\'s default roles, labelled as bootstrap RBAC', () => {
    const names = (plural: string) => ac.cluster.api.list(ac.cluster.resource(RBAC, plural), {}).items.map((s) => s.name);
    expect(names('clusterroles')).toEqual(expect.arrayContaining(['cluster-admin', 'admin', 'edit', 'view', 'system:discovery', 'system:basic-user', 'system:public-info-viewer']));
    expect(names('clusterrolebindings')).toEqual(expect.arrayContaining(['cluster-admin', 'system:discovery', 'system:basic-user', 'system:public-info-viewer']));
    const admin = ac.cluster.api.find(ac.cluster.resource(RBAC, 'clusterroles'), '', 'cluster-admin')!;
    expect(admin.metadata.labels).toEqual({ 'kubernetes.io/bootstrapping': 'rbac-defaults' });
    expect(admin.metadata.annotations).toEqual({ 'rbac.authorization.kubernetes.io/autoupdate': 'true' });
    const viewer: UserInfo = { username: 'vic', groups: ['system:authenticated'] };
    ac.create(RBAC, 'clusterrolebindings', '', binding('ClusterRoleBinding', 'vic-view', { kind: 'ClusterRole', name: 'view' }, [{ kind: 'User', name: 'vic' }]));
    expect(allowed(viewer, resourceAttrs('get', '', 'pods', 'default', 'log'))).toBe(true);
    expect(allowed(viewer, resourceAttrs('get', '', 'secrets', 'default'))).toBe(false);
    expect(allowed(viewer, resourceAttrs('delete', 'apps', 'deployments', 'default'))).toBe(false);
  });
});
