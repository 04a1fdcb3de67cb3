import { randomBytes } from 'node:crypto';
import { decodeJwt, SignJWT } from 'jose';
import { InvalidTokenError, signApiKeyToken, signSessionToken, subjectAccount, verifySessionToken } from './session-token';

describe('session tokens', () => {
  const key = randomBytes(32);

  it('signs an Argo-shaped token that verifies', async () => {
    const { token, claims } = await signSessionToken(key, 'admin', 3600);
    const payload = decodeJwt(token);
    expect(payload).toMatchObject({ iss: 'argocd', sub: 'admin', jti: claims.jti });
    expect((payload.exp as number) - (payload.iat as number)).toBeGreaterThan(3599);
    await expect(verifySessionToken(key, token)).resolves.toMatchObject({ sub: 'admin', jti: claims.jti });
  });

  it('rejects another key, an expired token and garbage', async () => {
    const { token } = await signSessionToken(key, 'admin', 3600);
    await expect(verifySessionToken(randomBytes(32), token)).rejects.toThrow(InvalidTokenError);
    const old = await signSessionToken(key, 'admin', 10, Date.now() - 60_000);
    await expect(verifySessionToken(key, old.token)).rejects.toThrow('token is expired');
    await expect(verifySessionToken(key, 'not.a.jwt')).rejects.toThrow(InvalidTokenError);
  });

  it('signs API tokens as Argo CD does: subject <name>:apiKey, the id as jti, exp only when one is asked for', async () => {
    const iat = Math.floor(Date.now() / 1000);
    const forever = await signApiKeyToken(key, 'ci', { id: 'deploy', iat });
    expect(decodeJwt(forever)).toEqual({ iss: 'argocd', sub: 'ci:apiKey', jti: 'deploy', iat, nbf: iat });
    await expect(verifySessionToken(key, forever)).resolves.toEqual({ iss: 'argocd', sub: 'ci:apiKey', jti: 'deploy', iat });
    const hour = await signApiKeyToken(key, 'ci', { id: 'h', iat, exp: iat + 3600 });
    expect(decodeJwt(hour)).toMatchObject({ sub: 'ci:apiKey', jti: 'h', exp: iat + 3600 });
    const expired = await signApiKeyToken(key, 'ci', { id: 'old', iat: iat - 100, exp: iat - 50 });
    await expect(verifySessionToken(key, expired)).rejects.toThrow('token is expired');
    expect(subjectAccount('ci:apiKey')).toEqual({ account: 'ci', capability: 'apiKey' });
    expect(subjectAccount('admin')).toEqual({ account: 'admin', capability: 'login' });
    expect(subjectAccount('alice:login')).toEqual({ account: 'alice', capability: 'login' });
  });

  it('refuses a session token without an expiry: only API tokens may live forever', async () => {
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('argocd')
      .setSubject('admin')
      .setJti('j')
      .setIssuedAt()
      .sign(key);
    await expect(verifySessionToken(key, token)).rejects.toThrow('token lacks exp');
  });
});
