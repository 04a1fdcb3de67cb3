import { Command } from 'commander';
import type { CliConfig } from '../cli.config';
import { ApiClient } from '../api/api.client';
import { globalsOf, withApi } from '../api/api.session';
import { configPathOf } from '../api/server-target';
import { oneOf } from '../command/option.parsers';
import { CliError } from '../output/cli.error';
import { formatObject, formatObjectList } from '../output/object.printer';
import { logWarn } from '../output/log.printer';
import { readPassword, stdinIsTerminal } from '../terminal/prompt';
import { readLocalConfig, resolveContext, writeLocalConfig } from '../session/local-config.store';
import { accountObject, formatAccountDetails, formatAccountTable, parseTokenDuration } from './account.printer';

type AccountOutput = 'json' | 'yaml' | 'wide' | 'name';
const outputOption = [
  '-o, --output <format>',
  'Output format. One of: json|yaml|wide|name',
  oneOf<AccountOutput>('json', 'yaml', 'wide', 'name'),
  'wide',
] as const;
const accountOption = ['-a, --account <name>', 'Account name. Defaults to the current account.'] as const;

interface UpdatePasswordOptions {
  currentPassword?: string;
  newPassword?: string;
  account?: string;
}

/** `flotilla account …`: local accounts. */
export function accountCommand(config: CliConfig): Command {
  return new Command('account')
    .description('Manage account settings')
    .addCommand(updatePasswordCommand(config))
    .addCommand(canICommand(config))
    .addCommand(listCommand(config))
    .addCommand(getCommand(config))
    .addCommand(generateTokenCommand(config))
    .addCommand(deleteTokenCommand(config));
}

/** The logged-in account: GetUserInfo's username without an Argo `:login`/`:apiKey` suffix. */
async function currentAccount(api: ApiClient): Promise<string> {
  return (await api.call(api.sessions, 'GetUserInfo', {})).username.split(':')[0];
}

function canICommand(config: CliConfig): Command {
  return new Command('can-i')
    .description('Can I')
    .argument('<ACTION>', 'get, create, update, delete, sync, rollback, override, action or invoke')
    .argument('<RESOURCE>', 'applications, projects, clusters, repositories, accounts, …')
    .argument('[SUBRESOURCE]', "the object, e.g. 'default/guestbook' or '*'", '')
    .action(async (action: string, resource: string, subresource: string, _opts: unknown, cmd: Command) =>
      withApi(cmd, config, async (api) => {
        const { value } = await api.call(api.accounts, 'CanI', { action, resource, subresource });
        process.stdout.write(`${value}\n`);
      }),
    );
}

function listCommand(config: CliConfig): Command {
  return new Command('list')
    .description('List accounts')
    .option(...outputOption)
    .action(async (opts: { output: AccountOutput }, cmd: Command) =>
      withApi(cmd, config, async (api) => {
        const items = (await api.call(api.accounts, 'ListAccounts', {})).items;
        if (opts.output === 'json' || opts.output === 'yaml') process.stdout.write(formatObjectList(items.map(accountObject), opts.output));
        else if (opts.output === 'name') process.stdout.write(items.map((a) => `${a.name}\n`).join(''));
        else process.stdout.write(formatAccountTable(items));
      }),
    );
}

function getCommand(config: CliConfig): Command {
  return new Command('get')
    .description('Get account details')
    .option(...outputOption)
    .option(...accountOption)
    .action(async (opts: { output: AccountOutput; account?: string }, cmd: Command) =>
      withApi(cmd, config, async (api) => {
        const name = opts.account || (await currentAccount(api));
        const account = await api.call(api.accounts, 'GetAccount', { name });
        if (opts.output === 'json' || opts.output === 'yaml') process.stdout.write(formatObject(accountObject(account), opts.output));
        else if (opts.output === 'name') process.stdout.write(`${account.name}\n`);
        else process.stdout.write(formatAccountDetails(account));
      }),
    );
}

function generateTokenCommand(config: CliConfig): Command {
  return new Command('generate-token')
    .description('Generate account token')
    .option(...accountOption)
    .option('-e, --expires-in <duration>', 'Duration before the token will expire. (Default: No expiration)', '0s')
    .option('--id <id>', 'Optional token id. Fall back to uuid if not value specified.')
    .action(async (opts: { account?: string; expiresIn: string; id?: string }, cmd: Command) => {
      const expiresIn = parseTokenDuration(opts.expiresIn);
      await withApi(cmd, config, async (api) => {
        const name = opts.account || (await currentAccount(api));
        const { token } = await api.call(api.accounts, 'CreateToken', { name, expiresIn, id: opts.id ?? '' });
        process.stdout.write(`${token}\n`);
      });
    });
}

function deleteTokenCommand(config: CliConfig): Command {
  return new Command('delete-token')
    .description('Deletes account token')
    .argument('<ID>', 'the token id, as account get lists it')
    .option(...accountOption)
    .action(async (id: string, opts: { account?: string }, cmd: Command) =>
      withApi(cmd, config, async (api) => {
        const name = opts.account || (await currentAccount(api));
        await api.call(api.accounts, 'DeleteToken', { name, id });
      }),
    );
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
