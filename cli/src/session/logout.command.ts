import { Command } from 'commander';
import type { CliConfig } from '../cli.config';
import { ApiClient } from '../api/api.client';
import { globalsOf } from '../api/api.session';
import { configPathOf } from '../api/server-target';
import { CliError } from '../output/cli.error';
import { logInfo, logWarn } from '../output/log.printer';
import { readLocalConfig, removeToken, resolveContext, writeLocalConfig } from './local-config.store';

export function logoutCommand(config: CliConfig): Command {
  return new Command('logout')
    .description('Log out from Flotilla')
    .argument('[CONTEXT]', 'Context to log out of (default: the current one)')
    .action(async (contextArg: string | undefined, _opts: unknown, cmd: Command) => {
      const globals = globalsOf(cmd);
      const path = configPathOf(globals, config);
      const local = readLocalConfig(path);
      if (!local) throw new CliError('Nothing to logout from');
      const ctx = resolveContext(local, contextArg);
      const token = ctx.user['auth-token'];
      if (token) await revokeOnServer(ctx.server.server, Boolean(ctx.server['plain-text']), Boolean(ctx.server.insecure), token);
      if (!removeToken(local, ctx.name)) throw new CliError(`Context ${ctx.name} does not exist`);
      writeLocalConfig(local, path);
      process.stdout.write(`Logged out from '${ctx.name}'\n`);
    });
}

/** Best effort, as in argocd: the local token is dropped even when the server cannot be told. */
async function revokeOnServer(server: string, plaintext: boolean, insecure: boolean, token: string): Promise<void> {
  const api = new ApiClient({ server, plaintext, insecure, authToken: token });
  try {
    await api.call(api.sessions, 'Delete', {}, 10_000);
    logInfo('token successfully invalidated on server');
  } catch (err) {
    logWarn(`failed to invalidate token on server: ${(err as Error).message}.`);
  } finally {
    api.close();
  }
}
