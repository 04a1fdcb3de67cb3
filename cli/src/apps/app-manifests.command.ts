import { Command, InvalidArgumentError } from 'commander';
import { stringify } from 'yaml';
import type { CliConfig } from '../cli.config';
import { withApi } from '../api/api.session';
import { appNameOf, ApplicationsClient } from './applications.client';

interface ManifestsOptions {
  source: 'git' | 'live';
  revision?: string;
}

function manifestSource(value: string): 'git' | 'live' {
  if (value !== 'git' && value !== 'live') throw new InvalidArgumentError(`Unknown source type '${value}' (one of: live|git)`);
  return value;
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

/** `flotilla app manifests APPNAME [--source git|live] [--revision R]`. */
export function appManifestsCommand(config: CliConfig): Command {
  return new Command('manifests')
    .description('Print manifests of an application')
    .argument('<APPNAME>')
    .option('--source <source>', 'Source of manifests. One of: live|git', manifestSource, 'git')
    .option('--revision <revision>', 'Show manifests at a specific revision')
    .action(async (arg: string, opts: ManifestsOptions, cmd: Command) =>
      withApi(cmd, config, async (api) => {
        const apps = new ApplicationsClient(api);
        const name = appNameOf(arg);
        let objects: unknown[];
        if (opts.source === 'git' && opts.revision) {
          // Rendered now by repo-server at that revision.
          objects = (await apps.manifests(name, opts.revision)).map((m) => objectOf(m));
        } else {
          // What the controller last compared: the target from git, or the live objects.
          objects = managedObjects(await apps.managedResources(name), opts.source === 'git' ? 'targetState' : 'liveState');
        }
        process.stdout.write(formatManifests(objects));
      }),
    );
}
