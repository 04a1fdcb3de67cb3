import { UserInfo } from '../cluster/request-options';
import { KubeObject } from '../store/kube-object';
import { Authenticator, RequestAttributes, VirtualCreates } from './auth';
import { RbacAuthorizer } from './rbac.authorizer';

interface ResourceAttributes {
  namespace?: string;
  verb?: string;
  group?: string;
  version?: string;
  resource?: string;
  subresource?: string;
  name?: string;
}

interface ReviewSpec {
  resourceAttributes?: ResourceAttributes;
  nonResourceAttributes?: { path?: string; verb?: string };
  user?: string;
  groups?: string[];
  uid?: string;
  token?: string;
  namespace?: string;
}

function attributesOf(spec: ReviewSpec, namespace?: string): RequestAttributes {
  const r = spec.resourceAttributes;
  if (r) {
    return { verb: r.verb ?? '', resourceRequest: true, apiGroup: r.group ?? '', apiVersion: r.version ?? '', resource: r.resource ?? '', subresource: r.subresource ?? '', namespace: namespace ?? r.namespace ?? '', name: r.name ?? '', path: '' };
  }
  const n = spec.nonResourceAttributes ?? {};
  return { verb: n.verb ?? '', resourceRequest: false, apiGroup: '', apiVersion: '', resource: '', subresource: '', namespace: '', name: '', path: n.path ?? '' };
}

function userInfoJson(u: UserInfo): Record<string, unknown> {
  return { username: u.username, ...(u.uid ? { uid: u.uid } : {}), groups: u.groups, ...(u.extra ? { extra: u.extra } : {}) };
}

/** SelfSubjectAccessReview (`kubectl auth can-i`), rules reviews, SubjectAccessReview, TokenReview, SelfSubjectReview. */
export function accessReviews(rbac: () => RbacAuthorizer, authenticator: Authenticator, enforce: boolean): VirtualCreates {
  const decide = (user: UserInfo, attrs: RequestAttributes): Record<string, unknown> => {
    if (!enforce) return { allowed: true, reason: 'kube-sim runs without authorization' };
    const d = rbac().authorize(user, attrs);
    return d.allowed ? { allowed: true, reason: d.reason } : { allowed: false };
  };
  const echo = (body: KubeObject, status: Record<string, unknown>): KubeObject => ({
    kind: body.kind,
    apiVersion: body.apiVersion,
    metadata: { ...(body.metadata ?? {}) },
    spec: body.spec,
    status,
  });
  return {
    'authorization.k8s.io/selfsubjectaccessreviews': ({ body, user }) => echo(body, decide(user, attributesOf((body.spec ?? {})))),
    'authorization.k8s.io/subjectaccessreviews': ({ body }) => {
      const spec = (body.spec ?? {}) as ReviewSpec;
      return echo(body, decide({ username: spec.user ?? '', groups: spec.groups ?? [], uid: spec.uid }, attributesOf(spec)));
    },
    'authorization.k8s.io/localsubjectaccessreviews': ({ body, namespace }) => {
      const spec = (body.spec ?? {}) as ReviewSpec;
      return echo(body, decide({ username: spec.user ?? '', groups: spec.groups ?? [], uid: spec.uid }, attributesOf(spec, namespace)));
    },
    'authorization.k8s.io/selfsubjectrulesreviews': ({ body, user }) => {
      const namespace = ((body.spec ?? {}) as ReviewSpec).namespace ?? '';
      const rules = enforce ? rbac().rulesFor(user, namespace) : [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }, { verbs: ['*'], nonResourceURLs: ['*'] }];
      const resourceRules = rules.filter((r) => !r.nonResourceURLs).map((r) => ({ verbs: r.verbs ?? [], apiGroups: r.apiGroups ?? [], resources: r.resources ?? [], ...(r.resourceNames ? { resourceNames: r.resourceNames } : {}) }));
      const nonResourceRules = rules.filter((r) => r.nonResourceURLs).map((r) => ({ verbs: r.verbs ?? [], nonResourceURLs: r.nonResourceURLs ?? [] }));
      return echo(body, { resourceRules, nonResourceRules, incomplete: false });
    },
    'authentication.k8s.io/tokenreviews': ({ body }) => {
      const token = ((body.spec ?? {}) as ReviewSpec).token ?? '';
      const user = token ? authenticator.authenticate({ bearerToken: token }) : undefined;
      const ok = !!user && user.username !== 'system:anonymous';
      return echo(body, ok ? { authenticated: true, user: userInfoJson(user) } : { user: {}, error: '[invalid bearer token]' });
    },
    'authentication.k8s.io/selfsubjectreviews': ({ body, user }) => echo(body, { userInfo: userInfoJson(user) }),
  };
}
