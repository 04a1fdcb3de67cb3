import { Command } from 'commander';
import type { CliConfig } from '../cli.config';
import { withApi } from '../api/api.session';
import { repeatable } from '../command/option.parsers';
import { CliError } from '../output/cli.error';
import { appNameOf, ApplicationsClient } from './applications.client';
import { chooseSourcePosition, sourceAt } from './app-source.builder';
import { unsetSource, type UnsetFlags } from './app-unset.builder';
import { AppSpecError } from './app-spec.builder';
import { wholeNumber } from './app-spec.options';

interface UnsetOptions extends UnsetFlags {
  sourcePosition: number;
  sourceName?: string;
}

/** `flotilla app unset APPNAME [flags]`: clears overrides on a source, as argocd's app unset. */
export function appUnsetCommand(config: CliConfig): Command {
  return new Command('unset')
    .description('Unset application parameters')
    .argument('<APPNAME>')
    .option('-p, --parameter <name>', 'Unset a parameter override (e.g. -p guestbook=image) (repeatable)', repeatable)
    .option('--values <file>', 'Unset one or more Helm values files (repeatable)', repeatable)
    .option('--values-literal', 'Unset literal Helm values block')
    .option('--ignore-missing-value-files', 'Unset the helm ignore-missing-value-files option (revert to false)')
    .option('--nameprefix', 'Kustomize nameprefix')
    .option('--namesuffix', 'Kustomize namesuffix')
    .option('--kustomize-version', 'Kustomize version')
    .option('--kustomize-namespace', 'Kustomize namespace')
    .option('--kustomize-image <name>', 'Kustomize images name (e.g. --kustomize-image node --kustomize-image mysql) (repeatable)', repeatable)
    .option('--kustomize-replica <name>', 'Kustomize replicas name (e.g. --kustomize-replica my-deployment) (repeatable)', repeatable)
    .option('--ignore-missing-components', 'Unset the kustomize ignore-missing-components option (revert to false)')
    .option('--plugin-env <name>', 'Unset plugin env variables (e.g --plugin-env name) (repeatable)', repeatable)
    .option('--pass-credentials', 'Unset passCredentials')
    .option('--ref', 'Unset ref on the source')
    .option('--source-position <n>', 'Position of the source from the list of sources of the app. Counting starts at 1.', wholeNumber, -1)
    .option('--source-name <name>', 'Name of the source from the list of sources of the app.')
    .action(async (arg: string, opts: UnsetOptions, cmd: Command) => {
      if (opts.sourceName && opts.sourcePosition !== -1) throw new CliError('Only one of source-position and source-name can be specified.');
      await withApi(cmd, config, async (api) => {
        const apps = new ApplicationsClient(api);
        const app = await apps.get(appNameOf(arg));
        const spec = structuredClone(app.spec);
        let source;
        try {
          source = sourceAt(spec, chooseSourcePosition(spec, opts));
        } catch (err) {
          if (err instanceof AppSpecError) throw new CliError(err.message);
          throw err;
        }
        if (!source) throw new CliError(`application ${app.metadata.name} has no source`);
        const { updated, nothingToUnset } = unsetSource(source, opts);
        if (nothingToUnset) cmd.help({ error: true });
        // As argocd: nothing that was set, nothing to send.
        if (!updated) return;
        // argocd sends validate=false here: clearing overrides needs no repository or cluster check.
        await apps.updateSpec(app.metadata.name, spec, false);
      });
    });
}
