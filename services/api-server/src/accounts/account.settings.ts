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
}

/** argocd-secret keys holding an account's password hash and its change time. */
export function passwordKeys(name: string): { hash: string; mtime: string } {
  return name === ADMIN_ACCOUNT
    ? { hash: 'admin.password', mtime: 'admin.passwordMtime' }
    : { hash: `accounts.${name}.password`, mtime: `accounts.${name}.passwordMtime` };
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
      withPassword({ name, enabled: cm[`accounts.${name}.enabled`] !== 'false', capabilities: parseCapabilities(value) }, secret),
    );
  }
  accounts.set(
    ADMIN_ACCOUNT,
    withPassword({ name: ADMIN_ACCOUNT, enabled: cm['admin.enabled'] !== 'false', capabilities: ['login'] }, secret),
  );
  return accounts;
}

function parseCapabilities(value: string): AccountCapability[] {
  return value
    .split(',')
    .map((c) => c.trim())
    .filter((c): c is AccountCapability => c === 'login' || c === 'apiKey');
}

function withPassword(account: Account, secret: Record<string, string>): Account {
  const keys = passwordKeys(account.name);
  const hash = secret[keys.hash];
  const mtime = secret[keys.mtime] ? new Date(secret[keys.mtime]) : undefined;
  return { ...account, passwordHash: hash || undefined, passwordMtime: mtime && !Number.isNaN(mtime.getTime()) ? mtime : undefined };
}
