import type { Repository } from '@flotilla/api-types';
import { fromJsonObject, toJsonObject } from '@flotilla/contracts';
import { Command } from 'commander';
import { withApi } from '../api/api.session';
import type { CliConfig } from '../cli.config';
import { oneOf } from '../command/option.parsers';
import { formatObjectList, isObjectFormat } from '../output/object.printer';
import { formatTable } from '../output/tab-writer';
import { askToProceedAll } from '../terminal/prompt';
import { addCredentialOptions, CredentialOptions, credentialsFrom } from './repo.command';

type RepoCreds = Omit<Repository, 'repo'> & { url: string };
type CredsOutput = 'json' | 'yaml' | 'wide' | 'url';

/** argocd repocreds list's table: URL PATTERN USERNAME SSH_CREDS TLS_CREDS, `-` for no username. */
export function formatRepoCredsTable(creds: readonly RepoCreds[]): string {
  const rows = creds.map((c) => [c.url, c.username || '-', String(!!c.sshPrivateKey), String(!!c.tlsClientCertData)]);
  return formatTable([['URL PATTERN', 'USERNAME', 'SSH_CREDS', 'TLS_CREDS'], ...rows]);
}

/** `flotilla repocreds …`: credential templates every repository under a URL prefix inherits. */
export function repoCredsCommand(config: CliConfig): Command {
  const add = addCredentialOptions(new Command('add').description('Add git repository connection parameters').argument('<REPOURL>'))
    .option('--upsert', 'Override an existing repository with the same name even if the spec differs')
    .action(async (url: string, opts: CredentialOptions & { upsert?: boolean }, cmd: Command) => {
      const creds = { ...credentialsFrom(opts), url };
      await withApi(cmd, config, async (api) => {
        const res = await api.call(api.repoCreds, 'CreateRepositoryCredentials', { creds: toJsonObject(creds), upsert: !!opts.upsert });
        process.stdout.write(`Repository credentials for '${fromJsonObject<RepoCreds>(res, 'creds').url}' added\n`);
      });
    });

  const list = new Command('list')
    .description('List configured repository credentials')
    .option('-o, --output <format>', 'Output format. One of: json|yaml|wide|url', oneOf<CredsOutput>('json', 'yaml', 'wide', 'url'), 'wide')
    .action(async (opts: { output: CredsOutput }, cmd: Command) =>
      withApi(cmd, config, async (api) => {
        const res = await api.call(api.repoCreds, 'ListRepositoryCredentials', {});
        const creds = (res.items ?? []).map((i) => fromJsonObject<RepoCreds>(i, 'items'));
        const out = isObjectFormat(opts.output)
          ? formatObjectList(creds, opts.output)
          : opts.output === 'url'
            ? creds.map((c) => `${c.url}\n`).join('')
            : formatRepoCredsTable(creds);
        process.stdout.write(out);
      }),
    );

  const rm = new Command('rm')
    .description('Remove repository credentials')
    .argument('<CREDSURL...>')
    .option('-y, --yes', 'Turn off prompting to confirm remove of repository credentials')
    .action(async (urls: string[], opts: { yes?: boolean }, cmd: Command) =>
      withApi(cmd, config, async (api) => {
        let confirmAll = Boolean(opts.yes);
        for (const url of urls) {
          if (!confirmAll) {
            const answer = await askToProceedAll(`Are you sure you want to remove '${url}'?`, urls.length > 1);
            if (answer === 'all') confirmAll = true;
            if (answer === 'no') {
              process.stdout.write(`The command to remove '${url}' was cancelled.\n`);
              continue;
            }
          }
          await api.call(api.repoCreds, 'DeleteRepositoryCredentials', { url });
          process.stdout.write(`Repository credentials for '${url}' removed\n`);
        }
      }),
    );

  return new Command('repocreds')
    .description('Manage credential templates for repositories')
    .addCommand(add)
    .addCommand(list)
    .addCommand(rm);
}
