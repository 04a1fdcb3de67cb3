import { Command } from 'commander';
import type { ApplicationSet } from '@flotilla/api-types';
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import type { CliConfig } from '../cli.config';
import { isNotFound } from '../api/api.client';
import { withApi } from '../api/api.session';
import { oneOf, repeatable } from '../command/option.parsers';
import { CliError } from '../output/cli.error';
import { formatObject, formatObjectList, isObjectFormat } from '../output/object.printer';
import { askToProceedAll, stdoutIsTerminal } from '../terminal/prompt';
import { formatAppSetNames, formatAppSetSummary, formatAppSetTable, formatGeneratedApps } from './appset.printer';
import { AppSetsClient } from './appsets.client';

const nameOf = (arg: string): string => arg.slice(arg.lastIndexOf('/') + 1);

/** `flotilla appset …`: ApplicationSets. */
export function appSetCommand(config: CliConfig): Command {
  return new Command('appset')
    .alias('appsets')
    .description('Manage ApplicationSets')
    .addCommand(appSetCreateCommand(config))
    .addCommand(appSetListCommand(config))
    .addCommand(appSetGetCommand(config))
    .addCommand(appSetGenerateCommand(config))
    .addCommand(appSetDeleteCommand(config));
}

/** ApplicationSets in a manifest file (one or more YAML/JSON documents); `unnamed` words the error for one without a name. */
export function readAppSets(
  path: string,
  unnamed = (_set: ApplicationSet) => `Error creating ApplicationSet in ${path}: ApplicationSet does not have Name field set`,
): ApplicationSet[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new CliError(`failed to read ${path}: ${(err as Error).message}`);
  }
  const sets: ApplicationSet[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) throw new CliError(`${path}: ${doc.errors[0].message}`);
    const value = doc.toJS() as ApplicationSet | null;
    if (!value) continue;
    if (value.kind !== 'ApplicationSet') throw new CliError(`${path}: expected an ApplicationSet manifest, got kind ${String(value.kind)}`);
    if (!value.metadata?.name) throw new CliError(unnamed(value));
    sets.push(value);
  }
  if (sets.length === 0) throw new CliError('No ApplicationSets found while parsing the input file');
  return sets;
}

function appSetCreateCommand(config: CliConfig): Command {
  return new Command('create')
    .description('Create one or more ApplicationSets')
    .argument('<FILE...>')
    .option('--upsert', 'Allows to override ApplicationSet with the same name even if supplied ApplicationSet spec is different from existing spec')
    .option('--dry-run', 'Evaluate the ApplicationSet on the server without creating it')
    .option('-o, --output <format>', 'Output format. One of: json|yaml|wide', oneOf('wide', 'json', 'yaml'), 'wide')
    .action(async (files: string[], opts: { upsert?: boolean; dryRun?: boolean; output: string }, cmd: Command) => {
      const sets = files.flatMap((file) => readAppSets(file));
      await withApi(cmd, config, async (api) => {
        const client = new AppSetsClient(api);
        for (const set of sets) {
          const existing = await client.get(set.metadata.name).catch((err: unknown) => {
            if (isNotFound(err)) return undefined;
            throw err;
          });
          const created = await client.create(set, { upsert: Boolean(opts.upsert), dryRun: Boolean(opts.dryRun) });
          const action = !existing ? 'created' : opts.upsert && JSON.stringify(existing.spec) !== JSON.stringify(created.spec) ? 'updated' : 'unchanged';
          process.stderr.write(`ApplicationSet '${created.metadata.name}' ${action}${opts.dryRun ? ' (dry-run)' : ''}\n`);
          process.stdout.write(isObjectFormat(opts.output) ? formatObject(created, opts.output) : formatAppSetSummary(created));
        }
      });
    });
}

function appSetListCommand(config: CliConfig): Command {
  return new Command('list')
    .description('List ApplicationSets')
    .option('-o, --output <format>', 'Output format. One of: wide|name|json|yaml', oneOf('wide', 'name', 'json', 'yaml'), 'wide')
    .option('-l, --selector <selector>', 'List applicationsets by label')
    .option('-p, --project <project>', 'Filter by project name (repeatable)', repeatable)
    .action(async (opts: { output: string; selector?: string; project?: string[] }, cmd: Command) =>
      withApi(cmd, config, async (api) => {
        const sets = await new AppSetsClient(api).list({ selector: opts.selector, projects: opts.project });
        const out = isObjectFormat(opts.output) ? formatObjectList(sets, opts.output) : opts.output === 'name' ? formatAppSetNames(sets) : formatAppSetTable(sets);
        process.stdout.write(out);
      }),
    );
}

function appSetGetCommand(config: CliConfig): Command {
  return new Command('get')
    .description('Get ApplicationSet details')
    .argument('<APPSETNAME>')
    .option('-o, --output <format>', 'Output format. One of: json|yaml|wide', oneOf('wide', 'json', 'yaml'), 'wide')
    .action(async (name: string, opts: { output: string }, cmd: Command) =>
      withApi(cmd, config, async (api) => {
        const set = await new AppSetsClient(api).get(nameOf(name));
        process.stdout.write(isObjectFormat(opts.output) ? formatObject(set, opts.output) : formatAppSetSummary(set));
      }),
    );
}

function appSetGenerateCommand(config: CliConfig): Command {
  return new Command('generate')
    .description('Generate apps of ApplicationSet rendered templates')
    .argument('<FILE>')
    .option('-o, --output <format>', 'Output format. One of: json|yaml|wide', oneOf('wide', 'json', 'yaml'), 'wide')
    .option(
      '-N, --appset-namespace <namespace>',
      'Namespace used for generating Applications (ignored when provided YAML file has namespace set in metadata)',
    )
    .action(async (file: string, opts: { output: string; appsetNamespace?: string }, cmd: Command) => {
      const sets = readAppSets(file, () => `Error generating apps for ApplicationSet in ${file}. ApplicationSet does not have Name field set`);
      if (sets.length !== 1) throw new CliError('Input file must contain one ApplicationSet');
      const [set] = sets;
      if (!set.metadata.namespace && opts.appsetNamespace) {
        process.stderr.write(`ApplicationSet YAML file does not have namespace; using --appset-namespace="${opts.appsetNamespace}".\n`);
        set.metadata.namespace = opts.appsetNamespace;
      }
      await withApi(cmd, config, async (api) => {
        process.stdout.write(formatGeneratedApps(await new AppSetsClient(api).generate(set), opts.output));
      });
    });
}

function appSetDeleteCommand(config: CliConfig): Command {
  return new Command('delete')
    .description('Delete one or more ApplicationSets')
    .argument('<APPSETNAME...>')
    .option('-y, --yes', 'Turn off prompting to confirm cascaded deletion of Application resources')
    .action(async (names: string[], opts: { yes?: boolean }, cmd: Command) =>
      withApi(cmd, config, async (api) => {
        const client = new AppSetsClient(api);
        let confirmAll = !stdoutIsTerminal() || Boolean(opts.yes);
        for (const name of names) {
          if (!confirmAll) {
            const answer = await askToProceedAll(`Are you sure you want to delete '${name}' and all its Applications?`, names.length > 1);
            if (answer === 'all') confirmAll = true;
            if (answer === 'no') {
              process.stdout.write(`The command to delete '${name}' was cancelled.\n`);
              continue;
            }
          }
          await client.delete(nameOf(name));
          process.stdout.write(`applicationset '${name}' deleted\n`);
        }
      }),
    );
}
