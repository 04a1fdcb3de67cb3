import { Command } from 'commander';
import type { CliConfig } from '../cli.config';
import { withApi } from '../api/api.session';
import { appNameOf, ApplicationsClient } from './applications.client';

export function appTerminateOpCommand(config: CliConfig): Command {
  return new Command('terminate-op')
    .description('Terminate running operation of an application')
    .argument('<APPNAME>')
    .action(async (name: string, _opts: unknown, cmd: Command) =>
      withApi(cmd, config, async (api) => {
        const app = appNameOf(name);
        await new ApplicationsClient(api).terminateOperation(app);
        process.stdout.write(`Application '${app}' operation terminating\n`);
      }),
    );
}
