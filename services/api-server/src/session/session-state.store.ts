import type { Redis } from 'ioredis';
import type { AccountToken } from '../accounts/account.settings';
import { BEGIN_LOGIN_ATTEMPT } from './login-attempts.script';

/** How failed logins slow a client down (Argo CD's ARGOCD_SESSION_* settings, plus the backoff's bounds). */
export interface LoginBackoffPolicy {
  /** Failures a client may have for a user before each further attempt waits. */
  maxFailures: number;
  /** Failures older than this are forgotten; 0 keeps them until a success or eviction. */
  windowSeconds: number;
  /** Client-and-user entries kept at most; the oldest go first, so a flood of names cannot grow Redis. */
  maxEntries: number;
  /** The first delay; each further failure doubles it up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export type LoginAttempt = { allowed: true; failures: number } | { allowed: false; retryInMs: number; failures: number };

/**
 * Session state shared by every api-server replica: failed logins per client and user (the
 * backoff) and revoked token ids (logout). Keys carry the namespace so two installations can share one Redis.
 */
export class SessionStateStore {
  constructor(
    private readonly redis: Redis,
    private readonly namespace: string,
  ) {}

  private failuresKey = (): string => `flotilla:session:${this.namespace}:login-failures`;
  private recentKey = (): string => `flotilla:session:${this.namespace}:login-failures:recent`;
  private revokedKey = (jti: string): string => `flotilla:session:${this.namespace}:revoked:${jti}`;
  private apiKeyRevokedKey = (account: string, id: string, iat: number): string =>
    `flotilla:session:${this.namespace}:apikey-revoked:${JSON.stringify([account, id, iat])}`;
  private apiKeyIssuedKey = (account: string, id: string, iat: number): string =>
    `flotilla:session:${this.namespace}:apikey-issued:${JSON.stringify([account, id, iat])}`;

  /**
   * Starts a login attempt from `client` as `username`: refused while the client backs off,
   * otherwise counted as a failure until clearLoginAttempts says it succeeded.
   */
  async beginLoginAttempt(client: string, username: string, policy: LoginBackoffPolicy): Promise<LoginAttempt> {
    const [allowed, waitMs, failures] = (await this.redis.eval(
      BEGIN_LOGIN_ATTEMPT,
      2,
      this.failuresKey(),
      this.recentKey(),
      entryField(client, username),
      policy.maxFailures,
      policy.windowSeconds * 1000,
      policy.maxEntries,
      policy.baseDelayMs,
      policy.maxDelayMs,
    )) as [number, number, number];
    return allowed === 1 ? { allowed: true, failures } : { allowed: false, retryInMs: waitMs, failures };
  }

  /** A successful login forgets that client's failures for the user. */
  async clearLoginAttempts(client: string, username: string): Promise<void> {
    const field = entryField(client, username);
    await this.redis.multi().hdel(this.failuresKey(), field).zrem(this.recentKey(), field).exec();
  }

  /** Remembers a token id as revoked until the token would have expired anyway. */
  async revoke(jti: string, expiresAtSeconds: number): Promise<void> {
    const ttl = Math.ceil(expiresAtSeconds - Date.now() / 1000);
    if (ttl > 0) await this.redis.set(this.revokedKey(jti), '1', 'EX', ttl);
  }

  async isRevoked(jti: string): Promise<boolean> {
    return (await this.redis.exists(this.revokedKey(jti))) === 1;
  }

  /**
   * Marks a deleted API token as refused on every replica at once: replicas may read argocd-secret's
   * token list from a cache for a moment longer. Keyed by the token's issue time too, so a later
   * token reusing the id is not refused; kept an hour at most (until it expires, if sooner).
   */
  async revokeApiKey(account: string, token: AccountToken): Promise<void> {
    const remaining = token.exp === undefined ? API_KEY_REVOCATION_SECONDS : Math.ceil(token.exp - Date.now() / 1000);
    const ttl = Math.min(remaining, API_KEY_REVOCATION_SECONDS);
    if (ttl > 0) await this.redis.set(this.apiKeyRevokedKey(account, token.id, token.iat), '1', 'EX', ttl);
  }

  async isApiKeyRevoked(account: string, token: AccountToken): Promise<boolean> {
    return (await this.redis.exists(this.apiKeyRevokedKey(account, token.id, token.iat))) === 1;
  }

  /**
   * Marks a token as just issued, for the few seconds other replicas may read a cached token list
   * that does not show it yet.
   */
  async markApiKeyIssued(account: string, token: AccountToken): Promise<void> {
    await this.redis.set(this.apiKeyIssuedKey(account, token.id, token.iat), '1', 'EX', API_KEY_ISSUED_SECONDS);
  }

  async isApiKeyIssued(account: string, token: AccountToken): Promise<boolean> {
    return (await this.redis.exists(this.apiKeyIssuedKey(account, token.id, token.iat))) === 1;
  }

  /** A token issued again with a deleted one's id in the same second is the same token: it is valid again. */
  async clearApiKeyRevocation(account: string, token: AccountToken): Promise<void> {
    await this.redis.del(this.apiKeyRevokedKey(account, token.id, token.iat));
  }
}

/** Far longer than any replica caches argocd-secret; the token list refuses the token after that. */
const API_KEY_REVOCATION_SECONDS = 3600;
/** Longer than any replica caches argocd-secret; the token list accepts the token after that. */
export const API_KEY_ISSUED_SECONDS = 10;

/** One entry per client and user; JSON keeps any username from colliding with another pair. */
const entryField = (client: string, username: string): string => JSON.stringify([client, username]);
