import type { ApplicationSource } from '@flotilla/api-types';
import { Command } from 'commander';
import type { CliConfig } from '../cli.config';
import { withApi } from '../api/api.session';
import { CliError } from '../output/cli.error';
import { appNameOf, ApplicationsClient } from './applications.client';
import { applyParameterOverrides, applySourceFlags, type SourceFlags } from './app-source.builder';
import { AppSpecError } from './app-spec.builder';
import { addSourceOptions, readValuesLiteral } from './app-spec.options';

interface AddSourceOptions extends Omit<SourceFlags, 'valuesLiteral'> {
  repo?: string;
  path?: string;
  revision?: string;
  directoryRecurse?: boolean;
  valuesLiteralFile?: string;
  validate?: boolean;
}

/** The source the flags describe. */
async function sourceFrom(opts: AddSourceOptions): Promise<ApplicationSource> {
  const source: ApplicationSource = { repoURL: opts.repo ?? '' };
  if (opts.path !== undefined) source.path = opts.path;
  if (opts.revision !== undefined) source.targetRevision = opts.revision;
  if (opts.directoryRecurse !== undefined) source.directory = { recurse: opts.directoryRecurse };
  const valuesLiteral = opts.valuesLiteralFile !== undefined ? await readValuesLiteral(opts.valuesLiteralFile) : undefined;
  applySourceFlags(source, { ...opts, ...(valuesLiteral !== undefined ? { valuesLiteral } : {}) });
  applyParameterOverrides(source, opts.parameter ?? []);
  return source;
}

/**
 * `flotilla app add-source APPNAME --repo … --path …|--helm-chart …`: appends a source to
 * spec.sources; a single-source app becomes a multi-source one, its source first.
 */
export function appAddSourceCommand(config: CliConfig): Command {
  return addSourceOptions(new Command('add-source').description('Adds a source to the list of sources in the application').argument('<APPNAME>')).action(
    async (arg: string, opts: AddSourceOptions, cmd: Command) => {
      if (!opts.repo && !opts.path && !opts.helmChart && !opts.ref) throw new CliError('ApplicationSource needs at least repoUrl, path or chart or ref field. No source to add.');
      let source: ApplicationSource;
      try {
        source = await sourceFrom(opts);
      } catch (err) {
        if (err instanceof AppSpecError) throw new CliError(err.message);
        throw err;
      }
      await withApi(cmd, config, async (api) => {
        const apps = new ApplicationsClient(api);
        const app = await apps.get(appNameOf(arg));
        const { source: single, sources, ...rest } = structuredClone(app.spec);
        const existing = sources?.length ? sources : single ? [single] : [];
        await apps.updateSpec(app.metadata.name, { ...rest, sources: [...existing, source] }, opts.validate !== false);
        process.stdout.write(`Application '${app.metadata.name}' updated successfully\n`);
      });
    },
  );
}
