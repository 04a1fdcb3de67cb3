import { randomBytes } from 'node:crypto';
import { decodeJwt } from 'jose';
import { InvalidTokenError, signSessionToken, verifySessionToken } from './session-token';

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
});
