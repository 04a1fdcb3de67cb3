import { UserInfo } from '../cluster/request-options';
import { ObjectStore } from '../store/object.store';
import { Authorizer, Decision, RequestAttributes } from './auth';
import { PolicyRule, ruleAllows } from './policy-rule';

interface Subject {
  kind: string;
  name: string;
  namespace?: string;
}

interface Binding {
  name: string;
  /** '' for a ClusterRoleBinding. */
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
const RBAC_RESOURCES = new Set(['roles', 'clusterroles', 'rolebindings', 'clusterrolebindings'].map((p) => `${RBAC}/${p}`));
const MASTERS = 'system:masters';
const EVERYTHING: PolicyRule[] = [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }, { verbs: ['*'], nonResourceURLs: ['*'] }];

/** Role-based access control over the cluster's own Roles and bindings, as kube-apiserver evaluates it. */
export class RbacAuthorizer implements Authorizer {
  private policy?: Policy;

  constructor(private readonly store: ObjectStore) {
    // The compiled policy is dropped whenever an RBAC object changes, so requests stay cheap.
    store.onEvent((e) => {
      if (RBAC_RESOURCES.has(e.resource)) this.policy = undefined;
    });
  }

  authorize(user: UserInfo, attrs: RequestAttributes): Decision {
    // kube's privileged-groups authorizer runs before RBAC and gives no reason.
    if (user.groups.includes(MASTERS)) return { allowed: true, reason: '' };
    const policy = this.compiled();
    for (const { binding, subject } of this.applicable(policy, user, attrs.namespace)) {
      const rules = rulesOf(policy, binding);
      if (rules.some((r) => ruleAllows(r, attrs))) return { allowed: true, reason: `RBAC: allowed by ${describe(binding, subject)}` };
    }
    return { allowed: false, reason: '' };
  }

  /** The rules that apply to a user in a namespace (SelfSubjectRulesReview). */
  rulesFor(user: UserInfo, namespace: string): PolicyRule[] {
    const policy = this.compiled();
    const granted = [...this.applicable(policy, user, namespace)].flatMap(({ binding }) => rulesOf(policy, binding));
    // kube's authorizer union lists the privileged group's catch-all ahead of RBAC's own rules.
    return user.groups.includes(MASTERS) ? [...EVERYTHING, ...granted] : granted;
  }

  /** Cluster-wide bindings first, then the namespace's RoleBindings, as kube's rule resolver visits them. */
  private *applicable(policy: Policy, user: UserInfo, namespace: string): Generator<{ binding: Binding; subject: Subject }> {
    const candidates = namespace ? [...policy.clusterRoleBindings, ...policy.roleBindings.filter((b) => b.namespace === namespace)] : policy.clusterRoleBindings;
    for (const binding of candidates) {
      const subject = binding.subjects.find((s) => subjectMatches(s, user, binding.namespace));
      if (subject) yield { binding, subject };
    }
  }

  private compiled(): Policy {
    return (this.policy ??= this.compile());
  }

  private compile(): Policy {
    const read = <T>(plural: string): Array<{ namespace: string; name: string; obj: T }> =>
      this.store.list(`${RBAC}/${plural}`, {}).items.map((s) => ({ namespace: s.namespace, name: s.name, obj: JSON.parse(s.json) as T }));
    type RoleObj = { rules?: PolicyRule[] | null };
    type BindingObj = { roleRef: Binding['roleRef']; subjects?: Subject[] | null };
    const binding = (b: { namespace: string; name: string; obj: BindingObj }): Binding => ({ name: b.name, namespace: b.namespace, roleRef: b.obj.roleRef, subjects: b.obj.subjects ?? [] });
    return {
      roles: new Map(read<RoleObj>('roles').map((r) => [`${r.namespace}/${r.name}`, r.obj.rules ?? []])),
      clusterRoles: new Map(read<RoleObj>('clusterroles').map((r) => [r.name, r.obj.rules ?? []])),
      roleBindings: read<BindingObj>('rolebindings').map(binding),
      clusterRoleBindings: read<BindingObj>('clusterrolebindings').map(binding),
    };
  }
}

function rulesOf(policy: Policy, b: Binding): PolicyRule[] {
  if (b.roleRef.kind === 'ClusterRole') return policy.clusterRoles.get(b.roleRef.name) ?? [];
  // A ClusterRoleBinding can only reference a ClusterRole.
  return b.namespace ? (policy.roles.get(`${b.namespace}/${b.roleRef.name}`) ?? []) : [];
}

function subjectMatches(s: Subject, user: UserInfo, bindingNamespace: string): boolean {
  if (s.kind === 'User') return s.name === user.username;
  if (s.kind === 'Group') return user.groups.includes(s.name);
  if (s.kind !== 'ServiceAccount') return false;
  const namespace = s.namespace || bindingNamespace;
  return !!namespace && user.username === `system:serviceaccount:${namespace}:${s.name}`;
}

/** kube's binding describer, e.g. `ClusterRoleBinding "x" of ClusterRole "y" to Group "z"`. */
function describe(b: Binding, s: Subject): string {
  const subject = s.kind === 'ServiceAccount' ? `${s.kind} "${s.name}/${s.namespace || b.namespace}"` : `${s.kind} "${s.name}"`;
  const binding = b.namespace ? `RoleBinding "${b.name}/${b.namespace}"` : `ClusterRoleBinding "${b.name}"`;
  return `${binding} of ${b.roleRef.kind} "${b.roleRef.name}" to ${subject}`;
}

/** kube-apiserver's denial text, e.g. `User "x" cannot list resource "pods" in API group "" at the cluster scope`. */
export function rbacDenial(user: UserInfo, a: RequestAttributes): string {
  if (!a.resourceRequest) return `User "${user.username}" cannot ${a.verb} path "${a.path}"`;
  const resource = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  const scope = a.namespace ? `in the namespace "${a.namespace}"` : 'at the cluster scope';
  return `User "${user.username}" cannot ${a.verb} resource "${resource}" in API group "${a.apiGroup}" ${scope}`;
}
