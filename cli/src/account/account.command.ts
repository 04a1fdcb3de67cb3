import { Command } from 'commander';
import type { CliConfig } from '../cli.config';
import { ApiClient } from '../api/api.client';
import { globalsOf, withApi } from '../api/api.session';
import { configPathOf } from '../api/server-target';
import { CliError } from '../output/cli.error';
import { logWarn } from '../output/log.printer';
import { readPassword, stdinIsTerminal } from '../terminal/prompt';
import { readLocalConfig, resolveContext, writeLocalConfig } from '../session/local-config.store';

interface UpdatePasswordOptions {
  currentPassword?: string;
  newPassword?: string;
  account?: string;
}

/** `flotilla account …`: local accounts. */
export function accountCommand(config: CliConfig): Command {
  return new Command('account').description('Manage account settings').addCommand(updatePasswordCommand(config));
}

async function readNewPassword(account: string): Promise<string> {
  for (;;) {
    const password = await readPassword(`*** Enter new password for user ${account}: `);
    const confirm = await readPassword(`*** Confirm new password for user ${account}: `);
    if (password === confirm) return password;
    if (!stdinIsTerminal()) throw new CliError('Passwords do not match');
    logWarn('Passwords do not match');
  }
}

function updatePasswordCommand(config: CliConfig): Command {
  return new Command('update-password')
    .description("Update an account's password")
    .option('--current-password <password>', 'Password of the currently logged on user')
    .option('--new-password <password>', 'New password you want to update to')
    .option('--account <name>', 'An account name that should be updated. Defaults to current user account')
    .action(async (opts: UpdatePasswordOptions, cmd: Command) =>
      withApi(cmd, config, async (api) => {
        const user = await api.call(api.sessions, 'GetUserInfo', {});
        const username = user.username.split(':')[0];
        let currentPassword = opts.currentPassword;
        if (user.iss === 'argocd' && currentPassword === undefined) {
          currentPassword = await readPassword(`*** Enter password of currently logged in user (${username}): `);
        }
        const account = opts.account ?? username;
        const newPassword = opts.newPassword ?? (await readNewPassword(account));
        await api.call(api.accounts, 'UpdatePassword', { newPassword, currentPassword: currentPassword ?? '', name: account });
        process.stdout.write('Password updated\n');
        if (account === username) await relogin(cmd, config, api, username, newPassword);
      }),
    );
}

/** Tokens issued before a password change stop working; log in again so the context keeps working. */
async function relogin(cmd: Command, config: CliConfig, api: ApiClient, username: string, password: string): Promise<void> {
  const globals = globalsOf(cmd);
  const path = configPathOf(globals, config);
  const local = readLocalConfig(path);
  if (!local?.['current-context']) return;
  const ctx = resolveContext(local, globals.context);
  if (ctx.server.server !== api.target.server) return;
  // Without the old token: it was just invalidated by the change.
  const fresh = new ApiClient({ ...api.target, authToken: undefined });
  try {
    const { token } = await fresh.call(fresh.sessions, 'Create', { username, password, token: '' });
    const entry = local.users.find((u) => u.name === ctx.user.name);
    if (entry) entry['auth-token'] = token;
  } finally {
    fresh.close();
  }
  writeLocalConfig(local, path);
  process.stdout.write(`Context '${ctx.name}' updated\n`);
}
