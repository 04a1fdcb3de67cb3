import { Command } from 'commander';
import type { CliConfig } from '../cli.config';
import { withApi } from '../api/api.session';
import { logInfo } from '../output/log.printer';
import { appNameOf, ApplicationsClient } from './applications.client';
import { liveObjects, resourceRef, selectResources } from './managed-resources.selector';

interface DeleteResourceOptions {
  resourceName?: string;
  kind: string;
  group?: string;
  namespace?: string;
  force?: boolean;
  orphan?: boolean;
  all?: boolean;
  project?: string;
}

/** `flotilla app delete-resource APPNAME --kind K [--resource-name N]`: deletes live resources of the app. */
export function appDeleteResourceCommand(config: CliConfig): Command {
  return new Command('delete-resource')
    .description('Delete resource in an application')
    .argument('<APPNAME>')
    .option('--resource-name <name>', 'Name of resource')
    .requiredOption('--kind <kind>', 'Kind')
    .option('--group <group>', 'Group')
    .option('--namespace <ns>', 'Namespace')
    .option('--force', 'Indicates whether to force delete the resource')
    .option('--orphan', 'Indicates whether to orphan the dependents of the deleted resource')
    .option('--all', 'Indicates whether to patch multiple matching of resources')
    .option('--project <project>', 'The name of the application\'s project - specifying this allows the command to report "not found" instead of "permission denied" if the app does not exist')
    .action(async (arg: string, opts: DeleteResourceOptions, cmd: Command) =>
      withApi(cmd, config, async (api) => {
        const apps = new ApplicationsClient(api);
        const name = appNameOf(arg);
        // argocd's wording says "patch" here too.
        const objects = selectResources(liveObjects(await apps.managedResources(name)), opts, 'patch');
        for (const obj of objects) {
          await apps.deleteResource({ ...resourceRef(name, obj, opts.project), force: Boolean(opts.force), orphan: Boolean(opts.orphan) });
          logInfo(`Resource '${obj.metadata?.name ?? ''}' deleted`);
        }
      }),
    );
}
