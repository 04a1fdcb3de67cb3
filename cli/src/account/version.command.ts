import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CliConfig } from '../cli.config';
import { withApi } from '../api/api.session';
import { oneOf } from '../command/option.parsers';
import { formatObject, isObjectFormat } from '../output/object.printer';

interface ClientVersion {
  Version: string;
  NodeVersion: string;
  Platform: string;
}

/** Flotilla's version is the workspace's (root package.json), as the api-server reports it too. */
export function clientVersion(): ClientVersion {
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as { version: string };
  return { Version: `v${pkg.version}`, NodeVersion: process.version, Platform: `${process.platform}/${process.arch}` };
}

const SERVER_FIELDS: [string, string][] = [
  ['BuildDate', 'BuildDate'],
  ['GitCommit', 'GitCommit'],
  ['GitTag', 'GitTag'],
  ['GitTreeState', 'GitTreeState'],
  ['GoVersion', 'GoVersion'],
  ['Compiler', 'Compiler'],
  ['Platform', 'Platform'],
  ['KustomizeVersion', 'Kustomize Version'],
  ['HelmVersion', 'Helm Version'],
  ['KubectlVersion', 'Kubectl Version'],
  ['JsonnetVersion', 'Jsonnet Version'],
  ['ExtraBuildInfo', 'ExtraBuildInfo'],
];

export function formatVersions(client: ClientVersion, server: Record<string, string> | undefined, short: boolean): string {
  let out = `flotilla: ${client.Version}\n`;
  if (!short) out += `  NodeVersion: ${client.NodeVersion}\n  Platform: ${client.Platform}\n`;
  if (!server) return out;
  out += `flotilla-server: ${server.Version ?? ''}\n`;
  if (short) return out;
  for (const [key, label] of SERVER_FIELDS) if (server[key]) out += `  ${label}: ${server[key]}\n`;
  return out;
}

export function versionCommand(config: CliConfig): Command {
  return new Command('version')
    .description('Print version information')
    .option('--client', 'client version only (no server required)')
    .option('--short', 'print just the version number')
    .option('-o, --output <format>', 'Output format. One of: json|yaml|wide|short', oneOf('json', 'yaml', 'wide', 'short'), 'wide')
    .action(async (opts: { client?: boolean; short?: boolean; output: string }, cmd: Command) => {
      const client = clientVersion();
      const server = opts.client ? undefined : await withApi(cmd, config, async (api) => (await api.call(api.version, 'Version', {})) as unknown as Record<string, string>);
      const short = Boolean(opts.short) || opts.output === 'short';
      if (isObjectFormat(opts.output)) {
        const doc: Record<string, unknown> = { client: short ? { flotilla: client.Version } : client };
        if (server) doc.server = short ? { 'flotilla-server': server.Version } : server;
        process.stdout.write(formatObject(doc, opts.output));
        return;
      }
      process.stdout.write(formatVersions(client, server, short));
    });
}
