import { Command } from 'commander';
import type { CliConfig } from '../cli.config';
import { withApi } from '../api/api.session';
import { oneOf, repeatable } from '../command/option.parsers';
import { formatObjectList, isObjectFormat } from '../output/object.printer';
import { ApplicationsClient } from './applications.client';
import { destinationServer, formatAppNames, formatAppTable, primarySource } from './app-list.printer';

/** Apps per List call: a fleet of 10,000 comes in 20 messages rather than one of several MB. */
const LIST_PAGE_SIZE = 500;

interface ListOptions {
  output: 'wide' | 'name' | 'json' | 'yaml';
  selector?: string;
  project?: string[];
  repo?: string;
  cluster?: string;
  path?: string;
}

export function appListCommand(config: CliConfig): Command {
  return new Command('list')
    .description('List applications')
    .option('-o, --output <format>', 'Output format. One of: wide|name|json|yaml', oneOf('wide', 'name', 'json', 'yaml'), 'wide')
    .option('-l, --selector <selector>', 'List apps by label (=, ==, !=, in, notin, exists)')
    .option('-p, --project <project>', 'Filter by project name (repeatable)', repeatable)
    .option('-r, --repo <url>', 'List apps by source repo URL')
    .option('-c, --cluster <cluster>', 'List apps by cluster name or url')
    .option('-P, --path <path>', 'List apps by path')
    .action(async (opts: ListOptions, cmd: Command) =>
      withApi(cmd, config, async (api) => {
        let apps = await new ApplicationsClient(api).listInPages({ selector: opts.selector, projects: opts.project }, LIST_PAGE_SIZE);
        // argocd filters these client-side too, so older servers that ignore the query still agree.
        if (opts.project?.length) apps = apps.filter((a) => opts.project!.includes(a.spec.project || 'default'));
        if (opts.repo) apps = apps.filter((a) => primarySource(a).repoURL === opts.repo);
        if (opts.cluster) apps = apps.filter((a) => a.spec.destination?.server === opts.cluster || a.spec.destination?.name === opts.cluster || destinationServer(a) === opts.cluster);
        if (opts.path) apps = apps.filter((a) => primarySource(a).path === opts.path);
        const out = isObjectFormat(opts.output) ? formatObjectList(apps, opts.output) : opts.output === 'name' ? formatAppNames(apps) : formatAppTable(apps, true);
        process.stdout.write(out);
      }),
    );
}
