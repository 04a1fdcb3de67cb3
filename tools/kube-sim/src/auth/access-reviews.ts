import { errors } from '../api/status-error';
import { UserInfo } from '../cluster/request-options';
import { ResourceType } from '../registry/resource-type';
import { KubeObject } from '../store/kube-object';
import { RequestAttributes, VirtualCreates } from './auth';
import { isNonResourceRule, PolicyRule } from './policy-rule';
import { TokenIdentity } from './service-account-token.validator';

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
  resourceAttributes?: ResourceAttributes | null;
  nonResourceAttributes?: { path?: string; verb?: string } | null;
  user?: string;
  groups?: string[] | null;
  uid?: string;
  extra?: Record<string, string[]>;
  token?: string;
  audiences?: string[] | null;
  namespace?: string;
}

export interface AccessReviewDeps {
  /** Decision for a user; without enforcement everything is allowed. */
  authorize(user: UserInfo, attrs: RequestAttributes): { allowed: boolean; reason?: string };
  rulesFor(user: UserInfo, namespace: string): PolicyRule[];
  /** Who a bearer token is, for the audiences asked (all API audiences when none). */
  reviewToken(token: string, audiences: string[] | undefined): TokenIdentity | undefined;
}

const specOf = (body: KubeObject): ReviewSpec => (body.spec as ReviewSpec | undefined) ?? {};

/** SelfSubjectAccessReview (`kubectl auth can-i`), rules reviews, SubjectAccessReview, TokenReview, SelfSubjectReview. */
export function accessReviews(d: AccessReviewDeps): VirtualCreates {
  const review = (t: ResourceType, body: KubeObject, user: UserInfo, namespace?: string): KubeObject => {
    const decision = d.authorize(user, attributesOf(t, specOf(body), namespace));
    return echo(body, { allowed: decision.allowed, ...(decision.reason ? { reason: decision.reason } : {}) });
  };
  const subjectOf = (t: ResourceType, spec: ReviewSpec): UserInfo => {
    if (!spec.user && !spec.groups?.length) throw errors.invalid(t, '', [{ reason: 'FieldValueInvalid', field: 'spec.user', message: 'Invalid value: "": at least one of user or group must be specified' }]);
    return { username: spec.user ?? '', groups: spec.groups ?? [], ...(spec.uid ? { uid: spec.uid } : {}), ...(spec.extra ? { extra: spec.extra } : {}) };
  };
  return {
    'authorization.k8s.io/selfsubjectaccessreviews': ({ t, body, user }) => review(t, body, user),
    'authorization.k8s.io/subjectaccessreviews': ({ t, body }) => review(t, body, subjectOf(t, specOf(body))),
    'authorization.k8s.io/localsubjectaccessreviews': ({ t, body, namespace }) => {
      const spec = specOf(body);
      if (spec.resourceAttributes?.namespace && spec.resourceAttributes.namespace !== namespace) {
        throw errors.badRequest(`spec.resourceAttributes.namespace must match namespace: ${namespace}`);
      }
      return review(t, body, subjectOf(t, spec), namespace);
    },
    'authorization.k8s.io/selfsubjectrulesreviews': ({ body, user }) => {
      const namespace = specOf(body).namespace;
      if (!namespace) throw errors.badRequest('no namespace on request');
      return echo(body, rulesStatus(d.rulesFor(user, namespace)));
    },
    'authentication.k8s.io/tokenreviews': ({ body }) => {
      const spec = specOf(body);
      if (!spec.token) throw errors.badRequest('token is required for TokenReview in authentication');
      const who = d.reviewToken(spec.token, spec.audiences?.length ? spec.audiences : undefined);
      if (!who) return echo(body, { user: {}, error: '[invalid bearer token, token lookup failed]' });
      return echo(body, { authenticated: true, user: userInfoJson(who.user), audiences: who.audiences });
    },
    'authentication.k8s.io/selfsubjectreviews': ({ body, user }) => echo(body, { userInfo: userInfoJson(user) }),
  };
}

function attributesOf(t: ResourceType, spec: ReviewSpec, namespace?: string): RequestAttributes {
  const r = spec.resourceAttributes;
  const n = spec.nonResourceAttributes;
  if (!r === !n) {
    const message = r ? 'cannot be specified in combination with resourceAttributes' : 'exactly one of nonResourceAttributes or resourceAttributes must be specified';
    throw errors.invalid(t, '', [{ reason: 'FieldValueInvalid', field: r ? 'spec.nonResourceAttributes' : 'spec.resourceAttributes', message: r ? `Invalid value: "${JSON.stringify(n)}": ${message}` : `Invalid value: "null": ${message}` }]);
  }
  if (r) {
    return { verb: r.verb ?? '', resourceRequest: true, apiGroup: r.group ?? '', apiVersion: r.version ?? '', resource: r.resource ?? '', subresource: r.subresource ?? '', namespace: namespace ?? r.namespace ?? '', name: r.name ?? '', path: '' };
  }
  return { verb: n?.verb ?? '', resourceRequest: false, apiGroup: '', apiVersion: '', resource: '', subresource: '', namespace: '', name: '', path: n?.path ?? '' };
}

function rulesStatus(rules: PolicyRule[]): Record<string, unknown> {
  const resourceRules = rules
    .filter((r) => !isNonResourceRule(r))
    .map((r) => ({ verbs: r.verbs ?? [], apiGroups: r.apiGroups ?? [], resources: r.resources ?? [], ...(r.resourceNames?.length ? { resourceNames: r.resourceNames } : {}) }));
  const nonResourceRules = rules.filter(isNonResourceRule).map((r) => ({ verbs: r.verbs ?? [], nonResourceURLs: r.nonResourceURLs ?? [] }));
  return { resourceRules, nonResourceRules, incomplete: false };
}

function userInfoJson(u: UserInfo): Record<string, unknown> {
  return { username: u.username, ...(u.uid ? { uid: u.uid } : {}), groups: u.groups, ...(u.extra ? { extra: u.extra } : {}) };
}

/** Reviews answer with the request as sent and the status filled in. */
function echo(body: KubeObject, status: Record<string, unknown>): KubeObject {
  return { kind: body.kind, apiVersion: body.apiVersion, metadata: { ...(body.metadata ?? {}) }, ...(body.spec !== undefined ? { spec: body.spec } : {}), status };
}
