// `flotilla gpg …` (argocd gpg): the GnuPG public keys commits of AppProjects with signatureKeys are
// verified against, kept in argocd-gpg-keys-cm.
import { readFileSync } from 'node:fs';
import type { GnuPGPublicKey } from '@flotilla/contracts';
import { Command } from 'commander';
import type { CliConfig } from '../cli.config';
import { withApi } from '../api/api.session';
import { oneOf } from '../command/option.parsers';
import { CliError } from '../output/cli.error';
import { formatObjectList, isObjectFormat } from '../output/object.printer';
import { formatTable, summaryLine } from '../output/tab-writer';

type KeyOutput = 'json' | 'yaml' | 'wide';

export function gpgCommand(config: CliConfig): Command {
  return new Command('gpg')
    .description('Manage GnuPG keys used for signature verification')
    .addCommand(
      new Command('list')
        .description('List configured GnuPG public keys')
        .option('-o, --output <format>', 'Output format. One of: json|yaml|wide', oneOf<KeyOutput>('json', 'yaml', 'wide'), 'wide')
        .action(async (opts: { output: KeyOutput }, cmd: Command) =>
          withApi(cmd, config, async (api) => {
            const keys = (await api.call(api.gpgKeys, 'List', {})).items ?? [];
            process.stdout.write(isObjectFormat(opts.output) ? formatObjectList(keys, opts.output) : formatKeyTable(keys));
          }),
        ),
    )
    .addCommand(
      new Command('get')
        .description('Get the GnuPG public key with the given key ID')
        .argument('<KEYID>')
        .option('-o, --output <format>', 'Output format. One of: json|yaml|wide', oneOf<KeyOutput>('json', 'yaml', 'wide'), 'wide')
        .action(async (keyID: string, opts: { output: KeyOutput }, cmd: Command) =>
          withApi(cmd, config, async (api) => {
            const key = await api.call(api.gpgKeys, 'Get', { keyID });
            process.stdout.write(isObjectFormat(opts.output) ? formatObjectList([key], opts.output, true) : formatKeyDetails(key));
          }),
        ),
    )
    .addCommand(
      new Command('add')
        .description('Adds one or more GnuPG public keys to the configuration')
        .requiredOption('-f, --from <file>', 'Path to the file that contains the GnuPG public key(s)')
        .option('--upsert', 'Replace keys that are configured already')
        .action(async (opts: { from: string; upsert?: boolean }, cmd: Command) =>
          withApi(cmd, config, async (api) => {
            let keyData: string;
            try {
              keyData = readFileSync(opts.from, 'utf8');
            } catch (err) {
              throw new CliError(`could not read ${opts.from}: ${(err as Error).message}`);
            }
            const res = await api.call(api.gpgKeys, 'Create', { publicKey: { keyData }, upsert: !!opts.upsert });
            const created = res.created?.items ?? [];
            process.stdout.write(`Created ${created.length} key(s) from input file\n`);
            if (res.skipped?.length)
              process.stdout.write(`${res.skipped.length} key(s) were skipped because they exist already: ${res.skipped.join(', ')}\n`);
          }),
        ),
    )
    .addCommand(
      new Command('rm')
        .description('Removes the GnuPG public key with the given key ID from the configuration')
        .argument('<KEYID>')
        .action(async (keyID: string, _opts: unknown, cmd: Command) =>
          withApi(cmd, config, async (api) => {
            await api.call(api.gpgKeys, 'Delete', { keyID });
            process.stdout.write(`Deleted key with key ID ${keyID}\n`);
          }),
        ),
    );
}

export const formatKeyTable = (keys: readonly GnuPGPublicKey[]): string =>
  formatTable([['KEYID', 'TYPE', 'IDENTITY'], ...keys.map((k) => [k.keyID ?? '', k.subType ?? '', k.owner ?? ''])]);

export const formatKeyDetails = (key: GnuPGPublicKey): string =>
  summaryLine('Type:', key.subType) +
  summaryLine('KeyID:', key.keyID) +
  summaryLine('Fingerprint:', key.fingerprint) +
  summaryLine('Identity:', key.owner) +
  summaryLine('Trust:', key.trust) +
  `Key Data:\n${key.keyData ?? ''}`;
