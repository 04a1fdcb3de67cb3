import { Command } from 'commander';
import type { OverrideOptions } from './resource-overrides-admin.service';

// `flotilla admin settings resource-overrides …`: try Lua health checks and actions on a resource file
// before they reach the cluster, as `argocd admin settings resource-overrides` does, with the scripts of
// an argocd-cm file (--argocd-cm-path) and of a script library in Argo CD's layout
// (--resource-customizations-dir, default FLOTILLA_RESOURCE_CUSTOMIZATIONS_DIR).

// The engine (and its Lua VM) loads only when one of these commands runs; require() as kube-client.loader explains.
/* eslint-disable-next-line @typescript-eslint/no-require-imports */
const service = (): typeof import('./resource-overrides-admin.service') => require('./resource-overrides-admin.service') as typeof import('./resource-overrides-admin.service');

function withSettingsOptions(cmd: Command): Command {
  return cmd
    .option('--argocd-cm-path <file>', 'path to a local argocd-cm.yaml file with resource.customizations keys')
    .option('--resource-customizations-dir <dir>', "a directory of scripts in Argo CD's resource_customizations layout (<group>/<kind>/health.lua, actions/...)", process.env.FLOTILLA_RESOURCE_CUSTOMIZATIONS_DIR);
}

/** `flotilla admin settings …`: argocd-cm settings tried locally. */
export function settingsAdminCommand(): Command {
  const health = withSettingsOptions(new Command('health'))
    .description('Assess the health of the resource in a file with the configured Lua checks and the built-in ones')
    .argument('<resource-yaml-path>')
    .action((path: string, opts: OverrideOptions) => void process.stdout.write(service().resourceHealth(path, opts)));
  const listActions = withSettingsOptions(new Command('list-actions'))
    .description('List the actions the configured discovery scripts offer for the resource in a file')
    .argument('<resource-yaml-path>')
    .action((path: string, opts: OverrideOptions) => void process.stdout.write(service().listActions(path, opts)));
  const runAction = withSettingsOptions(new Command('run-action'))
    .description('Run an action on the resource in a file and print what it changes')
    .argument('<resource-yaml-path>')
    .argument('<action>')
    .option('--param <name=value>', 'an action parameter (repeatable)', (v: string, all: string[]) => [...all, v], [] as string[])
    .action((path: string, action: string, opts: OverrideOptions & { param: string[] }) => void process.stdout.write(service().runAction(path, action, opts.param, opts)));
  return new Command('settings')
    .description('Provides set of commands for settings validation and troubleshooting')
    .addCommand(
      new Command('resource-overrides')
        .description('Troubleshoot resource overrides: Lua health checks and actions from an argocd-cm file or a script library')
        .addCommand(health)
        .addCommand(listActions)
        .addCommand(runAction),
    );
}
