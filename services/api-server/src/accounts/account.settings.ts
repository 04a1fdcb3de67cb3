// Local accounts as Argo CD declares them: capabilities and `enabled` in argocd-cm, password hash
// and change time in argocd-secret. https://argo-cd.readthedocs.io/en/stable/operator-manual/user-management/

export const ADMIN_ACCOUNT = 'admin';
export type AccountCapability = 'login' | 'apiKey';

export interface Account {
  name: string;
  enabled: boolean;
  capabilities: AccountCapability[];
  /** bcrypt hash; absent when the account has no password yet. */
  passwordHash?: string;
  /** When the password last changed: tokens issued before it are no longer accepted. */
  passwordMtime?: Date;
  /** The API tokens issued for the account and not deleted; only these authenticate. */
  tokens: AccountToken[];
}

/** An API token as argocd-secret lists it (Argo's JSON: id, iat and exp in Unix seconds, exp absent for never). */
export interface AccountToken {
  id: string;
  iat: number;
  exp?: number;
}

/** argocd-secret keys holding an account's password hash and its change time. */
export function passwordKeys(name: string): { hash: string; mtime: string } {
  return name === ADMIN_ACCOUNT
    ? { hash: 'admin.password', mtime: 'admin.passwordMtime' }
    : { hash: `accounts.${name}.password`, mtime: `accounts.${name}.passwordMtime` };
}

/** argocd-secret's key listing an account's API tokens. */
export const tokensKey = (name: string): string => (name === ADMIN_ACCOUNT ? 'admin.tokens' : `accounts.${name}.tokens`);

/**
 * An account's token list from argocd-secret's value. A value that is not Argo's list yields no
 * tokens, so a damaged entry refuses every token rather than accepting unknown ones.
 */
export function parseTokens(value: string | undefined): AccountToken[] {
  if (!value) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  const tokens: AccountToken[] = [];
  for (const t of parsed as unknown[]) {
    if (typeof t !== 'object' || t === null) continue;
    const { id, iat, exp } = t as Record<string, unknown>;
    if (typeof id !== 'string' || typeof iat !== 'number') continue;
    tokens.push(typeof exp === 'number' && exp > 0 ? { id, iat, exp } : { id, iat });
  }
  return tokens;
}

/** Every local account, from argocd-cm's data and argocd-secret's decoded data. */
export function parseAccounts(cm: Record<string, string>, secret: Record<string, string>): Map<string, Account> {
  const accounts = new Map<string, Account>();
  for (const [key, value] of Object.entries(cm)) {
    const declared = /^accounts\.([^.]+)$/.exec(key);
    if (!declared || declared[1] === ADMIN_ACCOUNT) continue;
    const name = declared[1];
    accounts.set(
      name,
      withSecrets({ name, enabled: cm[`accounts.${name}.enabled`] !== 'false', capabilities: parseCapabilities(value) }, secret),
    );
  }
  // admin always logs in; `accounts.admin: apiKey` adds API tokens, as Argo CD reads it.
  const adminCapabilities = [...new Set<AccountCapability>(['login', ...parseCapabilities(cm[`accounts.${ADMIN_ACCOUNT}`] ?? '')])];
  accounts.set(
    ADMIN_ACCOUNT,
    withSecrets({ name: ADMIN_ACCOUNT, enabled: cm['admin.enabled'] !== 'false', capabilities: adminCapabilities }, secret),
  );
  return accounts;
}

function parseCapabilities(value: string): AccountCapability[] {
  return value
    .split(',')
    .map((c) => c.trim())
    .filter((c): c is AccountCapability => c === 'login' || c === 'apiKey');
}

function withSecrets(account: Omit<Account, 'tokens'>, secret: Record<string, string>): Account {
  const keys = passwordKeys(account.name);
  const hash = secret[keys.hash];
  const mtime = secret[keys.mtime] ? new Date(secret[keys.mtime]) : undefined;
  return {
    ...account,
    passwordHash: hash || undefined,
    passwordMtime: mtime && !Number.isNaN(mtime.getTime()) ? mtime : undefined,
    tokens: parseTokens(secret[tokensKey(account.name)]),
  };
}
