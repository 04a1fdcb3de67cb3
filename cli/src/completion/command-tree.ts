// The command tree as shell completion needs it: every command's path, its subcommands (with
// aliases), and the flags it accepts, its parents' included, as commander passes them down.
import type { Command, Option } from 'commander';

export interface CompletionFlag {
  /** `--server`, or `-o` for a shorthand. */
  name: string;
  description: string;
  /** Whether the next word is the flag's value (`--server host`). */
  takesValue: boolean;
}

export interface CompletionNode {
  /** Command names from the program down, e.g. ['flotilla', 'app', 'set']. */
  path: string[];
  description: string;
  subcommands: { name: string; aliases: string[]; description: string }[];
  /** Long flags, the command's own and its parents', plus --help. */
  flags: CompletionFlag[];
  /** Every spelling (long and short) that takes a value, so a walker can skip the value word. */
  valueFlags: string[];
}

const visible = (o: Option): boolean => !o.hidden;
const takesValue = (o: Option): boolean => o.required || o.optional;

/** Every command of the tree, the program first, parents before children. */
export function completionNodes(program: Command): CompletionNode[] {
  const nodes: CompletionNode[] = [];
  const walk = (cmd: Command, path: string[], inherited: readonly Option[]): void => {
    const options = [...inherited, ...cmd.options.filter(visible)];
    const flags: CompletionFlag[] = options
      .filter((o) => o.long)
      .map((o) => ({ name: o.long!, description: o.description, takesValue: takesValue(o) }));
    flags.push({ name: '--help', description: 'display help for command', takesValue: false });
    nodes.push({
      path,
      description: cmd.description(),
      subcommands: cmd.commands.map((c) => ({ name: c.name(), aliases: c.aliases(), description: c.description() })),
      flags,
      valueFlags: [...new Set(options.filter(takesValue).flatMap((o) => [o.long, o.short].filter((f): f is string => !!f)))],
    });
    for (const sub of cmd.commands) walk(sub, [...path, sub.name()], options);
  };
  walk(program, [program.name()], []);
  return nodes;
}
