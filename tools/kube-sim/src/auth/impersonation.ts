import { IncomingHttpHeaders } from 'node:http';
import { StatusError } from '../api/status-error';
import { UserInfo } from '../cluster/request-options';
import { Authorizer, RequestAttributes } from './auth';
import { rbacDenial } from './rbac.authorizer';

/** One thing a request asks to act as, and the RBAC attributes that must allow it. */
interface ImpersonationRequest {
  attrs: RequestAttributes;
  apply(target: Target): void;
}

interface Target {
  username: string;
  uid?: string;
  groups: string[];
  extra: Record<string, string[]>;
}

const SERVICE_ACCOUNT = /^system:serviceaccount:([^:]+):([^:]+)$/;
const EXTRA_PREFIX = 'impersonate-extra-';

const impersonate = (apiGroup: string, resource: string, name: string, namespace = '', subresource = ''): RequestAttributes => ({
  verb: 'impersonate',
  resourceRequest: true,
  apiGroup,
  apiVersion: 'v1',
  resource,
  subresource,
  namespace,
  name,
  path: '',
});

/**
 * kube-apiserver's impersonation filter (k8s.io/apiserver/pkg/endpoints/filters/impersonation.go):
 * `Impersonate-User`, `-Group`, `-Uid` and `-Extra-<key>` each need the `impersonate` verb on
 * users/groups/serviceaccounts (core group) or uids/userextras (authentication.k8s.io); the
 * request then runs as the impersonated user, with `system:authenticated` added unless
 * `system:authenticated`/`system:unauthenticated` was asked for (`system:unauthenticated` for
 * `system:anonymous`), and a service account's groups derived when no group is given.
 * Returns the caller unchanged when no impersonation header is present.
 */
export function impersonatedUser(requestor: UserInfo, headers: IncomingHttpHeaders, headersDistinct: Record<string, string[]>, authorizer: Authorizer): UserInfo {
  const requests = impersonationRequests(headers, headersDistinct);
  if (!requests.length) return requestor;
  const target: Target = { username: '', groups: [], extra: {} };
  for (const r of requests) {
    const decision = authorizer.authorize(requestor, r.attrs);
    if (!decision.allowed) throw forbidden(requestor, r.attrs, decision.reason);
    r.apply(target);
  }
  const groups = target.groups;
  if (target.username !== 'system:anonymous') {
    if (!groups.some((g) => g === 'system:authenticated' || g === 'system:unauthenticated')) groups.push('system:authenticated');
  } else if (!groups.includes('system:unauthenticated')) groups.push('system:unauthenticated');
  return { username: target.username, groups, ...(target.uid ? { uid: target.uid } : {}), ...(Object.keys(target.extra).length ? { extra: target.extra } : {}) };
}

function impersonationRequests(headers: IncomingHttpHeaders, distinct: Record<string, string[]>): ImpersonationRequest[] {
  const out: ImpersonationRequest[] = [];
  const user = first(headers['impersonate-user']);
  const groupNames = distinct['impersonate-group'] ?? [];
  const groupsSpecified = groupNames.length > 0;
  if (user) {
    const sa = SERVICE_ACCOUNT.exec(user);
    if (sa) {
      out.push({
        attrs: impersonate('', 'serviceaccounts', sa[2], sa[1]),
        apply: (t) => {
          t.username = user;
          // A service account's groups are a fixed mapping (serviceaccount.MakeGroupNames).
          if (!groupsSpecified) t.groups = ['system:serviceaccounts', `system:serviceaccounts:${sa[1]}`];
        },
      });
    } else out.push({ attrs: impersonate('', 'users', user), apply: (t) => (t.username = user) });
  }
  for (const g of groupNames) out.push({ attrs: impersonate('', 'groups', g), apply: (t) => t.groups.push(g) });
  let extras = false;
  for (const [header, values] of Object.entries(distinct)) {
    if (!header.startsWith(EXTRA_PREFIX)) continue;
    extras = true;
    const key = unescapeKey(header.slice(EXTRA_PREFIX.length).toLowerCase());
    for (const v of values) out.push({ attrs: impersonate('authentication.k8s.io', 'userextras', v, '', key), apply: (t) => (t.extra[key] = [...(t.extra[key] ?? []), v]) });
  }
  const uid = first(headers['impersonate-uid']);
  if (uid) out.push({ attrs: impersonate('authentication.k8s.io', 'uids', uid), apply: (t) => (t.uid = uid) });
  if ((groupsSpecified || extras || uid) && !user) {
    // Upstream answers this with an InternalError naming the requests.
    throw new StatusError(500, 'InternalError', `Internal error occurred: requested ${describe(out)} without impersonating a user`);
  }
  return out;
}

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v || undefined;
}

function unescapeKey(key: string): string {
  try {
    return decodeURIComponent(key);
  } catch {
    return key;
  }
}

function describe(requests: ImpersonationRequest[]): string {
  return `[${requests.map((r) => `{${r.attrs.resource} ${r.attrs.name}}`).join(' ')}]`;
}

/** responsewriters.Forbidden: `users "bob" is forbidden: User "alice" cannot impersonate resource "users" in API group "" at the cluster scope`. */
function forbidden(requestor: UserInfo, a: RequestAttributes, reason: string | undefined): StatusError {
  const why = `${rbacDenial(requestor, a)}${reason ? `: ${reason}` : ''}`;
  return new StatusError(403, 'Forbidden', `${a.resource} "${a.name}" is forbidden: ${why}`, { name: a.name, group: a.apiGroup, kind: a.resource });
}
