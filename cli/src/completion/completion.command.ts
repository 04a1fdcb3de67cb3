// `flotilla completion bash|zsh|fish`: a completion script for the shell, from the command tree itself.
import { Command } from 'commander';
import { CliError } from '../output/cli.error';
import { completionNodes } from './command-tree';
import { bashScript, fishScript, zshScript } from './completion.scripts';

const SCRIPTS = { bash: bashScript, zsh: zshScript, fish: fishScript };
type Shell = keyof typeof SCRIPTS;

export function completionCommand(): Command {
  return new Command('completion')
    .description('Output shell completion code for the specified shell (bash, zsh or fish)')
    .argument('<SHELL>', 'bash, zsh or fish')
    .addHelpText(
      'after',
      `
Examples:
  # bash, for this shell
  source <(flotilla completion bash)
  # zsh (after compinit)
  source <(flotilla completion zsh)
  # fish
  flotilla completion fish | source`,
    )
    .action((shell: string, _opts: unknown, cmd: Command) => {
      if (!Object.hasOwn(SCRIPTS, shell)) throw new CliError(`unsupported shell "${shell}": supported shells are bash, zsh and fish`);
      let program = cmd;
      while (program.parent) program = program.parent;
      process.stdout.write(SCRIPTS[shell as Shell](program.name(), completionNodes(program)));
    });
}
