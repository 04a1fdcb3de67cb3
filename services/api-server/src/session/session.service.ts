import * as grpc from '@grpc/grpc-js';
import bcrypt from 'bcryptjs';
import { ArgoSettingsStore } from '../settings/argo-settings.store';
import { RbacPolicy } from '../accounts/rbac.policy';
import { invalidArgument, permissionDenied, RpcError, unauthenticated } from '../rpc/rpc-error';
import { SessionStateStore } from './session-state.store';
import { InvalidTokenError, SessionClaims, signSessionToken, verifySessionToken } from './session-token';

export interface SessionSettings {
  tokenTtlSeconds: number;
  maxLoginFailures: number;
  failureWindowSeconds: number;
}

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
  constructor(
    private readonly settings: ArgoSettingsStore,
    private readonly state: SessionStateStore,
    private readonly config: SessionSettings,
  ) {}

  async login(username: string, password: string): Promise<string> {
    await this.verifyPassword(username, password);
    const { token } = await signSessionToken(await this.settings.serverKey(), username, this.config.tokenTtlSeconds);
    return token;
  }

  /** Checks a username/password pair, counting failures per user and refusing after too many. */
  async verifyPassword(username: string, password: string): Promise<void> {
    if (!password) throw unauthenticated('Blank passwords are not allowed');
    if (Buffer.byteLength(username) > MAX_USERNAME_LENGTH) throw invalidArgument(`Username is too long (${MAX_USERNAME_LENGTH} bytes max)`);
    if ((await this.state.failedLogins(username)) >= this.config.maxLoginFailures) {
      throw new RpcError(grpc.status.UNAUTHENTICATED, `${INVALID_LOGIN}: too many failed login attempts, try again later`);
    }
    const account = await this.settings.account(username);
    const valid = await bcrypt.compare(password, account?.passwordHash ?? DUMMY_HASH);
    if (!account?.passwordHash || !valid) {
      await this.state.recordFailedLogin(username, this.config.failureWindowSeconds);
      throw unauthenticated(INVALID_LOGIN);
    }
    if (!account.enabled) throw unauthenticated(`Account ${username} is disabled`);
    if (!account.capabilities.includes('login')) throw unauthenticated(`Account ${username} does not have login capability`);
    await this.state.clearFailedLogins(username);
  }

  /** The caller behind a request's credentials; throws Unauthenticated when there are none or they are no good. */
  async authenticate(metadata: grpc.Metadata): Promise<CallContext> {
    const token = tokenFrom(metadata);
    if (!token) throw unauthenticated(NO_SESSION);
    const claims = await this.verify(token);
    return new CallContext(claims, await this.settings.rbac());
  }

  async logout(context: CallContext): Promise<void> {
    await this.state.revoke(context.claims.jti, context.claims.exp);
  }

  private async verify(token: string): Promise<SessionClaims> {
    let claims: SessionClaims;
    try {
      claims = await verifySessionToken(await this.settings.serverKey(), token);
    } catch (err) {
      if (err instanceof InvalidTokenError) throw unauthenticated(`invalid session: ${err.message}`);
      throw err;
    }
    const account = await this.settings.account(claims.sub);
    if (!account) throw unauthenticated(`invalid session: account ${claims.sub} does not exist`);
    if (!account.enabled) throw unauthenticated(`invalid session: account ${claims.sub} is disabled`);
    if (await this.state.isRevoked(claims.jti)) throw unauthenticated('invalid session: token is revoked, please re-login');
    if (account.passwordMtime && claims.iat * 1000 < account.passwordMtime.getTime()) {
      throw unauthenticated('invalid session: account password has changed since token issued');
    }
    return claims;
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
