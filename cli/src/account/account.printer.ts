// How `flotilla account list|get` print accounts, as argocd's account commands do.
import { CliError } from '../output/cli.error';
import { formatTable, summaryLine } from '../output/tab-writer';

/** An account as AccountService answers it (int64 times arrive as decimal strings). */
export interface AccountReply {
  name: string;
  enabled: boolean;
  capabilities: string[];
  tokens: { id: string; issuedAt: string; expiresAt: string }[];
}

/** argocd's `account list` table; capabilities joined by ", ". */
export const formatAccountTable = (accounts: readonly AccountReply[]): string =>
  formatTable([['NAME', 'ENABLED', 'CAPABILITIES'], ...accounts.map((a) => [a.name, String(a.enabled), a.capabilities.join(', ')])]);

/** argocd's `account get`: the account's summary lines, then its tokens (or NONE). */
export function formatAccountDetails(account: AccountReply, now = Date.now()): string {
  const lines =
    summaryLine('Name:', account.name) +
    summaryLine('Enabled:', String(account.enabled)) +
    summaryLine('Capabilities:', account.capabilities.join(', '));
  if (account.tokens.length === 0) return `${lines}\nTokens:\nNONE\n`;
  const rows = account.tokens.map((t) => {
    const expiresAt = Number(t.expiresAt);
    const expiring = expiresAt > 0 ? `${rfc3339(expiresAt)}${expiresAt * 1000 < now ? ' (expired)' : ''}` : 'never';
    return [t.id, rfc3339(Number(t.issuedAt)), expiring];
  });
  return `${lines}\nTokens:\n${formatTable([['ID', 'ISSUED AT', 'EXPIRING AT'], ...rows])}`;
}

/** An account as argocd's -o json|yaml shows it: Go's omitempty fields, times as Unix seconds. */
export function accountObject(account: AccountReply): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (account.name) out.name = account.name;
  if (account.enabled) out.enabled = true;
  if (account.capabilities.length) out.capabilities = account.capabilities;
  if (account.tokens.length) {
    out.tokens = account.tokens.map((t) => ({
      ...(t.id ? { id: t.id } : {}),
      ...(Number(t.issuedAt) ? { issuedAt: Number(t.issuedAt) } : {}),
      ...(Number(t.expiresAt) ? { expiresAt: Number(t.expiresAt) } : {}),
    }));
  }
  return out;
}

/** Unix seconds as RFC 3339 in the local time zone, as Go's time.Unix(s, 0).Format(time.RFC3339). */
export function rfc3339(seconds: number): string {
  const d = new Date(seconds * 1000);
  const offset = -d.getTimezoneOffset();
  const pad = (n: number) => String(n).padStart(2, '0');
  const zone = offset === 0 ? 'Z' : `${offset > 0 ? '+' : '-'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}${zone}`;
}

/** argocd's token lifetimes (argoproj/pkg's ParseDuration): a whole number and one of s, m, h, d; in seconds. */
export function parseTokenDuration(value: string): number {
  const m = /^(\d+)([smhd])$/.exec(value);
  if (!m) throw new CliError(`Invalid since format '${value}'. Expected format <duration><unit> (e.g. 3h)`);
  return Number(m[1]) * { s: 1, m: 60, h: 3600, d: 86400 }[m[2] as 's' | 'm' | 'h' | 'd'];
}
