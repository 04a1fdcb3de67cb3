import { Command, InvalidArgumentError } from 'commander';
import type { CliConfig } from '../cli.config';
import { withApi } from '../api/api.session';
import { CliError } from '../output/cli.error';
import { appNameOf, ApplicationsClient } from './applications.client';
import { formatAppDiff, resourceDiffItems } from './app-diff.printer';

interface DiffOptions {
  refresh?: boolean;
  hardRefresh?: boolean;
  exitCode?: boolean;
  diffExitCode: number;
}

function exitCodeValue(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 255) throw new InvalidArgumentError(`expected an exit code from 0 to 255, got "${value}"`);
  return n;
}

/** `flotilla app diff NAME`: what a sync would change, resource by resource; exits 1 when anything would. */
export function appDiffCommand(config: CliConfig): Command {
  return new Command('diff')
    .description('Perform a diff against the target and live state')
    .argument('<APPNAME>')
    .option('--refresh', 'Refresh application data when retrieving')
    .option('--hard-refresh', 'Refresh application data as well as target manifests cache')
    .option('--exit-code', 'Return non-zero exit code when there is a diff (default true)')
    .option('--no-exit-code', 'Return exit code 0 even when there is a diff')
    .option('--diff-exit-code <code>', 'Return specified exit code when there is a diff', exitCodeValue, 1)
    .action(async (arg: string, opts: DiffOptions, cmd: Command) =>
      withApi(cmd, config, async (api) => {
        const apps = new ApplicationsClient(api);
        const name = appNameOf(arg);
        // A refresh makes the controller compare again before the diff is read, as argocd's Get does.
        if (opts.refresh || opts.hardRefresh) await apps.get(name, opts.hardRefresh ? 'hard' : 'normal');
        const text = formatAppDiff(resourceDiffItems(await apps.managedResources(name)));
        process.stdout.write(text);
        if (text !== '' && opts.exitCode !== false) throw new CliError('', opts.diffExitCode);
      }),
    );
}
