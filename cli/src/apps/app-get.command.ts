import * as grpc from '@grpc/grpc-js';
import type { Application } from '@flotilla/api-types';
import { Command } from 'commander';
import type { CliConfig } from '../cli.config';
import { ApiCallError } from '../api/api.client';
import { withApi } from '../api/api.session';
import { oneOf } from '../command/option.parsers';
import { logWarn } from '../output/log.printer';
import { formatObject, isObjectFormat } from '../output/object.printer';
import { appNameOf, ApplicationsClient, type RefreshType } from './applications.client';
import { formatResourceTable, resourceStates } from './app-resources.printer';
import { formatAppConditions, formatAppSummary, formatOperationResult } from './app-summary.printer';

interface GetOptions {
  output: 'wide' | 'json' | 'yaml';
  refresh?: boolean;
  hardRefresh?: boolean;
  showOperation?: boolean;
}

export function appGetCommand(config: CliConfig): Command {
  return new Command('get')
    .description('Get application details')
    .argument('<APPNAME>')
    .option('-o, --output <format>', 'Output format. One of: json|yaml|wide', oneOf('wide', 'json', 'yaml'), 'wide')
    .option('--refresh', 'Refresh application data when retrieving')
    .option('--hard-refresh', 'Refresh application data as well as target manifests cache')
    .option('--show-operation', 'Show application operation')
    .action(async (name: string, opts: GetOptions, cmd: Command) =>
      withApi(cmd, config, async (api) => {
        const apps = new ApplicationsClient(api);
        const app = await getWithRefresh(apps, appNameOf(name), opts.hardRefresh ? 'hard' : opts.refresh ? 'normal' : undefined);
        if (isObjectFormat(opts.output)) {
          process.stdout.write(formatObject(app, opts.output));
          return;
        }
        let text = formatAppSummary(app, await apps.appURL(app.metadata.name));
        if (app.status?.conditions?.length) text += `\n${formatAppConditions(app)}\n`;
        if (opts.showOperation && app.status?.operationState) text += `\n${formatOperationResult(app.status.operationState)}`;
        const states = resourceStates(app);
        if (states.length > 0) text += `\n${formatResourceTable(states)}`;
        process.stdout.write(text);
      }),
    );
}

/** Like argocd: when the refresh times out, show the app as it is rather than nothing. */
async function getWithRefresh(apps: ApplicationsClient, name: string, refresh?: RefreshType): Promise<Application> {
  try {
    return await apps.get(name, refresh);
  } catch (err) {
    if (!refresh || !(err instanceof ApiCallError) || err.code !== grpc.status.DEADLINE_EXCEEDED) throw err;
    logWarn(`${err.message}; showing the application without the refresh`);
    return apps.get(name);
  }
}
