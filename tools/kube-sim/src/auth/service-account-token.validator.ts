import type { SimulatedCluster } from '../cluster/simulated-cluster';
import { UserInfo } from '../cluster/request-options';
import { API_AUDIENCES, ServiceAccountClaims, ServiceAccountTokens } from './service-account-tokens';

/** Who a token authenticates as, and for which of the requested audiences. */
export interface TokenIdentity {
  user: UserInfo;
  audiences: string[];
}

/**
 * Checks a ServiceAccount token against live cluster state, as kube-apiserver's validator does:
 * the account (and the bound Secret or Pod) must still exist with the uid the token names.
 */
export function validateServiceAccountToken(cluster: SimulatedCluster, tokens: ServiceAccountTokens, token: string, wanted: string[] = API_AUDIENCES): TokenIdentity | undefined {
  const claims = tokens.verify(token, cluster.ctx.now());
  if (!claims) return undefined;
  // Legacy tokens carry no audience: kube treats them as meant for the API server itself.
  const tokenAudiences = claims.legacy ? API_AUDIENCES : claims.audiences;
  const audiences = wanted.filter((a) => tokenAudiences.includes(a));
  if (!audiences.length) return undefined;
  const sa = cluster.api.find(cluster.resource('', 'serviceaccounts'), claims.namespace, claims.serviceAccount.name);
  if (!sa || sa.metadata.deletionTimestamp || sa.metadata.uid !== claims.serviceAccount.uid) return undefined;
  if (!boundObjectLive(cluster, claims, token)) return undefined;
  return { user: serviceAccountUserInfo(claims), audiences };
}

function boundObjectLive(cluster: SimulatedCluster, claims: ServiceAccountClaims, token: string): boolean {
  const bound = claims.bound;
  if (!bound) return true;
  const plural = bound.kind === 'Secret' ? 'secrets' : 'pods';
  const obj = cluster.api.find(cluster.resource('', plural), claims.namespace, bound.name);
  if (!obj || obj.metadata.deletionTimestamp) return false;
  // A legacy token is good only while its Secret still holds that very token.
  if (claims.legacy) return (obj.data as Record<string, string> | undefined)?.token === Buffer.from(token).toString('base64');
  return obj.metadata.uid === bound.uid;
}

function serviceAccountUserInfo(claims: ServiceAccountClaims): UserInfo {
  const { namespace, serviceAccount, bound } = claims;
  const extra: Record<string, string[]> = {};
  if (bound?.kind === 'Pod') {
    extra['authentication.kubernetes.io/pod-name'] = [bound.name];
    extra['authentication.kubernetes.io/pod-uid'] = [bound.uid];
  }
  if (claims.tokenId) extra['authentication.kubernetes.io/credential-id'] = [`JTI=${claims.tokenId}`];
  return {
    username: `system:serviceaccount:${namespace}:${serviceAccount.name}`,
    uid: serviceAccount.uid,
    groups: ['system:serviceaccounts', `system:serviceaccounts:${namespace}`, 'system:authenticated'],
    ...(Object.keys(extra).length ? { extra } : {}),
  };
}
