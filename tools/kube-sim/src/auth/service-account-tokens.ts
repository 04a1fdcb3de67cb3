import { createHash, generateKeyPairSync, KeyObject, randomUUID, sign, verify } from 'node:crypto';

export const SA_TOKEN_ISSUER = 'https://kubernetes.default.svc.cluster.local';
/** The issuer legacy Secret tokens carry (kube's `LegacyIssuer`). */
export const LEGACY_ISSUER = 'kubernetes/serviceaccount';
/**
 * Audiences the API server accepts: the issuer (kube's default --api-audiences) and the
 * short service name, which Argo CD's TokenRequest path asks for.
 */
export const API_AUDIENCES = [SA_TOKEN_ISSUER, 'https://kubernetes.default.svc'];

const LEGACY = 'kubernetes.io/serviceaccount/';

export interface BoundObject {
  kind: 'Secret' | 'Pod';
  name: string;
  /** Empty for legacy Secret tokens, which name their Secret but not its uid. */
  uid: string;
}

/** What a ServiceAccount token says about its holder. */
export interface ServiceAccountClaims {
  namespace: string;
  serviceAccount: { name: string; uid: string };
  /** The object the token is bound to: a token Secret, or a TokenRequest's boundObjectRef. */
  bound?: BoundObject;
  audiences: string[];
  /** Seconds since the epoch; absent for legacy Secret tokens, which never expire. */
  expiresAt?: number;
  /** A legacy token lives in a Secret and is valid only while the Secret still holds it. */
  legacy: boolean;
  /** The `jti` of a bound token; kube reports it as the user's credential id. */
  tokenId?: string;
}

interface BoundPayload {
  aud?: string[] | string;
  exp?: number;
  nbf?: number;
  iss?: string;
  jti?: string;
  'kubernetes.io'?: { namespace: string; serviceaccount: { name: string; uid: string }; secret?: { name: string; uid: string }; pod?: { name: string; uid: string } };
  [legacyClaim: string]: unknown;
}

const b64url = (b: Buffer | string): string => Buffer.from(b).toString('base64url');

/**
 * Signs and checks ServiceAccount JWTs (ES256) the way kube-apiserver's token issuer does.
 * Synchronous, because authentication runs on every request.
 */
export class ServiceAccountTokens {
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;
  private readonly keyId: string;

  constructor() {
    const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    this.privateKey = pair.privateKey;
    this.publicKey = pair.publicKey;
    this.keyId = createHash('sha256').update(this.publicKey.export({ type: 'spki', format: 'der' })).digest('base64url');
  }

  /** A bound token, as TokenRequest issues: audience, expiry and the `kubernetes.io` claim. */
  issue(c: Omit<ServiceAccountClaims, 'legacy' | 'tokenId'> & { expiresAt: number }, now: Date): string {
    const iat = Math.floor(now.getTime() / 1000);
    const kube: Record<string, unknown> = { namespace: c.namespace, serviceaccount: c.serviceAccount };
    if (c.bound) kube[c.bound.kind === 'Secret' ? 'secret' : 'pod'] = { name: c.bound.name, uid: c.bound.uid };
    return this.sign({
      aud: c.audiences,
      exp: c.expiresAt,
      iat,
      iss: SA_TOKEN_ISSUER,
      jti: randomUUID(),
      'kubernetes.io': kube,
      nbf: iat,
      sub: subject(c.namespace, c.serviceAccount.name),
    });
  }

  /** A legacy Secret token: no expiry, no audience, the flat claims Argo CD's rotate-auth reads. */
  issueLegacy(c: { namespace: string; serviceAccount: { name: string; uid: string }; secretName: string }): string {
    return this.sign({
      iss: LEGACY_ISSUER,
      [`${LEGACY}namespace`]: c.namespace,
      [`${LEGACY}secret.name`]: c.secretName,
      [`${LEGACY}service-account.name`]: c.serviceAccount.name,
      [`${LEGACY}service-account.uid`]: c.serviceAccount.uid,
      sub: subject(c.namespace, c.serviceAccount.name),
    });
  }

  /** The claims of a token this cluster signed and that is within its validity window; undefined otherwise. */
  verify(token: string, now: Date): ServiceAccountClaims | undefined {
    const payload = this.checkedPayload(token);
    if (!payload) return undefined;
    if (payload.iss === LEGACY_ISSUER) return legacyClaims(payload);
    if (payload.iss !== SA_TOKEN_ISSUER) return undefined;
    const seconds = now.getTime() / 1000;
    if (typeof payload.exp !== 'number' || payload.exp < seconds) return undefined;
    if (typeof payload.nbf === 'number' && payload.nbf > seconds + 60) return undefined;
    const kube = payload['kubernetes.io'];
    if (!kube?.serviceaccount) return undefined;
    const bound = kube.secret ? { kind: 'Secret' as const, ...kube.secret } : kube.pod ? { kind: 'Pod' as const, ...kube.pod } : undefined;
    const audiences = Array.isArray(payload.aud) ? payload.aud : payload.aud ? [payload.aud] : [];
    return { namespace: kube.namespace, serviceAccount: kube.serviceaccount, bound, audiences, expiresAt: payload.exp, legacy: false, tokenId: payload.jti };
  }

  private sign(payload: object): string {
    const signingInput = `${b64url(JSON.stringify({ alg: 'ES256', kid: this.keyId }))}.${b64url(JSON.stringify(payload))}`;
    const signature = sign('sha256', Buffer.from(signingInput), { key: this.privateKey, dsaEncoding: 'ieee-p1363' });
    return `${signingInput}.${b64url(signature)}`;
  }

  private checkedPayload(token: string): BoundPayload | undefined {
    const parts = token.split('.');
    if (parts.length !== 3) return undefined;
    const signed = Buffer.from(`${parts[0]}.${parts[1]}`);
    if (!verify('sha256', signed, { key: this.publicKey, dsaEncoding: 'ieee-p1363' }, Buffer.from(parts[2], 'base64url'))) return undefined;
    try {
      return JSON.parse(Buffer.from(parts[1], 'base64url').toString()) as BoundPayload;
    } catch {
      return undefined;
    }
  }
}

const subject = (namespace: string, name: string): string => `system:serviceaccount:${namespace}:${name}`;

function legacyClaims(p: BoundPayload): ServiceAccountClaims | undefined {
  const claim = (k: string): string => (typeof p[`${LEGACY}${k}`] === 'string' ? (p[`${LEGACY}${k}`] as string) : '');
  const [namespace, secret, name, uid] = [claim('namespace'), claim('secret.name'), claim('service-account.name'), claim('service-account.uid')];
  if (!namespace || !secret || !name) return undefined;
  return { namespace, serviceAccount: { name, uid }, bound: { kind: 'Secret', name: secret, uid: '' }, audiences: [], legacy: true };
}
