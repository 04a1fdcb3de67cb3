import { Command, InvalidArgumentError } from 'commander';
import type { Application, RevisionHistory } from '@flotilla/api-types';
import type { CliConfig } from '../cli.config';
import { withApi } from '../api/api.session';
import { nonNegativeInt, oneOf } from '../command/option.parsers';
import { CliError } from '../output/cli.error';
import { appNameOf, ApplicationsClient } from './applications.client';
import { AppStatusWatcher } from './app-status.watcher';

interface RollbackOptions {
  prune?: boolean;
  dryRun?: boolean;
  timeout: number;
  output: 'wide' | 'json' | 'yaml';
}

function historyId(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError(`expected a history id (a whole number, see 'app history'), got "${value}"`);
  return Number(value);
}

/**
 * The history entry to go back to: the one with `id`, or without one the deployment before the
 * latest. Messages as argocd's findRevisionHistory words them.
 */
export function rollbackTarget(app: Application, id?: number): RevisionHistory {
  const history = app.status?.history ?? [];
  if (id === undefined) {
    if (history.length < 2) throw new CliError(`Application '${app.metadata.name}' should have at least two successful deployments`);
    return history[history.length - 2];
  }
  const entry = history.find((h) => h.id === id);
  if (!entry) throw new CliError(`Application '${app.metadata.name}' does not have deployment id '${id}' in history`);
  return entry;
}

export function appRollbackCommand(config: CliConfig): Command {
  return new Command('rollback')
    .description('Rollback application to a previous deployed version by History ID, omitted will Rollback to the previous version')
    .argument('<APPNAME>')
    .argument('[ID]', 'History id (see app history)', historyId)
    .option('--prune', 'Allow deleting unexpected resources')
    .option('--dry-run', 'Preview apply without affecting cluster')
    .option('--timeout <seconds>', 'Time out after this many seconds (0: never)', nonNegativeInt, 0)
    .option('-o, --output <format>', 'Output format. One of: json|yaml|wide', oneOf('wide', 'json', 'yaml'), 'wide')
    .action(async (arg: string, id: number | undefined, opts: RollbackOptions, cmd: Command) =>
      withApi(cmd, config, async (api) => {
        const apps = new ApplicationsClient(api);
        const name = appNameOf(arg);
        const target = rollbackTarget(await apps.get(name), id);
        await apps.rollback({ name, id: target.id, prune: Boolean(opts.prune), dryRun: Boolean(opts.dryRun) });
        const { operationState } = await new AppStatusWatcher(apps).waitFor(name, {
          watch: { operation: true },
          timeoutSeconds: opts.timeout,
          output: opts.output,
          out: process.stdout,
        });
        if (opts.dryRun) return;
        if (operationState?.phase !== 'Succeeded') throw new CliError(`Operation has completed with phase: ${operationState?.phase ?? 'Unknown'}`);
      }),
    );
}
