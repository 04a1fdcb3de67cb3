import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import type { CliConfig } from '../cli.config';
import { isNotFound } from '../api/api.client';
import { withApi } from '../api/api.session';
import { repeatable } from '../command/option.parsers';
import { CliError } from '../output/cli.error';
import { ApplicationsClient } from './applications.client';
import { appChanged, AppSpecError, buildApplications, type AppFlags } from './app-spec.builder';

interface CreateOptions extends AppFlags {
  name?: string;
  file?: string;
  upsert?: boolean;
  validate: boolean;
  setFinalizer?: boolean;
}

export function appCreateCommand(config: CliConfig): Command {
  return new Command('create')
    .description('Create an application')
    .argument('[APPNAME]')
    .option('--name <name>', 'A name for the app, ignored if a file is set (DEPRECATED)')
    .option('-f, --file <file>', 'Filename of a manifest holding the Application(s)')
    .option('--upsert', 'Allows to override application with the same name even if supplied application spec is different from existing spec')
    .option('--no-validate', 'Skip validation of the repository and the destination cluster')
    .option('--repo <url>', 'Repository URL, ignored if a file is set')
    .option('--path <path>', 'Path in repository to the app directory, ignored if a file is set')
    .option('--revision <rev>', 'The tracking source branch, tag, commit the application will sync to')
    .option('--dest-server <url>', 'K8s cluster URL (e.g. https://kubernetes.default.svc)')
    .option('--dest-name <name>', 'K8s cluster Name (e.g. minikube)')
    .option('--dest-namespace <ns>', 'K8s target namespace')
    .option('--project <project>', 'Application project name')
    .option('--sync-policy <policy>', 'Set the sync policy (one of: manual (aliases of manual: none), automated (aliases of automated: auto, automatic))')
    .option('--sync-option <option>', 'Add or remove a sync option, e.g add `Prune=false`. Remove using `!` prefix (repeatable)', repeatable)
    .option('--auto-prune', 'Set automatic pruning for automated sync policy')
    .option('--no-auto-prune')
    .option('--self-heal', 'Set self healing for automated sync policy')
    .option('--no-self-heal')
    .option('--directory-recurse', 'Recurse directory')
    .option('-l, --label <k=v>', 'Labels to apply to the app (repeatable)', repeatable)
    .option('--annotations <k=v>', 'Set metadata annotations (repeatable)', repeatable)
    .option('--set-finalizer', 'Sets deletion finalizer on the application, application resources will be cascaded on deletion')
    .action(async (arg: string | undefined, opts: CreateOptions, cmd: Command) => {
      if (arg && opts.name && arg !== opts.name) throw new CliError(`--name argument '${opts.name}' does not match app name ${arg}`);
      const file = opts.file ? { text: readManifest(opts.file), source: opts.file } : undefined;
      let apps;
      try {
        apps = buildApplications({ name: arg ?? opts.name, file, flags: opts });
      } catch (err) {
        if (err instanceof AppSpecError) throw new CliError(err.message);
        throw err;
      }
      await withApi(cmd, config, async (api) => {
        const client = new ApplicationsClient(api);
        for (const app of apps) {
          if (opts.setFinalizer) app.metadata.finalizers = [...(app.metadata.finalizers ?? []), 'resources-finalizer.argocd.argoproj.io'];
          const existing = await client.get(app.metadata.name).catch((err: unknown) => {
            if (isNotFound(err)) return undefined;
            throw err;
          });
          const created = await client.create(app, Boolean(opts.upsert), opts.validate);
          const action = !existing ? 'created' : opts.upsert && appChanged(app, existing) ? 'updated' : 'unchanged';
          process.stdout.write(`application '${created.metadata.name}' ${action}\n`);
        }
      });
    });
}

function readManifest(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new CliError(`failed to read ${path}: ${(err as Error).message}`);
  }
}
