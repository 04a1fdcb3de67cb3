import { randomBytes } from 'node:crypto';
import type { SimulatedCluster } from '../cluster/simulated-cluster';
import { UserInfo } from '../cluster/request-options';
import { Reconciler } from '../controllers/controller-runtime';
import { KubeObject } from '../store/kube-object';
import { accessReviews } from './access-reviews';
import { Authenticator, Authorizer, RequestAttributes, VirtualCreates } from './auth';
import { bootstrapRbac } from './bootstrap-rbac';
import { createClusterPki, IssuedCertificate } from './pki';
import { rbacDenial, RbacAuthorizer } from './rbac.authorizer';
import { KUBE_SIM_ADMIN, requestAuthenticator } from './request.authenticator';
import { TokenIdentity, validateServiceAccountToken } from './service-account-token.validator';
import { API_AUDIENCES, ServiceAccountTokens } from './service-account-tokens';
import { tokenRequestCreate } from './token-request';
import { TokenSecretReconciler } from './token-secret.reconciler';

export interface ClusterAuth {
  authenticator: Authenticator;
  authorizer: Authorizer;
  virtualCreates: VirtualCreates;
  forbiddenMessage(user: UserInfo, attrs: RequestAttributes): string;
  caPem: string;
  /** Base64 of caPem, as kubeconfigs carry it. */
  caData: string;
  serverKeyPem: string;
  serverCertPem: string;
  adminToken: string;
  adminClientCertificate: IssuedCertificate;
  issueClientCertificate(user: string, groups: string[]): Promise<IssuedCertificate>;
  /** Makes a token (admin or ServiceAccount) answer 401 from now on. */
  revokeToken(token: string): void;
  bootstrapObjects(): KubeObject[];
  reconcilers: Reconciler[];
  attach(cluster: SimulatedCluster): void;
}

/** A cluster's identity and access: its CA, credentials, ServiceAccount tokens and RBAC. */
export async function createClusterAuth(opts: { enforce: boolean; hosts?: string[] }): Promise<ClusterAuth> {
  const pki = await createClusterPki(opts.hosts ?? []);
  const adminClientCertificate = await pki.issueClient(KUBE_SIM_ADMIN.username, ['system:masters']);
  const adminToken = `kube-sim-${randomBytes(24).toString('hex')}`;
  const tokens = new ServiceAccountTokens();
  const revoked = new Set<string>();
  let cluster: SimulatedCluster | undefined;
  let rbac: RbacAuthorizer | undefined;
  const attached = (): { cluster: SimulatedCluster; rbac: RbacAuthorizer } => {
    if (!cluster || !rbac) throw new Error('kube-sim: cluster auth used before attach()');
    return { cluster, rbac };
  };

  const tokenIdentity = (token: string, wanted: string[] = API_AUDIENCES): TokenIdentity | undefined => {
    if (revoked.has(token)) return undefined;
    if (token === adminToken) {
      // A static token knows no audience: it serves whichever API audiences were asked for.
      const audiences = wanted.filter((a) => API_AUDIENCES.includes(a));
      return audiences.length ? { user: KUBE_SIM_ADMIN, audiences } : undefined;
    }
    return validateServiceAccountToken(attached().cluster, tokens, token, wanted);
  };

  const authenticator = requestAuthenticator(opts.enforce, (token) => tokenIdentity(token));

  const allowAll = { allowed: true, reason: '' };
  const authorizer: Authorizer = {
    authorize: (user, attrs) => (opts.enforce ? attached().rbac.authorize(user, attrs) : allowAll),
  };
  const reviews = accessReviews({
    authorize: (user, attrs) => authorizer.authorize(user, attrs),
    rulesFor: (user, namespace) => (opts.enforce ? attached().rbac.rulesFor(user, namespace) : attached().rbac.rulesFor(KUBE_SIM_ADMIN, namespace)),
    reviewToken: (token, audiences) => tokenIdentity(token, audiences),
  });

  return {
    authenticator,
    authorizer,
    virtualCreates: { ...reviews, '/serviceaccounts/token': tokenRequestCreate(() => attached().cluster, tokens) },
    forbiddenMessage: rbacDenial,
    caPem: pki.caPem,
    caData: Buffer.from(pki.caPem).toString('base64'),
    serverKeyPem: pki.server.keyPem,
    serverCertPem: pki.server.certPem,
    adminToken,
    adminClientCertificate,
    issueClientCertificate: (user, groups) => pki.issueClient(user, groups),
    revokeToken: (token) => revoked.add(token),
    bootstrapObjects: bootstrapRbac,
    reconcilers: [new TokenSecretReconciler(tokens, pki.caPem)],
    attach(c) {
      cluster = c;
      rbac = new RbacAuthorizer(c.store);
    },
  };
}

