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
  exp: number;
  groups?: string[];
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
  const claims: SessionClaims = { sub: subject, iss: LOCAL_ISSUER, jti: randomUUID(), iat, exp: Math.floor(iat + ttlSeconds) };
  const token = await new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(claims.iss)
    .setSubject(claims.sub)
    .setJti(claims.jti)
    .setIssuedAt(claims.iat)
    .setNotBefore(Math.floor(iat))
    .setExpirationTime(claims.exp)
    .sign(key);
  return { token, claims };
}

/** Verifies signature, algorithm, issuer and expiry; returns the claims. */
export async function verifySessionToken(key: Uint8Array, token: string): Promise<SessionClaims> {
  try {
    const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], issuer: LOCAL_ISSUER });
    if (!payload.sub || typeof payload.iat !== 'number' || typeof payload.exp !== 'number')
      throw new InvalidTokenError('token lacks sub, iat or exp');
    if (!payload.jti) throw new InvalidTokenError('token does not have a unique identifier (jti claim) and cannot be validated');
    return { sub: payload.sub, iss: payload.iss ?? LOCAL_ISSUER, jti: payload.jti, iat: payload.iat, exp: payload.exp };
  } catch (err) {
    if (err instanceof InvalidTokenError) throw err;
    if (err instanceof errors.JWTExpired) throw new InvalidTokenError('token is expired');
    if (err instanceof errors.JWSSignatureVerificationFailed) throw new InvalidTokenError('signature is invalid');
    if (err instanceof errors.JOSEError) throw new InvalidTokenError(err.message);
    throw err;
  }
}
