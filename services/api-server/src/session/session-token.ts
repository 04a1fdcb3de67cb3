import { errors, jwtVerify, SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';

/** Argo CD's issuer for tokens of local accounts. */
export const LOCAL_ISSUER = 'argocd';

export interface SessionClaims {
  sub: string;
  iss: string;
  jti: string;
  /** Seconds since the epoch, with milliseconds, so a password change in the same second still revokes. */
  iat: number;
  /** Absent only on API tokens generated to never expire. */
  exp?: number;
  groups?: string[];
}

/** What a local account's token was issued for: an interactive session, or an API token (Argo's `<name>:apiKey` subject). */
export type TokenCapability = 'login' | 'apiKey';

/**
 * The account and capability a local token's subject names. Flotilla's session tokens carry the bare
 * account name; Argo writes `<name>:login` and `<name>:apiKey`.
 */
export function subjectAccount(sub: string): { account: string; capability: TokenCapability } {
  const [account, capability] = sub.split(':');
  return { account, capability: capability === 'apiKey' ? 'apiKey' : 'login' };
}

/** The token could not be trusted; the message says why without echoing the token. */
export class InvalidTokenError extends Error {}

/** Signs an HS256 JWT for a local account with argocd-secret's `server.secretkey`. */
export async function signSessionToken(
  key: Uint8Array,
  subject: string,
  ttlSeconds: number,
  now = Date.now(),
): Promise<{ token: string; claims: SessionClaims }> {
  const iat = now / 1000;
  const exp = Math.floor(iat + ttlSeconds);
  const claims: SessionClaims = { sub: subject, iss: LOCAL_ISSUER, jti: randomUUID(), iat, exp };
  const token = await new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(claims.iss)
    .setSubject(claims.sub)
    .setJti(claims.jti)
    .setIssuedAt(claims.iat)
    .setNotBefore(Math.floor(iat))
    .setExpirationTime(exp)
    .sign(key);
  return { token, claims };
}

/**
 * Signs an account's API token as Argo CD does: subject `<name>:apiKey`, the token id as jti, issued
 * (and valid from) `iat`, expiring at `exp` when given.
 */
export function signApiKeyToken(key: Uint8Array, account: string, token: { id: string; iat: number; exp?: number }): Promise<string> {
  const jwt = new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(LOCAL_ISSUER)
    .setSubject(`${account}:apiKey`)
    .setJti(token.id)
    .setIssuedAt(token.iat)
    .setNotBefore(token.iat);
  if (token.exp !== undefined) jwt.setExpirationTime(token.exp);
  return jwt.sign(key);
}

/** Verifies signature, algorithm, issuer, not-before and expiry; returns the claims. */
export async function verifySessionToken(key: Uint8Array, token: string): Promise<SessionClaims> {
  try {
    const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], issuer: LOCAL_ISSUER });
    if (!payload.sub || typeof payload.iat !== 'number') throw new InvalidTokenError('token lacks sub or iat');
    if (!payload.jti) throw new InvalidTokenError('token does not have a unique identifier (jti claim) and cannot be validated');
    // Only API tokens may live forever; a session without an expiry was not issued here.
    if (typeof payload.exp !== 'number' && subjectAccount(payload.sub).capability !== 'apiKey')
      throw new InvalidTokenError('token lacks exp');
    const claims: SessionClaims = { sub: payload.sub, iss: payload.iss ?? LOCAL_ISSUER, jti: payload.jti, iat: payload.iat };
    if (typeof payload.exp === 'number') claims.exp = payload.exp;
    return claims;
  } catch (err) {
    if (err instanceof InvalidTokenError) throw err;
    if (err instanceof errors.JWTExpired) throw new InvalidTokenError('token is expired');
    if (err instanceof errors.JWSSignatureVerificationFailed) throw new InvalidTokenError('signature is invalid');
    if (err instanceof errors.JOSEError) throw new InvalidTokenError(err.message);
    throw err;
  }
}
