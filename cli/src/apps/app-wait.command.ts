import { Command } from 'commander';
import type { CliConfig } from '../cli.config';
import { withApi } from '../api/api.session';
import { nonNegativeInt, oneOf, repeatable } from '../command/option.parsers';
import { CliError } from '../output/cli.error';
import { appNameOf, ApplicationsClient } from './applications.client';
import { parseResourceFilters } from './app-resources.printer';
import { AppStatusWatcher } from './app-status.watcher';
import { defaultWaitFor } from './app-wait.conditions';

interface WaitOptions {
  sync?: boolean;
  health?: boolean;
  operation?: boolean;
  suspended?: boolean;
  degraded?: boolean;
  selector?: string;
  resource?: string[];
  timeout: number;
  output: string;
}

export function appWaitCommand(config: CliConfig): Command {
  return new Command('wait')
    .description('Wait for an application to reach a synced and healthy state')
    .argument('[APPNAME...]')
    .option('--sync', 'Wait for sync')
    .option('--health', 'Wait for health')
    .option('--operation', 'Wait for pending operations')
    .option('--suspended', 'Wait for suspended')
    .option('--degraded', 'Wait for degraded')
    .option('-l, --selector <selector>', 'Wait for apps by label')
    .option('--resource <GROUP:KIND:NAME>', 'Wait only for specific resources as GROUP:KIND:NAME or !GROUP:KIND:NAME (repeatable)', repeatable)
    .option('--timeout <seconds>', 'Time out after this many seconds (0: never)', nonNegativeInt, 0)
    .option('-o, --output <format>', 'Output format. One of: json|yaml|wide', oneOf('wide', 'json', 'yaml'), 'wide')
    .action(async (names: string[], opts: WaitOptions, cmd: Command) => {
      if (names.length === 0 && !opts.selector) cmd.help({ error: true });
      let selected;
      try {
        selected = parseResourceFilters(opts.resource ?? []);
      } catch (err) {
        throw new CliError((err as Error).message);
      }
      const watch = defaultWaitFor(opts);
      await withApi(cmd, config, async (api) => {
        const apps = new ApplicationsClient(api);
        const targets = names.map(appNameOf);
        if (opts.selector) targets.push(...(await apps.list({ selector: opts.selector })).map((a) => a.metadata.name));
        const watcher = new AppStatusWatcher(apps);
        for (const name of targets) {
          await watcher.waitFor(name, { watch, timeoutSeconds: opts.timeout, selected, output: opts.output, out: process.stdout });
        }
      });
    });
}
