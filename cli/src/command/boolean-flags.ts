import { Option, type Command } from 'commander';

// cobra's boolean flags take `--flag` and `--flag=false` (any of strconv.ParseBool's spellings, also
// `-y=false` on a shorthand); commander's take `--flag` and, only where declared, `--no-flag`. Each
// command gets both polarities of its boolean flags, the undeclared one hidden, and reads
// `--flag=value` as one of them, so every argocd spelling works on every boolean flag.

const TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

export function acceptCobraBooleans(cmd: Command): void {
  const flags = new Map<string, string>();
  for (const option of [...cmd.options]) {
    if (option.required || option.optional || !option.long) continue;
    const name = option.long.replace(/^--(no-)?/, '');
    const counterpart = option.negate ? `--${name}` : `--no-${name}`;
    // Declared after its partner, neither changes the default (`--no-x` alone defaults x to true).
    if (!cmd.options.some((o) => o.long === counterpart)) cmd.addOption(new Option(counterpart).hideHelp());
    flags.set(`--${name}`, name);
    if (option.short && !option.negate) flags.set(option.short, name);
  }
  if (flags.size === 0) return;
  const parseOptions = cmd.parseOptions.bind(cmd);
  cmd.parseOptions = (args: string[]) => parseOptions(spellForCommander(cmd, flags, args));
}

function spellForCommander(cmd: Command, flags: ReadonlyMap<string, string>, args: readonly string[]): string[] {
  const end = args.indexOf('--');
  const options = end === -1 ? args : args.slice(0, end);
  const rest = end === -1 ? [] : args.slice(end);
  return [
    ...options.map((arg) => {
      const m = /^(--?[^=]+)=(.*)$/s.exec(arg);
      const name = m && flags.get(m[1]);
      if (!m || !name) return arg;
      if (TRUE.has(m[2])) return `--${name}`;
      if (FALSE.has(m[2])) return `--no-${name}`;
      return cmd.error(`error: invalid argument "${m[2]}" for "${m[1]}" flag: strconv.ParseBool: parsing "${m[2]}": invalid syntax`);
    }),
    ...rest,
  ];
}
