import * as grpc from '@grpc/grpc-js';
import { Command } from 'commander';
import type { CliConfig } from '../cli.config';
import { withApi } from '../api/api.session';
import { nonNegativeInt } from '../command/option.parsers';
import { CliError, describeError } from '../output/cli.error';
import { appNameOf } from './applications.client';

interface LogsOptions {
  group?: string;
  kind?: string;
  namespace?: string;
  name?: string;
  follow?: boolean;
  tail: number;
  sinceSeconds: number;
  untilTime?: string;
  filter?: string;
  container?: string;
  previous?: boolean;
  matchCase?: boolean;
}

interface LogEntry {
  content: string;
  last: boolean;
}

/** `flotilla app logs`, as argocd's: the content of each line of the selected pods, until the last entry. */
export function appLogsCommand(config: CliConfig): Command {
  return new Command('logs')
    .description('Get logs of application pods')
    .argument('[APPNAME]')
    .option('--group <group>', 'Resource group')
    .option('--kind <kind>', 'Resource kind')
    .option('--namespace <namespace>', 'Resource namespace')
    .option('--name <name>', 'Resource name')
    .option('-f, --follow', 'Specify if the logs should be streamed')
    .option('--tail <lines>', 'The number of lines from the end of the logs to show', nonNegativeInt, 0)
    .option('--since-seconds <seconds>', 'A relative time in seconds before the current time from which to show logs', nonNegativeInt, 0)
    .option('--until-time <time>', 'Show logs until this time')
    .option('--filter <text>', 'Show logs contain this string')
    .option('-c, --container <name>', 'Optional container name')
    .option('-p, --previous', 'Specify if the previously terminated container logs should be returned')
    .option('-m, --match-case', 'Specify if the filter should be case-sensitive')
    .action(async (app: string | undefined, opts: LogsOptions, cmd: Command) => {
      if (!app) cmd.help({ error: true });
      await withApi(cmd, config, async (api) => {
        const query = {
          name: appNameOf(app),
          group: opts.group,
          kind: opts.kind,
          namespace: opts.namespace,
          resourceName: opts.name,
          follow: Boolean(opts.follow),
          tailLines: String(opts.tail),
          sinceSeconds: String(opts.sinceSeconds),
          untilTime: opts.untilTime,
          filter: opts.filter,
          container: opts.container,
          previous: Boolean(opts.previous),
          matchCase: Boolean(opts.matchCase),
        };
        let sinceSeconds = query.sinceSeconds;
        // As argocd: a followed stream the server drops (Unavailable) is reopened from a second before.
        for (;;) {
          const outcome = await printLogs(() => api.applications.PodLogs({ ...query, sinceSeconds }));
          if (outcome === 'done') return;
          if (outcome.code === grpc.status.UNAVAILABLE && query.follow) {
            sinceSeconds = '1';
            continue;
          }
          throw new CliError(`stream read failed: ${describeError(outcome, api.target.server)}`);
        }
      });
    });
}

/** Prints each entry's content until the last one; resolves to 'done' or the error that ended the stream. */
function printLogs(open: () => grpc.ClientReadableStream<LogEntry>): Promise<'done' | grpc.ServiceError> {
  return new Promise((resolve) => {
    const stream = open();
    let settled = false;
    const settle = (v: 'done' | grpc.ServiceError): void => {
      if (settled) return;
      settled = true;
      resolve(v);
    };
    stream.on('data', (entry: LogEntry) => {
      if (settled) return;
      if (entry.last) {
        stream.cancel();
        return settle('done');
      }
      process.stdout.write(`${entry.content}\n`);
    });
    stream.on('error', (err: grpc.ServiceError) => settle(err));
    stream.on('end', () => settle('done'));
  });
}
