import { Command } from 'commander';
import type { CliConfig } from '../cli.config';
import { globalsOf } from '../api/api.session';
import { configPathOf } from '../api/server-target';
import { CliError } from '../output/cli.error';
import { formatTable } from '../output/tab-writer';
import { deleteLocalConfig, readLocalConfig, removeContext, resolveContext, writeLocalConfig, type LocalConfig } from './local-config.store';

export function contextCommand(config: CliConfig): Command {
  return new Command('context')
    .alias('ctx')
    .description('Switch between contexts')
    .argument('[CONTEXT]')
    .option('--delete', 'Delete the context instead of switching to it')
    .action((name: string | undefined, opts: { delete?: boolean }, cmd: Command) => {
      const path = configPathOf(globalsOf(cmd), config);
      const local = readLocalConfig(path);
      if (!local) throw new CliError('No local configuration found');
      if (opts.delete) {
        if (!name) cmd.help({ error: true });
        if (!removeContext(local, name)) throw new CliError(`context ${name} does not exist`);
        if (local.servers.length === 0) deleteLocalConfig(path);
        else writeLocalConfig(local, path);
        process.stdout.write(`Context '${name}' deleted\n`);
        return;
      }
      if (!name) {
        process.stdout.write(formatContexts(local));
        return;
      }
      if (local['current-context'] === name) {
        process.stdout.write(`Already at context '${name}'\n`);
        return;
      }
      resolveContext(local, name);
      local['current-context'] = name;
      writeLocalConfig(local, path);
      process.stdout.write(`Switched to context '${name}'\n`);
    });
}

export function formatContexts(local: LocalConfig): string {
  const rows = local.contexts.map((c) => [local['current-context'] === c.name ? '*' : ' ', c.name, c.server]);
  return formatTable([['CURRENT', 'NAME', 'SERVER'], ...rows]);
}
