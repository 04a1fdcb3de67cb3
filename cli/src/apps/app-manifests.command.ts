import { Command, InvalidArgumentError } from 'commander';
import { stringify } from 'yaml';
import type { CliConfig } from '../cli.config';
import { withApi } from '../api/api.session';
import { repeatable } from '../command/option.parsers';
import { CliError } from '../output/cli.error';
import { appNameOf, ApplicationsClient } from './applications.client';
import { sourcePositionByName } from './app-source.builder';
import { AppSpecError } from './app-spec.builder';

interface ManifestsOptions {
  source: 'git' | 'live';
  revision?: string;
  revisions?: string[];
  sourcePositions?: number[];
  sourceNames?: string[];
}

function manifestSource(value: string): 'git' | 'live' {
  if (value !== 'git' && value !== 'live') throw new InvalidArgumentError(`Unknown source type '${value}' (one of: live|git)`);
  return value;
}

/** pflag's Int64Slice: comma-separated, repeatable. */
function positions(value: string, previous: number[] = []): number[] {
  return [
    ...previous,
    ...value.split(',').map((v) => {
      if (!/^-?\d+$/.test(v.trim())) throw new InvalidArgumentError(`expected whole numbers separated by commas, got "${value}"`);
      return Number(v);
    }),
  ];
}

/** The flag combinations argocd refuses before asking the server anything. */
function checkSourceFlags(opts: ManifestsOptions): void {
  const revisions = opts.revisions ?? [];
  if (opts.sourceNames?.length && opts.sourcePositions?.length) throw new CliError('Only one of source-positions and source-names can be specified.');
  if (opts.sourcePositions?.length && revisions.length !== opts.sourcePositions.length)
    throw new CliError('While using --revisions and --source-positions, length of values for both flags should be same.');
  if (opts.sourceNames?.length && revisions.length !== opts.sourceNames.length)
    throw new CliError('While using --revisions and --source-names, length of values for both flags should be same.');
  if (opts.sourcePositions?.some((p) => p <= 0)) throw new CliError('source-position cannot be less than or equal to 0, Counting starts at 1');
}

/** A state recorded as JSON text; empty or "null" means there is none (not in git, or not live yet). */
function objectOf(text: unknown): unknown {
  if (typeof text !== 'string' || text === '' || text === 'null') return null;
  return JSON.parse(text) as unknown;
}

/** The target (`targetState`) or live (`liveState`) object of every ManagedResources item. */
export function managedObjects(managed: Record<string, unknown>, field: 'targetState' | 'liveState'): unknown[] {
  const items = Array.isArray(managed.items) ? (managed.items as Record<string, unknown>[]) : [];
  return items.map((item) => objectOf(item[field]));
}

/** Each object after `---`, as YAML with sorted keys and a blank line after it, the way argocd prints them. */
export function formatManifests(objects: readonly unknown[]): string {
  return objects.map((obj) => `---\n${stringify(obj, { sortMapEntries: true })}\n`).join('');
}

/** `flotilla app manifests APPNAME [--source git|live] [--revision R] [--revisions R --source-positions N|--source-names NAME]…`. */
export function appManifestsCommand(config: CliConfig): Command {
  return new Command('manifests')
    .description('Print manifests of an application')
    .argument('<APPNAME>')
    .option('--source <source>', 'Source of manifests. One of: live|git', manifestSource, 'git')
    .option('--revision <revision>', 'Show manifests at a specific revision')
    .option('--revisions <revision>', 'Show manifests at specific revisions for the source at position in source-positions (repeatable)', repeatable)
    .option('--source-positions <n,…>', 'List of source positions. Default is empty array. Counting start at 1.', positions)
    .option('--source-names <name>', 'List of source names. Default is an empty array. (repeatable)', repeatable)
    .action(async (arg: string, opts: ManifestsOptions, cmd: Command) => {
      checkSourceFlags(opts);
      await withApi(cmd, config, async (api) => {
        const apps = new ApplicationsClient(api);
        const name = appNameOf(arg);
        let sourcePositions = opts.sourcePositions ?? [];
        if (opts.sourceNames?.length) {
          const app = await apps.get(name);
          try {
            sourcePositions = opts.sourceNames.map((n) => sourcePositionByName(app.spec, n));
          } catch (err) {
            if (err instanceof AppSpecError) throw new CliError(err.message);
            throw err;
          }
        }
        let objects: unknown[];
        if (opts.source === 'git' && ((opts.revisions?.length && sourcePositions.length) || opts.revision)) {
          // Rendered now by repo-server at those revisions.
          const rendered = await apps.manifests(name, { revision: opts.revision, revisions: opts.revisions, sourcePositions });
          objects = rendered.map((m) => objectOf(m));
        } else {
          // What the controller last compared: the target from git, or the live objects.
          objects = managedObjects(await apps.managedResources(name), opts.source === 'git' ? 'targetState' : 'liveState');
        }
        process.stdout.write(formatManifests(objects));
      });
    });
}
