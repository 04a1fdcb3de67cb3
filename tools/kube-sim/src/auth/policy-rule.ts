import { RequestAttributes } from './auth';

/** One rule of a Role or ClusterRole (rbac.authorization.k8s.io/v1 PolicyRule). */
export interface PolicyRule {
  verbs?: string[] | null;
  apiGroups?: string[] | null;
  resources?: string[] | null;
  resourceNames?: string[] | null;
  nonResourceURLs?: string[] | null;
}

const matches = (list: string[] | null | undefined, v: string): boolean => !!list && list.some((x) => x === '*' || x === v);

/** Whether a rule grants a request, with kube's matching of wildcards, subresources, resourceNames and URL prefixes. */
export function ruleAllows(r: PolicyRule, a: RequestAttributes): boolean {
  if (!matches(r.verbs, a.verb)) return false;
  if (!a.resourceRequest) return !!r.nonResourceURLs?.some((u) => u === '*' || u === a.path || (u.endsWith('*') && a.path.startsWith(u.slice(0, -1))));
  if (!matches(r.apiGroups, a.apiGroup)) return false;
  const resource = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  if (!r.resources?.some((x) => x === '*' || x === resource || (a.subresource !== '' && x === `*/${a.subresource}`))) return false;
  return !r.resourceNames?.length || r.resourceNames.includes(a.name);
}

/** True for a rule about URLs like /healthz rather than API resources. */
export const isNonResourceRule = (r: PolicyRule): boolean => !!r.nonResourceURLs?.length;
