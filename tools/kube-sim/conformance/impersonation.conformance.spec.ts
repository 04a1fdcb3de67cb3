import { KubectlHarness, startKubectlHarness } from './kubectl.harness';
import { call } from './http.harness';

// Impersonation as kube-apiserver does it: k8s.io/apiserver/pkg/endpoints/filters/impersonation.go
// checks verb `impersonate` on users/groups/serviceaccounts for the caller, then every later
// authorization (and SelfSubjectAccessReview/SelfSubjectReview) sees the impersonated user,
// with `system:authenticated` added; https://kubernetes.io/docs/reference/access-authn-authz/authentication/#user-impersonation
let k: KubectlHarness;

const rbac = `
apiVersion: v1
kind: Namespace
metadata: { name: team }
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: { name: jane-edit, namespace: team }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit }
subjects: [{ kind: User, name: jane, apiGroup: rbac.authorization.k8s.io }]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: { name: ops-view }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view }
subjects: [{ kind: Group, name: ops, apiGroup: rbac.authorization.k8s.io }]
---
apiVersion: v1
kind: ServiceAccount
metadata: { name: bot, namespace: team }
`;

beforeAll(async () => {
  k = await startKubectlHarness();
  await k.ok(['apply', '-f', k.writeFile('rbac.yaml', rbac)]);
});
afterAll(async () => {
  await k.stop();
});

describe('impersonation (kubectl --as / --as-group)', () => {
  it('answers auth can-i for the impersonated user, not for the admin who asks', async () => {
    const denied = await k.run(['auth', 'can-i', 'create', 'clusterroles', '--as=jane']);
    expect(denied.stdout.trim()).toBe('no');
    expect(denied.code).toBe(1);
    expect((await k.ok(['auth', 'can-i', 'create', 'deployments', '-n', 'team', '--as=jane'])).trim()).toBe('yes');
    expect((await k.run(['auth', 'can-i', 'list', 'pods', '-n', 'default', '--as=jane'])).stdout.trim()).toBe('no');
    expect((await k.ok(['auth', 'can-i', 'list', 'pods', '-n', 'default', '--as=jane', '--as-group=ops'])).trim()).toBe('yes');
  });

  it('authorizes every request as the impersonated user, with kube-apiserver\'s 403 text', async () => {
    const denied = await k.run(['get', 'pods', '-n', 'default', '--as=jane']);
    expect(denied.code).not.toBe(0);
    expect(denied.stderr).toContain('pods is forbidden: User "jane" cannot list resource "pods" in API group "" in the namespace "default"');
    expect((await k.run(['get', 'pods', '-n', 'default', '--as=jane', '--as-group=ops'])).code).toBe(0);
    expect((await k.run(['create', 'configmap', 'by-jane', '-n', 'team', '--as=jane'])).code).toBe(0);
  });

  it('reports the impersonated identity in auth whoami, system:authenticated added', async () => {
    const who = JSON.parse(await k.ok(['auth', 'whoami', '-o', 'json', '--as=jane', '--as-group=ops']));
    expect(who.status.userInfo).toEqual({ username: 'jane', groups: ['ops', 'system:authenticated'] });
    const sa = JSON.parse(await k.ok(['auth', 'whoami', '-o', 'json', '--as=system:serviceaccount:team:bot']));
    expect(sa.status.userInfo).toEqual({ username: 'system:serviceaccount:team:bot', groups: ['system:serviceaccounts', 'system:serviceaccounts:team', 'system:authenticated'] });
  });

  it('refuses impersonation to a caller without the impersonate verb', async () => {
    const token = (await k.ok(['create', 'token', 'bot', '-n', 'team'])).trim();
    const denied = await k.run(['--token', token, 'get', 'configmaps', '-n', 'team', '--as=jane']);
    expect(denied.code).not.toBe(0);
    expect(denied.stderr).toContain('users "jane" is forbidden: User "system:serviceaccount:team:bot" cannot impersonate resource "users" in API group "" at the cluster scope');
  });

  it('refuses groups without a user, as the filter does', async () => {
    const r = await call(k.sim, 'GET', '/api/v1/namespaces', { headers: { 'Impersonate-Group': 'ops' } });
    expect(r.status).toBe(500);
    expect(r.json().message).toContain('without impersonating a user');
  });
});
