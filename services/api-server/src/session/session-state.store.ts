import type { Redis } from 'ioredis';

/**
 * Session state shared by every api-server replica: failed logins per user (the rate limit) and
 * revoked token ids (logout). Keys carry the namespace so two installations can share one Redis.
 */
export class SessionStateStore {
  constructor(
    private readonly redis: Redis,
    private readonly namespace: string,
  ) {}

  private failuresKey = (username: string): string => `flotilla:session:${this.namespace}:login-failures:${username}`;
  private revokedKey = (jti: string): string => `flotilla:session:${this.namespace}:revoked:${jti}`;

  async failedLogins(username: string): Promise<number> {
    return Number((await this.redis.get(this.failuresKey(username))) ?? 0);
  }

  /** Counts a failure; the window restarts with each one, as Argo CD's LastFailed does. */
  async recordFailedLogin(username: string, windowSeconds: number): Promise<number> {
    const key = this.failuresKey(username);
    const [[, count]] = (await this.redis.multi().incr(key).expire(key, Math.max(1, windowSeconds)).exec()) as [[Error | null, number]];
    return count;
  }

  async clearFailedLogins(username: string): Promise<void> {
    await this.redis.del(this.failuresKey(username));
  }

  /** Remembers a token id as revoked until the token would have expired anyway. */
  async revoke(jti: string, expiresAtSeconds: number): Promise<void> {
    const ttl = Math.ceil(expiresAtSeconds - Date.now() / 1000);
    if (ttl > 0) await this.redis.set(this.revokedKey(jti), '1', 'EX', ttl);
  }

  async isRevoked(jti: string): Promise<boolean> {
    return (await this.redis.exists(this.revokedKey(jti))) === 1;
  }
}
