import { Command } from 'commander';
import type { CliConfig } from '../cli.config';
import { withApi } from '../api/api.session';
import { oneOf } from '../command/option.parsers';
import { formatObjectList, isObjectFormat } from '../output/object.printer';
import { appNameOf, ApplicationsClient } from './applications.client';
import { formatHistoryIds, formatHistoryTable } from './app-history.printer';

export function appHistoryCommand(config: CliConfig): Command {
  return new Command('history')
    .description('Show application deployment history')
    .argument('<APPNAME>')
    .option('-o, --output <format>', 'Output format. One of: wide|id|json|yaml', oneOf('wide', 'id', 'json', 'yaml'), 'wide')
    .action(async (name: string, opts: { output: 'wide' | 'id' | 'json' | 'yaml' }, cmd: Command) =>
      withApi(cmd, config, async (api) => {
        const history = (await new ApplicationsClient(api).get(appNameOf(name))).status?.history ?? [];
        const out = isObjectFormat(opts.output) ? formatObjectList(history, opts.output) : opts.output === 'id' ? formatHistoryIds(history) : formatHistoryTable(history);
        process.stdout.write(out);
      }),
    );
}
