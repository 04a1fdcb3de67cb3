import * as grpc from '@grpc/grpc-js';
import bcrypt from 'bcryptjs';
import { randomUUID } from 'node:crypto';
import { failedPrecondition, invalidArgument, notFound, RpcError } from '../rpc/rpc-error';
import type { CallContext, SessionService } from '../session/session.service';
import type { ArgoSettingsStore } from '../settings/argo-settings.store';
import { Account, AccountToken, parseTokens, tokensKey } from './account.settings';
import { RBAC_ACTIONS, RBAC_RESOURCES } from './rbac.policy';

/** Argo CD's default `passwordPattern` (argocd-cm may set another). */
const DEFAULT_PASSWORD_PATTERN = '^.{8,32}$';

export interface TokenView {
  id: string;
  issuedAt: number;
  /** 0: never. */
  expiresAt: number;
}

export interface AccountView {
  name: string;
  enabled: boolean;
  capabilities: string[];
  tokens: TokenView[];
}

/** Local accounts: permissions check, password change, listing, API tokens. */
export class AccountService {
  constructor(
    private readonly settings: ArgoSettingsStore,
    private readonly sessions: SessionService,
  ) {}

  canI(ctx: CallContext, resource: string, action: string, subresource: string): 'yes' | 'no' {
    if (!(RBAC_ACTIONS as readonly string[]).includes(action))
      throw invalidArgument(`[${RBAC_ACTIONS.join(' ')}] does not contain ${action}`);
    if (!(RBAC_RESOURCES as readonly string[]).includes(resource))
      throw invalidArgument(`[${RBAC_RESOURCES.join(' ')}] does not contain ${resource}`);
    return ctx.can(resource, action, subresource) ? 'yes' : 'no';
  }

  /** Changes the caller's password (or, with `accounts, update` permission, another account's). */
  async updatePassword(ctx: CallContext, req: { name: string; currentPassword: string; newPassword: string }): Promise<void> {
    const target = req.name || ctx.username;
    if (target !== ctx.username) ctx.authorize('accounts', 'update', target);
    try {
      await this.sessions.verifyPassword(ctx.username, req.currentPassword);
    } catch {
      throw invalidArgument('current password does not match');
    }
    const pattern = (await this.settings.argocdCm()).passwordPattern || DEFAULT_PASSWORD_PATTERN;
    if (!new RegExp(pattern).test(req.newPassword))
      throw invalidArgument(`new password does not match the following expression: ${pattern}`);
    if (!(await this.settings.account(target))) throw notFound(`account '${target}' does not exist`);
    await this.settings.setPassword(target, await bcrypt.hash(req.newPassword, 10), new Date());
  }

  async list(ctx: CallContext): Promise<AccountView[]> {
    const accounts = [...(await this.settings.accounts()).values()];
    return accounts
      .filter((a) => a.name === ctx.username || ctx.can('accounts', 'get', a.name))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map(view);
  }

  async get(ctx: CallContext, name: string): Promise<AccountView> {
    if (name !== ctx.username) ctx.authorize('accounts', 'get', name);
    return view(await this.existing(name));
  }

  /**
   * Issues an API token for an account with the apiKey capability and lists it in argocd-secret, as
   * Argo CD's CreateToken: the caller's own account, or another with `accounts, update` permission.
   */
  async createToken(ctx: CallContext, req: { name: string; expiresIn: string | number; id: string }): Promise<string> {
    if (req.name !== ctx.username) ctx.authorize('accounts', 'update', req.name);
    const expiresIn = Number(req.expiresIn || 0);
    if (!Number.isSafeInteger(expiresIn) || expiresIn < 0)
      throw invalidArgument(`expiresIn must be a whole number of seconds, not negative: ${req.expiresIn}`);
    const account = await this.existing(req.name);
    if (!account.enabled) throw failedPrecondition(`account '${req.name}' is disabled`);
    if (!account.capabilities.includes('apiKey')) throw argoError(`account '${req.name}' does not have apiKey capability`);
    const iat = Math.floor(Date.now() / 1000);
    const token: AccountToken =
      expiresIn > 0 ? { id: req.id || randomUUID(), iat, exp: iat + expiresIn } : { id: req.id || randomUUID(), iat };
    const signed = await this.sessions.signApiKey(req.name, token);
    const key = tokensKey(req.name);
    await this.settings.updateSecret((current) => {
      const tokens = parseTokens(current[key]);
      if (tokens.some((t) => t.id === token.id)) throw argoError(`account already has token with id '${token.id}'`);
      return { [key]: JSON.stringify([...tokens, token]) };
    });
    await this.sessions.announceApiKey(req.name, token);
    return signed;
  }

  /** Removes an API token from argocd-secret; from then on it authenticates nowhere. */
  async deleteToken(ctx: CallContext, name: string, id: string): Promise<void> {
    if (name !== ctx.username) ctx.authorize('accounts', 'update', name);
    await this.existing(name);
    const key = tokensKey(name);
    let removed: AccountToken | undefined;
    await this.settings.updateSecret((current) => {
      const tokens = parseTokens(current[key]);
      removed = tokens.find((t) => t.id === id);
      if (!removed) throw notFound(`token with id '${id}' does not exist`);
      return { [key]: JSON.stringify(tokens.filter((t) => t !== removed)) };
    });
    if (removed) await this.sessions.revokeApiKey(name, removed);
  }

  private async existing(name: string): Promise<Account> {
    const account = await this.settings.account(name);
    if (!account) throw notFound(`account '${name}' does not exist`);
    return account;
  }
}

/** Argo CD answers these refusals with a plain error, which gRPC reports as Unknown. */
const argoError = (message: string): RpcError => new RpcError(grpc.status.UNKNOWN, message);

const view = (a: Account): AccountView => ({
  name: a.name,
  enabled: a.enabled,
  capabilities: a.capabilities,
  // Newest first, as Argo CD lists them.
  tokens: [...a.tokens].sort((x, y) => y.iat - x.iat).map((t) => ({ id: t.id, issuedAt: t.iat, expiresAt: t.exp ?? 0 })),
});
