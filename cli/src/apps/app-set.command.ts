import { Command } from 'commander';
import type { CliConfig } from '../cli.config';
import { withApi } from '../api/api.session';
import { CliError } from '../output/cli.error';
import { formatLogLine } from '../output/log.printer';
import { appNameOf, ApplicationsClient } from './applications.client';
import { chooseSourcePosition, setAppSpec, type AppSetFlags } from './app-source.builder';
import { AppSpecError } from './app-spec.builder';
import { addSourceOptions, addSpecOptions, givenOptionCount, readValuesLiteral, wholeNumber } from './app-spec.options';

interface SetOptions extends Omit<AppSetFlags, 'valuesLiteral'> {
  valuesLiteralFile?: string;
  sourcePosition: number;
  validate?: boolean;
}

/** `flotilla app set APPNAME [flags]`: changes the spec through UpdateSpec, as argocd's app set. */
export function appSetCommand(config: CliConfig): Command {
  const cmd = new Command('set').description('Set application parameters').argument('<APPNAME>');
  addSpecOptions(addSourceOptions(cmd)).option('--source-position <n>', 'Position of the source from the list of sources of the app. Counting starts at 1.', wholeNumber, -1);
  return cmd.action(async (arg: string, opts: SetOptions, command: Command) => {
    if (givenOptionCount(command) === 0) {
      process.stderr.write(formatLogLine('ERRO', 'Please set at least one option to update'));
      command.help({ error: true });
    }
    const flags: AppSetFlags = { ...opts, ...(opts.valuesLiteralFile !== undefined ? { valuesLiteral: await readValuesLiteral(opts.valuesLiteralFile) } : {}) };
    await withApi(command, config, async (api) => {
      const apps = new ApplicationsClient(api);
      const app = await apps.get(appNameOf(arg));
      try {
        const position = chooseSourcePosition(app.spec, opts);
        await apps.updateSpec(app.metadata.name, setAppSpec(app, flags, position), opts.validate !== false);
      } catch (err) {
        if (err instanceof AppSpecError) throw new CliError(err.message);
        throw err;
      }
    });
  });
}
