import { Command } from 'commander';
import type { CliConfig } from '../cli.config';
import { withApi } from '../api/api.session';
import { CliError } from '../output/cli.error';
import { appNameOf, ApplicationsClient } from './applications.client';
import { sourcePositionByName } from './app-source.builder';
import { AppSpecError } from './app-spec.builder';
import { wholeNumber } from './app-spec.options';

interface RemoveSourceOptions {
  sourcePosition: number;
  sourceName?: string;
}

/** `flotilla app remove-source APPNAME --source-position N|--source-name NAME` (positions count from 1). */
export function appRemoveSourceCommand(config: CliConfig): Command {
  return new Command('remove-source')
    .description('Remove a source from multiple sources application.')
    .argument('<APPNAME>')
    .option('--source-position <n>', 'Position of the source from the list of sources of the app. Counting starts at 1.', wholeNumber, -1)
    .option('--source-name <name>', 'Name of the source from the list of sources of the app.')
    .action(async (arg: string, opts: RemoveSourceOptions, cmd: Command) => {
      if (!opts.sourceName && opts.sourcePosition <= 0) throw new CliError('Value of source-position must be greater than 0');
      if (opts.sourceName && opts.sourcePosition !== -1) throw new CliError('Only one of source-position and source-name can be specified.');
      await withApi(cmd, config, async (api) => {
        const apps = new ApplicationsClient(api);
        const app = await apps.get(appNameOf(arg));
        let position = opts.sourcePosition;
        if (opts.sourceName) {
          try {
            position = sourcePositionByName(app.spec, opts.sourceName);
          } catch (err) {
            if (err instanceof AppSpecError) throw new CliError(err.message);
            throw err;
          }
        }
        const sources = app.spec.sources ?? [];
        if (sources.length === 0) throw new CliError('Application does not have multiple sources configured');
        if (sources.length === 1) throw new CliError('Cannot remove the only source remaining in the app');
        if (sources.length < position) throw new CliError(`Application does not have source at ${position}`);
        await apps.updateSpec(app.metadata.name, { ...app.spec, sources: sources.filter((_, i) => i !== position - 1) });
        process.stdout.write(`Application '${app.metadata.name}' updated successfully\n`);
      });
    });
}
