import { TLSSocket } from 'node:tls';
import { ResourceType } from '../registry/resource-type';
import { KubeObject } from '../store/kube-object';
import { UserInfo } from '../cluster/request-options';

/** What a request asks to do, as RBAC sees it (kube-apiserver's authorizer.Attributes). */
export interface RequestAttributes {
  verb: string;
  /** True for resource requests; false for non-resource URLs like /version or /healthz. */
  resourceRequest: boolean;
  apiGroup: string;
  apiVersion: string;
  resource: string;
  subresource: string;
  namespace: string;
  name: string;
  /** For non-resource requests: the URL path. */
  path: string;
}

export interface Decision {
  allowed: boolean;
  reason?: string;
}

export interface Credentials {
  /** The bearer token from `Authorization: Bearer …`, if any. */
  bearerToken?: string;
  /** Basic auth is not supported by kube-apiserver since 1.19; kept so it can be refused. */
  basic?: { username: string; password: string };
  /** The TLS socket, when the client may have presented a certificate. */
  tlsSocket?: TLSSocket;
}

/** Maps credentials to a user; `undefined` means the credentials are unknown (401). */
export interface Authenticator {
  authenticate(creds: Credentials): UserInfo | undefined;
}

export interface Authorizer {
  authorize(user: UserInfo, attrs: RequestAttributes): Decision;
}

/**
 * Handles a create on a resource that stores nothing (SelfSubjectAccessReview, TokenReview…)
 * or a subresource POST such as `serviceaccounts/token`. Returns the response object.
 */
export type VirtualCreate = (args: { t: ResourceType; namespace: string; name?: string; body: KubeObject; user: UserInfo }) => KubeObject | Promise<KubeObject>;

/** `authorization.k8s.io/selfsubjectaccessreviews` or `/serviceaccounts/token` → handler. */
export type VirtualCreates = Record<string, VirtualCreate>;

export const ANONYMOUS: UserInfo = { username: 'system:anonymous', groups: ['system:unauthenticated'] };
