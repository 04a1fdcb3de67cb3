import { Command } from 'commander';
import type { Application } from '@flotilla/api-types';
import type { CliConfig } from '../cli.config';
import type { ApiClient } from '../api/api.client';
import { withApi } from '../api/api.session';
import { nonNegativeInt, oneOf, repeatable } from '../command/option.parsers';
import { CliError } from '../output/cli.error';
import { appNameOf, ApplicationsClient, type SyncRequest } from './applications.client';
import { includeResource, parseResourceFilters, type ResourceFilter } from './app-resources.printer';
import { AppStatusWatcher } from './app-status.watcher';

interface SyncOptions {
  prune?: boolean;
  dryRun?: boolean;
  revision?: string;
  resource?: string[];
  selector?: string;
  project?: string[];
  async?: boolean;
  timeout: number;
  strategy?: 'apply' | 'hook';
  force?: boolean;
  serverSide?: boolean;
  replace?: boolean;
  applyOutOfSyncOnly?: boolean;
  output: string;
}

export function appSyncCommand(config: CliConfig): Command {
  return new Command('sync')
    .description('Sync an application to its target state')
    .argument('[APPNAME...]')
    .option('--prune', 'Allow deleting unexpected resources')
    .option('--dry-run', 'Preview apply without affecting cluster')
    .option('--revision <rev>', 'Sync to a specific revision. Preserves parameter overrides')
    .option('--resource <GROUP:KIND:NAME>', 'Sync only specific resources as GROUP:KIND:NAME or !GROUP:KIND:NAME (repeatable)', repeatable)
    .option('-l, --selector <selector>', 'Sync apps that match this label')
    .option('--project <project>', 'Sync apps that belong to the specified projects (repeatable)', repeatable)
    .option('--async', 'Do not wait for application to sync before continuing')
    .option('--timeout <seconds>', 'Time out after this many seconds (0: never)', nonNegativeInt, 0)
    .option('--strategy <strategy>', 'Sync strategy (one of: apply|hook)', oneOf('apply', 'hook'))
    .option('--force', 'Use a force apply')
    .option('--server-side', 'Use server-side apply while syncing the application')
    .option('--replace', 'Use a kubectl create/replace instead apply')
    .option('--apply-out-of-sync-only', 'Sync only out-of-sync resources')
    .option('-o, --output <format>', 'Output format. One of: json|yaml|wide', oneOf('wide', 'json', 'yaml'), 'wide')
    .action(async (names: string[], opts: SyncOptions, cmd: Command) => {
      if (names.length > 0 && opts.selector) throw new CliError('Cannot use selector option when application name(s) passed as argument(s)');
      if (names.length === 0 && !opts.selector && !opts.project?.length) {
        cmd.help({ error: true });
      }
      const filters = parseFilters(opts.resource ?? []);
      await withApi(cmd, config, async (api) => {
        for (const name of await selectApps(api, names, opts)) await syncOne(api, name, filters, opts);
      });
    });
}

function parseFilters(specs: string[]): ResourceFilter[] {
  try {
    return parseResourceFilters(specs);
  } catch (err) {
    throw new CliError((err as Error).message);
  }
}

async function selectApps(api: ApiClient, names: string[], opts: SyncOptions): Promise<string[]> {
  if (names.length > 0) return names.map(appNameOf);
  const apps = await new ApplicationsClient(api).list({ selector: opts.selector, projects: opts.project });
  const matching = apps.filter((a) => !opts.project?.length || opts.project.includes(a.spec.project || 'default'));
  if (matching.length === 0) {
    const filter = [opts.selector ? ` selector ${opts.selector}` : '', opts.project?.length ? ` projects [${opts.project.join(' ')}]` : ''].join('');
    throw new CliError(`No matching apps found for filter:${filter}`);
  }
  return matching.map((a) => a.metadata.name);
}

function syncOptionItems(opts: SyncOptions): string[] {
  const items: string[] = [];
  if (opts.replace) items.push('Replace=true');
  if (opts.serverSide) items.push('ServerSideApply=true');
  if (opts.applyOutOfSyncOnly) items.push('ApplyOutOfSyncOnly=true');
  return items;
}

async function syncOne(api: ApiClient, name: string, filters: ResourceFilter[], opts: SyncOptions): Promise<void> {
  const apps = new ApplicationsClient(api);
  const request: SyncRequest = { name, revision: opts.revision, prune: Boolean(opts.prune), dryRun: Boolean(opts.dryRun), strategy: opts.strategy, force: opts.force, syncOptions: syncOptionItems(opts) };
  if (filters.length > 0) {
    request.resources = selectResources(await apps.get(name), filters);
    if (request.resources.length === 0) throw new CliError(`No matching app resources found for resource filter: ${(opts.resource ?? []).join(', ')}`);
  }
  await apps.sync(request);
  if (opts.async) return;
  const { app, operationState } = await new AppStatusWatcher(apps).waitFor(name, {
    watch: { operation: true },
    timeoutSeconds: opts.timeout,
    selected: filters,
    output: opts.output,
    out: process.stdout,
  });
  if (opts.dryRun) return;
  if (operationState?.phase !== 'Succeeded') throw new CliError(`Operation has completed with phase: ${operationState?.phase ?? 'Unknown'}`);
  if (filters.length === 0 && app.status?.sync?.status !== 'Synced') {
    const pruningRequired = (operationState.syncResult?.resources ?? []).filter((r) => r.status === 'PruneSkipped' && !(r.message ?? '').includes('no prune')).length;
    if (pruningRequired > 0) throw new CliError(`${pruningRequired} resources require pruning`);
  }
}

function selectResources(app: Application, filters: ResourceFilter[]): NonNullable<SyncRequest['resources']> {
  return (app.status?.resources ?? [])
    .map((r) => ({ group: r.group ?? '', kind: r.kind, namespace: r.namespace ?? '', name: r.name }))
    .filter((r) => includeResource(r, filters));
}
