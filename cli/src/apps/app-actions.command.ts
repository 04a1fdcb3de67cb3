// `flotilla app actions list|run`: the resource actions of an app's managed resources (restart a
// Deployment, create a Job from a CronJob, custom Lua actions from argocd-cm), as argocd has them.
import * as grpc from '@grpc/grpc-js';
import type { Application } from '@flotilla/api-types';
import { fromJsonObject } from '@flotilla/contracts';
import { Command } from 'commander';
import type { CliConfig } from '../cli.config';
import { ApiCallError, type ApiClient } from '../api/api.client';
import { withApi } from '../api/api.session';
import { oneOf } from '../command/option.parsers';
import { CliError } from '../output/cli.error';
import { formatObject } from '../output/object.printer';
import { formatTable } from '../output/tab-writer';
import { appNameOf } from './applications.client';
import { groupVersion, liveObjects, resourceRef, selectResources, type LiveObject } from './managed-resources.selector';

interface ActionsListOptions {
  resourceName?: string;
  kind?: string;
  group?: string;
  namespace?: string;
  out?: 'json' | 'yaml';
}

interface ActionsRunOptions {
  resourceName?: string;
  kind: string;
  group?: string;
  namespace?: string;
  all?: boolean;
}

/** One row of `actions list`, with argocd's field names (its struct has no JSON tags). */
interface DisplayedAction {
  Group: string;
  Kind: string;
  Name: string;
  Action: string;
  Disabled: boolean;
}

/** The live objects of the app's managed resources and the app itself, as argocd offers them actions. */
async function actionableResources(api: ApiClient, name: string): Promise<LiveObject[]> {
  const managed = await api.call(api.applications, 'ManagedResources', { applicationName: name });
  const app = fromJsonObject<Application>(await api.call(api.applications, 'Get', { name }), 'application');
  const self: LiveObject = {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name, namespace: app.metadata.namespace },
  };
  return [...liveObjects(fromJsonObject(managed, 'managed resources')), self];
}

export function formatActions(actions: readonly DisplayedAction[], out?: 'json' | 'yaml'): string {
  // argocd prints a nil list, as Go marshals it, when nothing offers an action.
  if (out) return actions.length ? formatObject(actions, out) : `null\n${out === 'yaml' ? '\n' : ''}`;
  const rows = [
    ['GROUP', 'KIND', 'NAME', 'ACTION', 'DISABLED'],
    ...actions.map((a) => [a.Group, a.Kind, a.Name, a.Action, String(a.Disabled)]),
  ];
  return formatTable(rows);
}

function actionsListCommand(config: CliConfig): Command {
  return new Command('list')
    .description('Lists available actions on a resource')
    .argument('<APPNAME>')
    .option('--resource-name <name>', 'Name of resource')
    .option('--kind <kind>', 'Kind')
    .option('--group <group>', 'Group')
    .option('--namespace <ns>', 'Namespace')
    .option('-o, --out <format>', 'Output format. One of: yaml, json', oneOf('json', 'yaml'))
    .action(async (arg: string, opts: ActionsListOptions, cmd: Command) =>
      withApi(cmd, config, async (api) => {
        const name = appNameOf(arg);
        const objects = selectResources(await actionableResources(api, name), { ...opts, kind: opts.kind ?? '', all: true }, 'patch');
        const actions: DisplayedAction[] = [];
        for (const obj of objects) {
          const ref = resourceRef(name, obj);
          const res = await api.call(api.applications, 'ListResourceActions', ref);
          for (const action of res.actions ?? [])
            actions.push({
              Group: ref.group,
              Kind: ref.kind,
              Name: ref.resourceName,
              Action: action.name ?? '',
              Disabled: !!action.disabled,
            });
        }
        process.stdout.write(formatActions(actions, opts.out));
      }),
    );
}

function actionsRunCommand(config: CliConfig): Command {
  return new Command('run')
    .description('Runs an available action on resource(s) matching the specified filters.')
    .argument('<APPNAME>')
    .argument('<ACTION>')
    .option('--resource-name <name>', 'Name of resource on which the action should be run')
    .option('--namespace <ns>', 'Namespace of the resource on which the action should be run')
    .requiredOption('--kind <kind>', 'Kind of the resource on which the action should be run')
    .option('--group <group>', 'Group of the resource on which the action should be run')
    .option('--all', 'Indicates whether to run the action on multiple matching resources')
    .action(async (arg: string, action: string, opts: ActionsRunOptions, cmd: Command) =>
      withApi(cmd, config, async (api) => {
        const name = appNameOf(arg);
        // argocd's refusal of several matches says "patch" for actions too.
        const objects = selectResources(await actionableResources(api, name), opts, 'patch');
        const groups = new Set(objects.map((obj) => groupVersion(obj.apiVersion).group));
        if (groups.size > 1) throw new CliError('Ambiguous resource group. Use flag --group to specify resource group explicitly.');
        for (const obj of objects) {
          const request = { ...resourceRef(name, obj), action };
          await api.call(api.applications, 'RunResourceActionV2', request).catch(async (err: unknown) => {
            // An api-server older than V2 still has the deprecated call.
            if (!(err instanceof ApiCallError) || err.code !== grpc.status.UNIMPLEMENTED) throw err;
            process.stdout.write('RunResourceActionV2 is not supported by the server, falling back to RunResourceAction.\n');
            await api.call(api.applications, 'RunResourceAction', request);
          });
        }
      }),
    );
}

/** `flotilla app actions`: Manage Resource actions. */
export function appActionsCommand(config: CliConfig): Command {
  return new Command('actions')
    .description('Manage Resource actions')
    .addCommand(actionsListCommand(config))
    .addCommand(actionsRunCommand(config));
}
