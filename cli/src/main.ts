import { Command, CommanderError } from 'commander';
import { loadCliConfig, type CliConfig } from './cli.config';
import { acceptCobraBooleans } from './command/boolean-flags';
import { flotillaProgram } from './flotilla.program';
import { CliError, describeError } from './output/cli.error';
import { formatLogLine } from './output/log.printer';
import { exitAfterOutput, exitQuietlyWhenReaderCloses } from './output/output.drain';

/** Runs `flotilla` with process.argv; failures print `FATA[…] message` and exit non-zero, like argocd. */
export async function main(argv: string[]): Promise<void> {
  exitQuietlyWhenReaderCloses();
  let code = 0;
  try {
    await flotillaCli(loadCliConfig()).parseAsync(argv);
  } catch (err) {
    code = exitCodeFor(err);
  }
  // Open gRPC channels or a paused stdin must not keep a finished command alive; its output must reach the reader.
  await exitAfterOutput(code);
}

/** The command tree as `flotilla` runs it: errors thrown rather than exiting, argocd's boolean spellings. */
export function flotillaCli(config: CliConfig): Command {
  const program = flotillaProgram(config);
  applyToTree(program, (cmd) => {
    cmd.exitOverride().showHelpAfterError();
    acceptCobraBooleans(cmd);
  });
  return program;
}

function exitCodeFor(err: unknown): number {
  // Commander has printed usage errors and help itself.
  if (err instanceof CommanderError) return err.exitCode;
  // An empty CliError means the command already said what went wrong.
  if (err instanceof CliError && err.message === '') return err.exitCode;
  process.stderr.write(formatLogLine('FATA', describeError(err)));
  return err instanceof CliError ? err.exitCode : 1;
}

// addCommand() does not pass settings down, so they are applied to every command in the tree.
function applyToTree(cmd: Command, apply: (c: Command) => void): void {
  apply(cmd);
  for (const sub of cmd.commands) applyToTree(sub, apply);
}
