import { Command } from 'commander';
import { stringify } from 'yaml';
import type { CliConfig } from '../cli.config';
import { withApi } from '../api/api.session';
import { appNameOf, ApplicationsClient } from './applications.client';

interface PatchOptions {
  patch: string;
  type: string;
}

/** `flotilla app patch APPNAME --patch '…' [--type json|merge]`: prints the patched Application as YAML, as argocd does. */
export function appPatchCommand(config: CliConfig): Command {
  return new Command('patch')
    .description('Patch application')
    .argument('<APPNAME>')
    .option('--patch <patch>', 'Patch body', '')
    .option('--type <type>', 'The type of patch being provided; one of [json merge]', 'json')
    .action(async (arg: string, opts: PatchOptions, cmd: Command) =>
      withApi(cmd, config, async (api) => {
        const patched = await new ApplicationsClient(api).patch(appNameOf(arg), opts.patch, opts.type);
        // argocd marshals through JSON, so keys come sorted; Println adds a blank line.
        process.stdout.write(`${stringify(patched, { sortMapEntries: true })}\n`);
      }),
    );
}
