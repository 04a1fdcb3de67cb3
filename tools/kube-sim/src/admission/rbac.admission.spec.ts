import { KubeObject } from '../store/kube-object';
import { admit, messages } from './admission.fixture';

const binding = (roleRef: object, subjects: object[]): KubeObject => ({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'b', namespace: 'ns' }, roleRef, subjects });

describe('RBAC admission', () => {
  it('defaults roleRef and User/Group subject API groups', () => {
    const b = binding({ kind: 'ClusterRole', name: 'view' }, [{ kind: 'User', name: 'alice' }, { kind: 'ServiceAccount', name: 'ci', namespace: 'ns' }]);
    expect(admit('rbac.authorization.k8s.io/RoleBinding', b)).toEqual([]);
    expect(b.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' });
    expect(b.subjects).toEqual([{ kind: 'User', name: 'alice', apiGroup: 'rbac.authorization.k8s.io' }, { kind: 'ServiceAccount', name: 'ci', namespace: 'ns' }]);
  });

  it('refuses a changed roleRef and unknown subject kinds', () => {
    const old = binding({ kind: 'ClusterRole', name: 'view' }, []);
    admit('rbac.authorization.k8s.io/RoleBinding', old);
    const next = binding({ kind: 'ClusterRole', name: 'edit' }, [{ kind: 'Robot', name: 'r2' }]);
    expect(messages(admit('rbac.authorization.k8s.io/RoleBinding', next, old))).toEqual([
      'roleRef: Invalid value: rbac.RoleRef{APIGroup:"rbac.authorization.k8s.io", Kind:"ClusterRole", Name:"edit"}: cannot change roleRef',
      'subjects[0].kind: Unsupported value: "Robot": supported values: "ServiceAccount", "User", "Group"',
    ]);
    const crb: KubeObject = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: 'c' }, roleRef: { kind: 'Role', name: 'r' }, subjects: [{ kind: 'ServiceAccount', name: 'sa' }] };
    expect(messages(admit('rbac.authorization.k8s.io/ClusterRoleBinding', crb))).toEqual([
      'roleRef.kind: Unsupported value: "Role": supported values: "ClusterRole"',
      'subjects[0].namespace: Required value',
    ]);
  });

  it('requires verbs, groups and resources on rules and serves absent rules as null', () => {
    const role: KubeObject = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'r', namespace: 'ns' }, rules: [{ resources: ['pods'] }, { verbs: ['get'], nonResourceURLs: ['/healthz'] }] };
    expect(messages(admit('rbac.authorization.k8s.io/Role', role))).toEqual([
      'rules[0].verbs: Required value: verbs must contain at least one value',
      'rules[0].apiGroups: Required value: resource rules must supply at least one api group',
      'rules[1].nonResourceURLs: Invalid value: []string{"/healthz"}: namespaced rules cannot apply to non-resource URLs',
    ]);
    const empty: KubeObject = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'agg' }, aggregationRule: { clusterRoleSelectors: [{ matchLabels: { a: 'b' } }] } };
    expect(admit('rbac.authorization.k8s.io/ClusterRole', empty)).toEqual([]);
    expect(empty.rules).toBeNull();
  });
});
