import { StatusCause } from '../api/status-error';
import { KubeObject } from '../store/kube-object';
import { KindAdmission } from './admission';
import { invalid, notSupported, quote, required } from './field-errors';

type Json = Record<string, any>;

const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** ValidatePolicyRule: verbs always; then either non-resource URLs (cluster-wide only) or groups and resources. */
function validateRule(rule: Json, at: string, namespaced: boolean): StatusCause[] {
  const causes: StatusCause[] = [];
  if (!((rule.verbs ?? []) as unknown[]).length) causes.push(required(`${at}.verbs`, 'verbs must contain at least one value'));
  const urls = (rule.nonResourceURLs ?? []) as string[];
  if (urls.length) {
    const rendered = `[]string{${urls.map(quote).join(', ')}}`;
    if (namespaced) causes.push(invalid(`${at}.nonResourceURLs`, rendered, 'namespaced rules cannot apply to non-resource URLs'));
    if (((rule.apiGroups ?? []) as unknown[]).length || ((rule.resources ?? []) as unknown[]).length || ((rule.resourceNames ?? []) as unknown[]).length) {
      causes.push(invalid(`${at}.nonResourceURLs`, rendered, 'rules cannot apply to both regular resources and non-resource URLs'));
    }
    return causes;
  }
  if (!((rule.apiGroups ?? []) as unknown[]).length) causes.push(required(`${at}.apiGroups`, 'resource rules must supply at least one api group'));
  if (!((rule.resources ?? []) as unknown[]).length) causes.push(required(`${at}.resources`, 'resource rules must supply at least one resource'));
  return causes;
}

function roleAdmission(namespaced: boolean): KindAdmission {
  return {
    defaults(obj) {
      // `rules` has no omitempty: a role without rules is served with `rules: null`.
      obj.rules ??= null;
    },
    validate(obj) {
      const causes = ((obj.rules ?? []) as Json[]).flatMap((r, i) => validateRule(r, `rules[${i}]`, namespaced));
      const aggregation = obj.aggregationRule as Json | undefined;
      if (!namespaced && aggregation && !((aggregation.clusterRoleSelectors ?? []) as unknown[]).length) {
        causes.push(required('aggregationRule.clusterRoleSelectors', 'at least one clusterRoleSelector required if aggregationRule is non-nil'));
      }
      return causes;
    },
  };
}

function validateSubject(s: Json, at: string, namespaced: boolean): StatusCause[] {
  const causes: StatusCause[] = [];
  if (!s.name) causes.push(required(`${at}.name`));
  if (s.kind === 'ServiceAccount') {
    if (s.apiGroup) causes.push(notSupported(`${at}.apiGroup`, s.apiGroup, ['']));
    if (!namespaced && !s.namespace) causes.push(required(`${at}.namespace`));
  } else if (s.kind === 'User' || s.kind === 'Group') {
    if (s.apiGroup !== RBAC_GROUP) causes.push(notSupported(`${at}.apiGroup`, String(s.apiGroup ?? ''), [RBAC_GROUP]));
  } else {
    causes.push(notSupported(`${at}.kind`, String(s.kind ?? ''), ['ServiceAccount', 'User', 'Group']));
  }
  return causes;
}

/** IsValidPathSegmentName, the rule for RBAC object names. */
function pathSegmentErrors(name: string): string[] {
  if (name === '.' || name === '..') return [`may not be '${name}'`];
  return ['/', '%'].filter((c) => name.includes(c)).map((c) => `may not contain '${c}'`);
}

/** Go's %#v of an rbac.RoleRef, as `cannot change roleRef` prints it. */
const goRoleRef = (r: Json | undefined): string => `rbac.RoleRef{APIGroup:${quote(r?.apiGroup ?? '')}, Kind:${quote(r?.kind ?? '')}, Name:${quote(r?.name ?? '')}}`;

function validateBinding(obj: KubeObject, old: KubeObject | undefined, namespaced: boolean): StatusCause[] {
  const causes: StatusCause[] = [];
  const ref = (obj.roleRef ?? {}) as Json;
  if (ref.apiGroup !== RBAC_GROUP) causes.push(notSupported('roleRef.apiGroup', String(ref.apiGroup ?? ''), [RBAC_GROUP]));
  const kinds = namespaced ? ['Role', 'ClusterRole'] : ['ClusterRole'];
  if (!kinds.includes(ref.kind)) causes.push(notSupported('roleRef.kind', String(ref.kind ?? ''), kinds));
  if (!ref.name) causes.push(required('roleRef.name'));
  else for (const msg of pathSegmentErrors(String(ref.name))) causes.push(invalid('roleRef.name', quote(ref.name), msg));
  ((obj.subjects ?? []) as Json[]).forEach((s, i) => causes.push(...validateSubject(s, `subjects[${i}]`, namespaced)));
  const oldRef = (old?.roleRef ?? undefined) as Json | undefined;
  if (oldRef && (oldRef.apiGroup !== ref.apiGroup || oldRef.kind !== ref.kind || oldRef.name !== ref.name)) {
    causes.unshift(invalid('roleRef', goRoleRef(ref), 'cannot change roleRef'));
  }
  return causes;
}

function bindingAdmission(namespaced: boolean): KindAdmission {
  return {
    defaults(obj) {
      const ref = (obj.roleRef ??= {}) as Json;
      if (!ref.apiGroup) ref.apiGroup = RBAC_GROUP;
      for (const s of (obj.subjects ?? []) as Json[]) if (!s.apiGroup && (s.kind === 'User' || s.kind === 'Group')) s.apiGroup = RBAC_GROUP;
    },
    validate: (obj, old) => validateBinding(obj, old, namespaced),
  };
}

export const roleRbacAdmission = roleAdmission(true);
export const clusterRoleRbacAdmission = roleAdmission(false);
export const roleBindingAdmission = bindingAdmission(true);
export const clusterRoleBindingAdmission = bindingAdmission(false);
