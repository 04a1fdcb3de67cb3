import { Command } from 'commander';
import type { CliConfig } from '../cli.config';
import { withApi } from '../api/api.session';
import { logInfo } from '../output/log.printer';
import { appNameOf, ApplicationsClient } from './applications.client';
import { liveObjects, resourceRef, selectResources } from './managed-resources.selector';

interface PatchResourceOptions {
  patch: string;
  patchType: string;
  resourceName?: string;
  kind: string;
  group?: string;
  namespace?: string;
  all?: boolean;
  project?: string;
}

/** `flotilla app patch-resource APPNAME --kind K [--resource-name N] --patch '…'`: patches live resources of the app. */
export function appPatchResourceCommand(config: CliConfig): Command {
  return new Command('patch-resource')
    .description('Patch resource in an application')
    .argument('<APPNAME>')
    .requiredOption('--patch <patch>', 'Patch')
    .option(
      '--patch-type <type>',
      "Which Patching strategy to use: 'application/json-patch+json', 'application/merge-patch+json', or 'application/strategic-merge-patch+json'. Defaults to 'application/merge-patch+json'",
      'application/merge-patch+json',
    )
    .option('--resource-name <name>', 'Name of resource')
    .requiredOption('--kind <kind>', 'Kind')
    .option('--group <group>', 'Group')
    .option('--namespace <ns>', 'Namespace')
    .option('--all', 'Indicates whether to patch multiple matching of resources')
    .option('--project <project>', 'The name of the application\'s project - specifying this allows the command to report "not found" instead of "permission denied" if the app does not exist')
    .action(async (arg: string, opts: PatchResourceOptions, cmd: Command) =>
      withApi(cmd, config, async (api) => {
        const apps = new ApplicationsClient(api);
        const name = appNameOf(arg);
        const objects = selectResources(liveObjects(await apps.managedResources(name)), { ...opts, kind: opts.kind }, 'patch');
        for (const obj of objects) {
          await apps.patchResource({ ...resourceRef(name, obj, opts.project), patch: opts.patch, patchType: opts.patchType });
          logInfo(`Resource '${obj.metadata?.name ?? ''}' patched`);
        }
      }),
    );
}
