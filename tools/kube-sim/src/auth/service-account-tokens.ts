import { createHash, generateKeyPairSync, KeyObject, randomUUID, sign, verify } from 'node:crypto';

export const SA_TOKEN_ISSUER = 'https://kubernetes.default.svc.cluster.local';

/** What a ServiceAccount token says about its holder (the `kubernetes.io` claim). */
export interface ServiceAccountClaims {
  namespace: string;
  serviceAccount: { name: string; uid: string };
  /** The object the token is bound to: a legacy token Secret, or a TokenRequest's boundObjectRef. */
  bound?: { kind: 'Secret' | 'Pod'; name: string; uid: string };
  audiences: string[];
  /** Seconds since the epoch; absent for legacy Secret tokens, which never expire. */
  expiresAt?: number;
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

  issue(c: ServiceAccountClaims, now: Date): string {
    const iat = Math.floor(now.getTime() / 1000);
    const kube: Record<string, unknown> = { namespace: c.namespace, serviceaccount: c.serviceAccount };
    if (c.bound) kube[c.bound.kind === 'Secret' ? 'secret' : 'pod'] = { name: c.bound.name, uid: c.bound.uid };
    const payload = {
      aud: c.audiences,
      ...(c.expiresAt ? { exp: c.expiresAt } : {}),
      iat,
      iss: SA_TOKEN_ISSUER,
      jti: randomUUID(),
      'kubernetes.io': kube,
      nbf: iat,
      sub: `system:serviceaccount:${c.namespace}:${c.serviceAccount.name}`,
    };
    const signingInput = `${b64url(JSON.stringify({ alg: 'ES256', kid: this.keyId }))}.${b64url(JSON.stringify(payload))}`;
    const signature = sign('sha256', Buffer.from(signingInput), { key: this.privateKey, dsaEncoding: 'ieee-p1363' });
    return `${signingInput}.${b64url(signature)}`;
  }

  /** The claims of a token this cluster signed and that has not expired; undefined otherwise. */
  verify(token: string, now: Date): ServiceAccountClaims | undefined {
    const parts = token.split('.');
    if (parts.length !== 3) return undefined;
    const ok = verify('sha256', Buffer.from(`${parts[0]}.${parts[1]}`), { key: this.publicKey, dsaEncoding: 'ieee-p1363' }, Buffer.from(parts[2], 'base64url'));
    if (!ok) return undefined;
    let payload: { exp?: number; nbf?: number; aud?: string[]; 'kubernetes.io'?: { namespace: string; serviceaccount: { name: string; uid: string }; secret?: { name: string; uid: string }; pod?: { name: string; uid: string } } };
    try {
      payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString()) as typeof payload;
    } catch {
      return undefined;
    }
    const seconds = now.getTime() / 1000;
    if (payload.exp !== undefined && payload.exp < seconds) return undefined;
    const kube = payload['kubernetes.io'];
    if (!kube?.serviceaccount) return undefined;
    const bound = kube.secret ? { kind: 'Secret' as const, ...kube.secret } : kube.pod ? { kind: 'Pod' as const, ...kube.pod } : undefined;
    return { namespace: kube.namespace, serviceAccount: kube.serviceaccount, bound, audiences: payload.aud ?? [], expiresAt: payload.exp };
  }
}
