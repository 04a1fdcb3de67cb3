import * as grpc from '@grpc/grpc-js';
import bcrypt from 'bcryptjs';
import { ArgoSettingsStore } from '../settings/argo-settings.store';
import { RbacPolicy } from '../accounts/rbac.policy';
import { ConcurrencyLimiter, ConcurrencyLimitError } from '../rpc/concurrency.limiter';
import { invalidArgument, permissionDenied, RpcError, unauthenticated } from '../rpc/rpc-error';
import { API_KEY_ISSUED_SECONDS, LoginBackoffPolicy, SessionStateStore } from './session-state.store';
import type { AccountToken } from '../accounts/account.settings';
import { InvalidTokenError, SessionClaims, signApiKeyToken, signSessionToken, subjectAccount, verifySessionToken } from './session-token';

export interface SessionSettings {
  tokenTtlSeconds: number;
  backoff: LoginBackoffPolicy;
  /** Password checks running at once; bcrypt is CPU-heavy (Argo CD: ARGOCD_MAX_CONCURRENT_LOGIN_REQUESTS_COUNT). */
  maxConcurrentLogins: number;
}

/** The client a logged-in caller re-entering their password (UpdatePassword) counts as. */
export const SESSION_CLIENT = 'logged-in session';

/** Who is calling, and what they may do. */
export class CallContext {
  constructor(
    readonly claims: SessionClaims,
    private readonly policy: RbacPolicy,
  ) {}

  get username(): string {
    return this.claims.sub;
  }

  can(resource: string, action: string, object: string): boolean {
    return this.policy.enforce(this.claims.sub, resource, action, object);
  }

  /** Throws PermissionDenied naming the check (never the token) unless the policy allows it. */
  authorize(resource: string, action: string, object: string): void {
    if (!this.can(resource, action, object))
      throw permissionDenied(`permission denied: ${resource}, ${action}, ${object}, sub: ${this.claims.sub}`);
  }
}

export const NO_SESSION = 'no session information';
const INVALID_LOGIN = 'Invalid username or password';
const MAX_USERNAME_LENGTH = 32;
// Hashing for unknown users too keeps response times from telling which usernames exist.
const DUMMY_HASH = bcrypt.hashSync('flotilla-timing-equaliser', 10);

/** Local-account login, token verification and logout (Argo CD's session manager). */
export class SessionService {
  private readonly passwordChecks: ConcurrencyLimiter;

  constructor(
    private readonly settings: ArgoSettingsStore,
    private readonly state: SessionStateStore,
    private readonly config: SessionSettings,
  ) {
    this.passwordChecks = new ConcurrencyLimiter(config.maxConcurrentLogins);
  }

  /** Logs `username` in from `client`, the caller's address as the transport reports it. */
  async login(username: string, password: string, client: string): Promise<string> {
    await this.verifyPassword(username, password, client);
    const { token } = await signSessionToken(await this.settings.serverKey(), username, this.config.tokenTtlSeconds);
    return token;
  }

  /**
   * Checks a username/password pair. Failures are counted per client and user, so a client that
   * keeps guessing waits longer and longer while the right password from anywhere else still works.
   */
  async verifyPassword(username: string, password: string, client = SESSION_CLIENT): Promise<void> {
    if (!password) throw unauthenticated('Blank passwords are not allowed');
    if (Buffer.byteLength(username) > MAX_USERNAME_LENGTH) throw invalidArgument(`Username is too long (${MAX_USERNAME_LENGTH} bytes max)`);
    try {
      await this.passwordChecks.run(() => this.checkPassword(username, password, client));
    } catch (err) {
      if (!(err instanceof ConcurrencyLimitError)) throw err;
      throw new RpcError(grpc.status.RESOURCE_EXHAUSTED, `too many login requests at once (more than ${err.limit}), retry shortly`);
    }
  }

  private async checkPassword(username: string, password: string, client: string): Promise<void> {
    const attempt = await this.state.beginLoginAttempt(client, username, this.config.backoff);
    if (!attempt.allowed) {
      throw unauthenticated(`${INVALID_LOGIN}: too many failed login attempts, retry in ${Math.ceil(attempt.retryInMs / 1000)}s`);
    }
    const account = await this.settings.account(username);
    const valid = await bcrypt.compare(password, account?.passwordHash ?? DUMMY_HASH);
    // The attempt already counts as a failure; only the right password clears it.
    if (!account?.passwordHash || !valid) throw unauthenticated(INVALID_LOGIN);
    await this.state.clearLoginAttempts(client, username);
    if (!account.enabled) throw unauthenticated(`Account ${username} is disabled`);
    if (!account.capabilities.includes('login')) throw unauthenticated(`Account ${username} does not have login capability`);
  }

  /** The caller behind a request's credentials; throws Unauthenticated when there are none or they are no good. */
  async authenticate(metadata: grpc.Metadata): Promise<CallContext> {
    const token = tokenFrom(metadata);
    if (!token) throw unauthenticated(NO_SESSION);
    const claims = await this.verify(token);
    return new CallContext(claims, await this.settings.rbac());
  }

  async logout(context: CallContext): Promise<void> {
    // A token that never expires is an API token; it ends when its account's token is deleted.
    if (context.claims.exp !== undefined) await this.state.revoke(context.claims.jti, context.claims.exp);
  }

  /** Signs an API token for `account`; it authenticates once listed in argocd-secret and announced. */
  async signApiKey(account: string, token: AccountToken): Promise<string> {
    return signApiKeyToken(await this.settings.serverKey(), account, token);
  }

  /**
   * Lets every replica accept a token just listed in argocd-secret before its cached copy shows it,
   * even one issued again, in the same second, with the id of a token just deleted.
   */
  async announceApiKey(account: string, token: AccountToken): Promise<void> {
    await this.state.clearApiKeyRevocation(account, token);
    await this.state.markApiKeyIssued(account, token);
  }

  /** Refuses a deleted API token on every replica at once, before their cached token lists catch up. */
  revokeApiKey(account: string, token: AccountToken): Promise<void> {
    return this.state.revokeApiKey(account, token);
  }

  private async verify(token: string): Promise<SessionClaims> {
    let claims: SessionClaims;
    try {
      claims = await verifySessionToken(await this.settings.serverKey(), token);
    } catch (err) {
      if (err instanceof InvalidTokenError) throw unauthenticated(`invalid session: ${err.message}`);
      throw err;
    }
    // As Argo CD: the account behind the token, enabled and still having the capability it was issued for.
    const { account: name, capability } = subjectAccount(claims.sub);
    const account = await this.settings.account(name);
    if (!account) throw unauthenticated(`invalid session: account ${name} does not exist`);
    if (!account.enabled) throw unauthenticated(`invalid session: account ${name} is disabled`);
    if (!account.capabilities.includes(capability))
      throw unauthenticated(`invalid session: account ${name} does not have '${capability}' capability`);
    if (await this.state.isRevoked(claims.jti)) throw unauthenticated('invalid session: token is revoked, please re-login');
    if (capability === 'apiKey' && !(await this.isListedApiKey(name, account.tokens, claims))) {
      throw unauthenticated(`invalid session: account ${name} does not have token with id ${claims.jti}`);
    }
    if (account.passwordMtime && claims.iat * 1000 < account.passwordMtime.getTime()) {
      throw unauthenticated('invalid session: account password has changed since token issued');
    }
    return { ...claims, sub: name };
  }

  /**
   * An API token authenticates only while argocd-secret lists its id, issued no earlier (a token of a
   * deleted id must not come back with a new token of that id), and it has not just been deleted.
   */
  private async isListedApiKey(account: string, tokens: readonly AccountToken[], claims: SessionClaims): Promise<boolean> {
    const listed = tokens.find((t) => t.id === claims.jti);
    // Argo stamps the list and the JWT from two clock readings, which may straddle a second.
    if (listed && claims.iat >= listed.iat - 1 && !(await this.state.isApiKeyRevoked(account, listed))) return true;
    // Issued moments ago, perhaps by another replica: this one's cached list may not show it yet.
    if (claims.iat * 1000 < Date.now() - API_KEY_ISSUED_SECONDS * 1000) return false;
    const issued: AccountToken = { id: claims.jti, iat: claims.iat };
    return (await this.state.isApiKeyIssued(account, issued)) && !(await this.state.isApiKeyRevoked(account, issued));
  }
}

/** The bearer token from `authorization: Bearer …` (or Argo CLI's `tokens` metadata). */
export function tokenFrom(metadata: grpc.Metadata): string | undefined {
  const authorization = metadata.get('authorization')[0];
  if (typeof authorization === 'string') {
    const match = /^Bearer\s+(.+)$/i.exec(authorization.trim());
    if (match) return match[1];
  }
  const tokens = metadata.get('tokens')[0];
  return typeof tokens === 'string' && tokens ? tokens : undefined;
}
