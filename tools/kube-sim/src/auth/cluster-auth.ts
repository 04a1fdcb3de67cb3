import { randomBytes } from 'node:crypto';
import { errors } from '../api/status-error';
import type { SimulatedCluster } from '../cluster/simulated-cluster';
import { UserInfo } from '../cluster/request-options';
import { Reconciler } from '../controllers/controller-runtime';
import { KubeObject } from '../store/kube-object';
import { accessReviews } from './access-reviews';
import { ANONYMOUS, Authenticator, Authorizer, Credentials, RequestAttributes, VirtualCreate, VirtualCreates } from './auth';
import { bootstrapRbac } from './bootstrap-rbac';
import { createClusterPki, IssuedCertificate } from './pki';
import { rbacDenial, RbacAuthorizer } from './rbac.authorizer';
import { ServiceAccountTokens } from './service-account-tokens';
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
  revokeToken(token: string): void;
  bootstrapObjects(): KubeObject[];
  reconcilers: Reconciler[];
  attach(cluster: SimulatedCluster): void;
}

const ADMIN: UserInfo = { username: 'kube-sim:admin', groups: ['system:masters', 'system:authenticated'] };
const MIN_EXPIRATION_SECONDS = 600;

/** A cluster's identity and access: its CA, credentials, ServiceAccount tokens and RBAC. */
export async function createClusterAuth(opts: { enforce: boolean; hosts?: string[] }): Promise<ClusterAuth> {
  const pki = await createClusterPki(opts.hosts ?? []);
  const adminClientCertificate = await pki.issueClient(ADMIN.username, ['system:masters']);
  const adminToken = `kube-sim-${randomBytes(24).toString('hex')}`;
  const tokens = new ServiceAccountTokens();
  const revoked = new Set<string>();
  let cluster: SimulatedCluster | undefined;
  let rbac: RbacAuthorizer | undefined;
  const attached = (): SimulatedCluster => {
    if (!cluster) throw new Error('kube-sim: cluster auth used before attach()');
    return cluster;
  };

  const serviceAccountUser = (token: string): UserInfo | undefined => {
    const c = attached();
    const claims = tokens.verify(token, c.ctx.now());
    if (!claims) return undefined;
    const sa = c.api.find(c.resource('', 'serviceaccounts'), claims.namespace, claims.serviceAccount.name);
    if (!sa || sa.metadata.uid !== claims.serviceAccount.uid) return undefined;
    if (claims.bound?.kind === 'Secret') {
      const secret = c.api.find(c.resource('', 'secrets'), claims.namespace, claims.bound.name);
      if (!secret || secret.metadata.uid !== claims.bound.uid) return undefined;
    }
    const username = `system:serviceaccount:${claims.namespace}:${claims.serviceAccount.name}`;
    return { username, uid: claims.serviceAccount.uid, groups: ['system:serviceaccounts', `system:serviceaccounts:${claims.namespace}`, 'system:authenticated'] };
  };

  const authenticator: Authenticator = {
    authenticate(creds: Credentials): UserInfo | undefined {
      if (!opts.enforce) return ADMIN;
      if (creds.bearerToken !== undefined) {
        if (revoked.has(creds.bearerToken)) return undefined;
        if (creds.bearerToken === adminToken) return ADMIN;
        return serviceAccountUser(creds.bearerToken);
      }
      if (creds.basic) return undefined;
      const sock = creds.tlsSocket;
      if (sock?.authorized) {
        const subject = sock.getPeerCertificate()?.subject as unknown as Record<string, string | string[]> | undefined;
        if (subject?.CN) {
          const groups = subject.O === undefined ? [] : Array.isArray(subject.O) ? subject.O : [subject.O];
          return { username: String(subject.CN), groups: [...groups, 'system:authenticated'] };
        }
      }
      return ANONYMOUS;
    },
  };

  const authorizer: Authorizer = {
    authorize: (user, attrs) => (opts.enforce ? rbac!.authorize(user, attrs) : { allowed: true }),
  };

  const tokenRequest: VirtualCreate = ({ namespace, name, body }) => {
    const c = attached();
    const saType = c.resource('', 'serviceaccounts');
    const sa = c.api.find(saType, namespace, name ?? '');
    if (!sa) throw errors.notFound(saType, name ?? '');
    const spec = (body.spec ?? {}) as { audiences?: string[]; expirationSeconds?: number; boundObjectRef?: { kind: 'Secret' | 'Pod'; name: string; uid?: string } };
    const expirationSeconds = spec.expirationSeconds ?? 3600;
    if (expirationSeconds < MIN_EXPIRATION_SECONDS) {
      throw errors.invalid({ ...saType, kind: 'TokenRequest', group: 'authentication.k8s.io' }, name ?? '', [
        { reason: 'FieldValueInvalid', field: 'spec.expirationSeconds', message: `Invalid value: ${expirationSeconds}: may not specify a duration less than 10 minutes` },
      ]);
    }
    const now = c.ctx.now();
    const expiresAt = Math.floor(now.getTime() / 1000) + expirationSeconds;
    const audiences = spec.audiences?.length ? spec.audiences : ['https://kubernetes.default.svc.cluster.local'];
    const bound = spec.boundObjectRef ? { kind: spec.boundObjectRef.kind, name: spec.boundObjectRef.name, uid: spec.boundObjectRef.uid ?? '' } : undefined;
    const token = tokens.issue({ namespace, serviceAccount: { name: name!, uid: sa.metadata.uid! }, audiences, expiresAt, bound }, now);
    return {
      kind: 'TokenRequest',
      apiVersion: 'authentication.k8s.io/v1',
      metadata: { name, namespace },
      spec: { audiences, expirationSeconds, boundObjectRef: spec.boundObjectRef ?? null },
      status: { token, expirationTimestamp: new Date(expiresAt * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z') },
    };
  };

  return {
    authenticator,
    authorizer,
    virtualCreates: { ...accessReviews(() => rbac!, authenticator, opts.enforce), '/serviceaccounts/token': tokenRequest },
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
