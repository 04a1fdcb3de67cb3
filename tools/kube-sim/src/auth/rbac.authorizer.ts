import { UserInfo } from '../cluster/request-options';
import { ObjectStore } from '../store/object.store';
import { Authorizer, Decision, RequestAttributes } from './auth';

interface PolicyRule {
  verbs?: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

interface Subject {
  kind: string;
  name: string;
  namespace?: string;
}

interface Binding {
  namespace: string;
  roleRef: { kind: string; name: string };
  subjects: Subject[];
}

interface Policy {
  roles: Map<string, PolicyRule[]>;
  clusterRoles: Map<string, PolicyRule[]>;
  roleBindings: Binding[];
  clusterRoleBindings: Binding[];
}

const RBAC = 'rbac.authorization.k8s.io';
const RBAC_RESOURCES = ['roles', 'clusterroles', 'rolebindings', 'clusterrolebindings'].map((p) => `${RBAC}/${p}`);

/** Role-based access control over the cluster's own Roles and bindings, as kube-apiserver evaluates it. */
export class RbacAuthorizer implements Authorizer {
  private policy?: Policy;

  constructor(private readonly store: ObjectStore) {
    // Compiled policy is dropped whenever an RBAC object changes, so requests stay cheap.
    store.onEvent((e) => {
      if (RBAC_RESOURCES.includes(e.resource)) this.policy = undefined;
    });
  }

  authorize(user: UserInfo, attrs: RequestAttributes): Decision {
    if (user.groups.includes('system:masters')) return { allowed: true, reason: 'member of system:masters' };
    const policy = (this.policy ??= this.compile());
    for (const b of policy.clusterRoleBindings) {
      if (!b.subjects.some((s) => subjectMatches(s, user, ''))) continue;
      const rules = b.roleRef.kind === 'ClusterRole' ? policy.clusterRoles.get(b.roleRef.name) : undefined;
      if (rules?.some((r) => ruleAllows(r, attrs))) return { allowed: true, reason: `RBAC: allowed by ClusterRoleBinding "${b.roleRef.name}"` };
    }
    if (attrs.namespace) {
      for (const b of policy.roleBindings) {
        if (b.namespace !== attrs.namespace || !b.subjects.some((s) => subjectMatches(s, user, b.namespace))) continue;
        const rules = b.roleRef.kind === 'ClusterRole' ? policy.clusterRoles.get(b.roleRef.name) : policy.roles.get(`${b.namespace}/${b.roleRef.name}`);
        if (rules?.some((r) => ruleAllows(r, attrs))) return { allowed: true, reason: `RBAC: allowed by RoleBinding "${b.roleRef.name}"` };
      }
    }
    return { allowed: false };
  }

  /** The rules that apply to a user in a namespace (SelfSubjectRulesReview). */
  rulesFor(user: UserInfo, namespace: string): PolicyRule[] {
    if (user.groups.includes('system:masters')) return [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }, { verbs: ['*'], nonResourceURLs: ['*'] }];
    const policy = (this.policy ??= this.compile());
    const rules: PolicyRule[] = [];
    for (const b of policy.clusterRoleBindings) {
      if (b.subjects.some((s) => subjectMatches(s, user, ''))) rules.push(...(policy.clusterRoles.get(b.roleRef.name) ?? []));
    }
    for (const b of policy.roleBindings) {
      if (b.namespace !== namespace || !b.subjects.some((s) => subjectMatches(s, user, b.namespace))) continue;
      rules.push(...((b.roleRef.kind === 'ClusterRole' ? policy.clusterRoles.get(b.roleRef.name) : policy.roles.get(`${b.namespace}/${b.roleRef.name}`)) ?? []));
    }
    return rules;
  }

  private compile(): Policy {
    const read = <T>(plural: string): Array<{ namespace: string; name: string; obj: T }> =>
      this.store.list(`${RBAC}/${plural}`, {}).items.map((s) => ({ namespace: s.namespace, name: s.name, obj: JSON.parse(s.json) as T }));
    type RoleObj = { rules?: PolicyRule[] };
    type BindingObj = { roleRef: Binding['roleRef']; subjects?: Subject[] };
    return {
      roles: new Map(read<RoleObj>('roles').map((r) => [`${r.namespace}/${r.name}`, r.obj.rules ?? []])),
      clusterRoles: new Map(read<RoleObj>('clusterroles').map((r) => [r.name, r.obj.rules ?? []])),
      roleBindings: read<BindingObj>('rolebindings').map((b) => ({ namespace: b.namespace, roleRef: b.obj.roleRef, subjects: b.obj.subjects ?? [] })),
      clusterRoleBindings: read<BindingObj>('clusterrolebindings').map((b) => ({ namespace: '', roleRef: b.obj.roleRef, subjects: b.obj.subjects ?? [] })),
    };
  }
}

function subjectMatches(s: Subject, user: UserInfo, bindingNamespace: string): boolean {
  if (s.kind === 'User') return s.name === user.username;
  if (s.kind === 'Group') return user.groups.includes(s.name);
  if (s.kind === 'ServiceAccount') return user.username === `system:serviceaccount:${s.namespace || bindingNamespace}:${s.name}`;
  return false;
}

const has = (list: string[] | undefined, v: string): boolean => !!list && (list.includes('*') || list.includes(v));

function ruleAllows(r: PolicyRule, a: RequestAttributes): boolean {
  if (!has(r.verbs, a.verb)) return false;
  if (!a.resourceRequest) return !!r.nonResourceURLs?.some((u) => u === '*' || u === a.path || (u.endsWith('*') && a.path.startsWith(u.slice(0, -1))));
  if (!has(r.apiGroups, a.apiGroup)) return false;
  const resource = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  const resourceOk = !!r.resources?.some((x) => x === '*' || x === resource || (a.subresource !== '' && x === `*/${a.subresource}`));
  if (!resourceOk) return false;
  return !r.resourceNames?.length || r.resourceNames.includes(a.name);
}

/** kube-apiserver's RBAC denial text, e.g. `User "x" cannot list resource "pods" in API group "" at the cluster scope`. */
export function rbacDenial(user: UserInfo, a: RequestAttributes): string {
  if (!a.resourceRequest) return `User "${user.username}" cannot ${a.verb} path "${a.path}"`;
  const resource = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  const scope = a.namespace ? `in the namespace "${a.namespace}"` : 'at the cluster scope';
  return `User "${user.username}" cannot ${a.verb} resource "${resource}" in API group "${a.apiGroup}" ${scope}`;
}
