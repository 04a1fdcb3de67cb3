import { Command } from 'commander';
import type { CliConfig } from '../cli.config';
import { isNotFound } from '../api/api.client';
import { withApi } from '../api/api.session';
import { CliError } from '../output/cli.error';
import { askToProceedAll, stdoutIsTerminal } from '../terminal/prompt';
import { appNameOf, ApplicationsClient } from './applications.client';
import { qualifiedName } from './app-list.printer';

interface DeleteOptions {
  cascade?: boolean;
  propagationPolicy?: string;
  yes?: boolean;
  selector?: string;
  wait?: boolean;
}

export function appDeleteCommand(config: CliConfig): Command {
  return new Command('delete')
    .description('Delete an application')
    .argument('[APPNAME...]')
    .option('--cascade', 'Perform a cascaded deletion of all application resources (default true)')
    .option('--no-cascade', 'Delete the Application but leave its resources in the cluster')
    .option('-p, --propagation-policy <policy>', 'Specify propagation policy for deletion of application resources. One of: foreground|background')
    .option('-y, --yes', 'Turn off prompting to confirm cascaded deletion of application resources')
    .option('-l, --selector <selector>', 'Delete all apps with matching label')
    .option('--wait', 'Wait until deletion of the application(s) completes')
    .action(async (names: string[], opts: DeleteOptions, cmd: Command) => {
      if (names.length === 0 && !opts.selector) cmd.help({ error: true });
      await withApi(cmd, config, async (api) => {
        const apps = new ApplicationsClient(api);
        let targets = names;
        if (opts.selector) {
          const matching = await apps.list({ selector: opts.selector });
          if (matching.length === 0) throw new CliError(`no apps match selector ${opts.selector}`);
          targets = matching.map(qualifiedName);
        }
        // argocd prompts only for cascaded deletes, on a terminal, without --yes.
        const prompt = opts.cascade !== false && stdoutIsTerminal() && !opts.yes;
        let confirmAll = false;
        for (const target of targets) {
          if (prompt && !confirmAll) {
            const answer = await askToProceedAll(`Are you sure you want to delete '${target}' and all its resources?`, targets.length > 1);
            if (answer === 'all') confirmAll = true;
            if (answer === 'no') {
              process.stdout.write(`The command to delete '${target}' was cancelled.\n`);
              continue;
            }
          }
          const name = appNameOf(target);
          await apps.delete(name, { ...(opts.cascade !== undefined ? { cascade: opts.cascade } : {}), ...(opts.propagationPolicy ? { propagationPolicy: opts.propagationPolicy } : {}) });
          if (opts.wait) await waitGone(apps, name);
          process.stdout.write(`application '${target}' deleted\n`);
        }
      });
    });
}

async function waitGone(apps: ApplicationsClient, name: string): Promise<void> {
  for (;;) {
    try {
      await apps.get(name);
    } catch (err) {
      if (isNotFound(err)) return;
      throw err;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}
