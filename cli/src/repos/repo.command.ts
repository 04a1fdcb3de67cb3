import type { Repository } from '@flotilla/api-types';
import { fromJsonObject, toJsonObject } from '@flotilla/contracts';
import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { withApi } from '../api/api.session';
import type { CliConfig } from '../cli.config';
import { oneOf } from '../command/option.parsers';
import { CliError } from '../output/cli.error';
import { formatObjectList, isObjectFormat } from '../output/object.printer';
import { formatTable } from '../output/tab-writer';
import { askToProceedAll } from '../terminal/prompt';

type RepoOutput = 'json' | 'yaml' | 'wide' | 'url';

/** The credential flags `repo add` and `repocreds add` share, as argocd names them. */
export interface CredentialOptions {
  username?: string;
  password?: string;
  sshPrivateKeyPath?: string;
  tlsClientCertPath?: string;
  tlsClientCertKeyPath?: string;
  type: 'git' | 'helm';
  enableOci?: boolean;
  proxy?: string;
  forceHttpBasicAuth?: boolean;
}

export const addCredentialOptions = (cmd: Command): Command =>
  cmd
    .option('--username <username>', 'username to the repository')
    .option('--password <password>', 'password to the repository')
    .option('--ssh-private-key-path <path>', 'path to the private ssh key (e.g. ~/.ssh/id_rsa)')
    .option('--tls-client-cert-path <path>', 'path to the TLS client cert (must be PEM format)')
    .option('--tls-client-cert-key-path <path>', 'path to the TLS client cert key (must be PEM format)')
    .option('--type <type>', 'type of the repository, "git" or "helm"', oneOf('git', 'helm'), 'git')
    .option('--enable-oci', 'Specifies whether helm-oci support should be enabled for this repo')
    .option('--proxy <url>', 'use proxy to access repository')
    .option('--force-http-basic-auth', 'whether to force use of basic auth when connecting repository via HTTP');

const readPath = (path: string, what: string): string => {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new CliError(`unable to read ${what} ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
};

/** The credential fields of a repository or template from the flags; files are read here, never sent as paths. */
export function credentialsFrom(opts: CredentialOptions): Partial<Repository> {
  if (opts.password && !opts.username) throw new CliError('--username is required when --password is given');
  if (opts.tlsClientCertPath && !opts.tlsClientCertKeyPath)
    throw new CliError('--tls-client-cert-key-path needs to be specified with --tls-client-cert-path');
  return {
    type: opts.type,
    ...(opts.username ? { username: opts.username } : {}),
    ...(opts.password ? { password: opts.password } : {}),
    ...(opts.sshPrivateKeyPath ? { sshPrivateKey: readPath(opts.sshPrivateKeyPath, 'SSH private key') } : {}),
    ...(opts.tlsClientCertPath ? { tlsClientCertData: readPath(opts.tlsClientCertPath, 'TLS client certificate') } : {}),
    ...(opts.tlsClientCertKeyPath ? { tlsClientCertKey: readPath(opts.tlsClientCertKeyPath, 'TLS client certificate key') } : {}),
    ...(opts.enableOci ? { enableOCI: true } : {}),
    ...(opts.proxy ? { proxy: opts.proxy } : {}),
    ...(opts.forceHttpBasicAuth ? { forceHttpBasicAuth: true } : {}),
  };
}

/** argocd repo list's table: TYPE NAME REPO INSECURE OCI LFS CREDS STATUS MESSAGE PROJECT. */
export function formatRepoTable(repos: readonly Repository[]): string {
  const rows = repos.map((r) => {
    const creds = r.inheritedCreds
      ? 'inherited'
      : String(!!(r.username || r.password || r.sshPrivateKey || r.tlsClientCertData || r.bearerToken));
    const state = (r as { connectionState?: { status?: string; message?: string } }).connectionState;
    return [
      r.type ?? 'git',
      r.name ?? '',
      r.repo,
      String(!!(r.insecure || r.insecureIgnoreHostKey)),
      String(!!r.enableOCI),
      'false',
      creds,
      state?.status ?? '',
      state?.message ?? '',
      r.project ?? '',
    ];
  });
  return formatTable([['TYPE', 'NAME', 'REPO', 'INSECURE', 'OCI', 'LFS', 'CREDS', 'STATUS', 'MESSAGE', 'PROJECT'], ...rows]);
}

const printRepos = (repos: Repository[], output: RepoOutput, single = false): string =>
  isObjectFormat(output)
    ? formatObjectList(repos, output, single)
    : output === 'url'
      ? repos.map((r) => `${r.repo}\n`).join('')
      : formatRepoTable(repos);

interface RepoAddOptions extends CredentialOptions {
  name?: string;
  project?: string;
  upsert?: boolean;
  insecureSkipServerVerification?: boolean;
}

/** `flotilla repo …`: git and Helm repositories, as argocd repo manages them. */
export function repoCommand(config: CliConfig): Command {
  const add = addCredentialOptions(
    new Command('add')
      .description('Add git or helm repository connection parameters')
      .argument('<REPOURL>')
      .option('--name <name>', 'name of the repository, mandatory for repositories of type helm')
      .option('--project <project>', 'project of the repository'),
  )
    .option('--insecure-skip-server-verification', 'disables server certificate and host key checks')
    .option('--upsert', 'Override an existing repository with the same name even if the spec differs')
    .action(async (url: string, opts: RepoAddOptions, cmd: Command) => {
      if (opts.type === 'helm' && !opts.name) throw new CliError("Must specify --name for repos of type 'helm'");
      const repo: Repository = {
        repo: url,
        ...credentialsFrom(opts),
        ...(opts.name ? { name: opts.name } : {}),
        ...(opts.project ? { project: opts.project } : {}),
        ...(opts.insecureSkipServerVerification ? { insecure: true, insecureIgnoreHostKey: true } : {}),
      };
      await withApi(cmd, config, async (api) => {
        const res = await api.call(api.repositories, 'Create', { repo: toJsonObject(repo), upsert: !!opts.upsert }, 120_000);
        process.stdout.write(`Repository '${fromJsonObject<Repository>(res, 'repo').repo}' added\n`);
      });
    });

  const list = new Command('list')
    .description('List configured repositories')
    .option('-o, --output <format>', 'Output format. One of: json|yaml|wide|url', oneOf<RepoOutput>('json', 'yaml', 'wide', 'url'), 'wide')
    .option('--project <project>', 'project of the repository')
    .action(async (opts: { output: RepoOutput; project?: string }, cmd: Command) =>
      withApi(cmd, config, async (api) => {
        const res = await api.call(api.repositories, 'List', { appProject: opts.project });
        process.stdout.write(
          printRepos(
            (res.items ?? []).map((i) => fromJsonObject<Repository>(i, 'items')),
            opts.output,
          ),
        );
      }),
    );

  const get = new Command('get')
    .description('Get a configured repository by URL')
    .argument('<REPO>')
    .option('-o, --output <format>', 'Output format. One of: json|yaml|wide|url', oneOf<RepoOutput>('json', 'yaml', 'wide', 'url'), 'wide')
    .option('--project <project>', 'project of the repository')
    .action(async (url: string, opts: { output: RepoOutput; project?: string }, cmd: Command) =>
      withApi(cmd, config, async (api) => {
        const repo = fromJsonObject<Repository>(await api.call(api.repositories, 'Get', { repo: url, appProject: opts.project }), 'repo');
        process.stdout.write(printRepos([repo], opts.output, true));
      }),
    );

  const rm = new Command('rm')
    .description('Remove configured repositories')
    .argument('<REPO...>')
    .option('-y, --yes', 'Turn off prompting to confirm remove of repository')
    .option('--project <project>', 'project of the repository')
    .action(async (urls: string[], opts: { yes?: boolean; project?: string }, cmd: Command) =>
      withApi(cmd, config, async (api) => {
        let confirmAll = Boolean(opts.yes);
        for (const url of urls) {
          if (!confirmAll) {
            const answer = await askToProceedAll(`Are you sure you want to delete '${url}'?`, urls.length > 1);
            if (answer === 'all') confirmAll = true;
            if (answer === 'no') {
              process.stdout.write(`The command to delete '${url}' was cancelled.\n`);
              continue;
            }
          }
          await api.call(api.repositories, 'Delete', { repo: url, appProject: opts.project });
          process.stdout.write(`Repository '${url}' removed\n`);
        }
      }),
    );

  return new Command('repo')
    .description('Manage repository connection parameters')
    .addCommand(add)
    .addCommand(list)
    .addCommand(get)
    .addCommand(rm);
}
