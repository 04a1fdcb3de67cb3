import { Command, InvalidArgumentError } from 'commander';
import type { CliConfig } from '../cli.config';
import { withApi } from '../api/api.session';
import { appNameOf, ApplicationsClient } from './applications.client';
import { formatAppResources, type ResourcesOutput, type TreeNode } from './app-resource-tree.printer';

interface ResourcesOptions {
  orphaned?: boolean;
  output: ResourcesOutput;
  project?: string;
}

function resourcesOutput(value: string): ResourcesOutput {
  if (value !== '' && value !== 'tree' && value !== 'tree=detailed') throw new InvalidArgumentError(`unknown output format: ${value} (one of: tree|tree=detailed)`);
  return value;
}

/** `flotilla app resources APPNAME [--orphaned] [--output tree|tree=detailed]`. */
export function appResourcesCommand(config: CliConfig): Command {
  return new Command('resources')
    .description('List resources of application')
    .argument('<APPNAME>')
    .option('--orphaned', 'Lists only orphaned resources')
    .option(
      '--output <format>',
      'Output format. One of: tree|tree=detailed. tree: shows resource hierarchy with parent-child relationships; tree=detailed: same as tree, with AGE, HEALTH and REASON columns',
      resourcesOutput,
      '',
    )
    .option('--project <project>', 'The name of the application\'s project - specifying this allows the command to report "not found" instead of "permission denied" if the app does not exist')
    .action(async (arg: string, opts: ResourcesOptions, cmd: Command) =>
      withApi(cmd, config, async (api) => {
        const tree = (await new ApplicationsClient(api).resourceTree(appNameOf(arg), opts.project)) as { nodes?: TreeNode[]; orphanedNodes?: TreeNode[] };
        process.stdout.write(formatAppResources(tree, { orphaned: opts.orphaned, output: opts.output }));
      }),
    );
}
