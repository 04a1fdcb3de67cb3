import bcrypt from 'bcryptjs';
import { invalidArgument, notFound } from '../rpc/rpc-error';
import type { CallContext, SessionService } from '../session/session.service';
import type { ArgoSettingsStore } from '../settings/argo-settings.store';
import { Account } from './account.settings';
import { RBAC_ACTIONS, RBAC_RESOURCES } from './rbac.policy';

/** Argo CD's default `passwordPattern` (argocd-cm may set another). */
const DEFAULT_PASSWORD_PATTERN = '^.{8,32}$';

export interface AccountView {
  name: string;
  enabled: boolean;
  capabilities: string[];
}

/** Local accounts: permissions check, password change, listing. */
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
    const account = await this.settings.account(name);
    if (!account) throw notFound(`account '${name}' does not exist`);
    return view(account);
  }
}

const view = (a: Account): AccountView => ({ name: a.name, enabled: a.enabled, capabilities: a.capabilities });
