// Completion scripts for bash, zsh and fish, written out from the command tree. Each script walks
// the words typed so far from the program down the subcommands (skipping flags and their values),
// then offers the subcommands of where it stands, or its flags once the word starts with '-'.
import type { CompletionNode } from './command-tree';

/** A word in single quotes, for sh-like shells and fish alike (fish also escapes backslashes). */
const sq = (word: string): string => `'${word.replace(/'/g, `'\\''`)}'`;
const fishQuote = (word: string): string => `'${word.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

const key = (node: CompletionNode): string => node.path.join(' ');
const subNames = (node: CompletionNode): string[] => node.subcommands.flatMap((s) => [s.name, ...s.aliases]);
const aliasPairs = (node: CompletionNode): string[] => node.subcommands.flatMap((s) => s.aliases.map((a) => `${a}=${s.name}`));

/** The shared data function of bash and zsh: sets subs, alts (alias=name pairs), flags and valued for a command path. */
function shWords(program: string, nodes: readonly CompletionNode[]): string {
  const cases = nodes.map(
    (n) =>
      `    ${sq(key(n))})\n` +
      `      subs=${sq(subNames(n).join(' '))}\n` +
      `      alts=${sq(aliasPairs(n).join(' '))}\n` +
      `      flags=${sq(n.flags.map((f) => f.name).join(' '))}\n` +
      `      valued=${sq(n.valueFlags.join(' '))}\n` +
      `      ;;`,
  );
  return [`__${program}_words() {`, `  subs='' alts='' flags='' valued=''`, `  case "$1" in`, ...cases, `  esac`, `}`].join('\n');
}

/**
 * Walks words[from..to) and sets cmdpath (plus subs, flags… for it). `split` is how the shell splits
 * a variable into words: bash does it unquoted, zsh with ${=…}.
 */
function shWalk(program: string, wordsVar: string, split: (v: string) => string): string {
  return [
    `  local cmdpath=${sq(program)} word pair skip=0 i`,
    `  __${program}_words "$cmdpath"`,
    `  for ((i = from; i < to; i++)); do`,
    `    word="\${${wordsVar}[i]}"`,
    `    if ((skip)); then skip=0; continue; fi`,
    `    case "$word" in`,
    `      --*=*) ;;`,
    `      -*) [[ " $valued " == *" $word "* ]] && skip=1 ;;`,
    `      *)`,
    `        for pair in ${split('alts')}; do [[ "$word" == "\${pair%%=*}" ]] && word="\${pair#*=}"; done`,
    `        if [[ " $subs " == *" $word "* ]]; then cmdpath="$cmdpath $word"; __${program}_words "$cmdpath"; fi`,
    `        ;;`,
    `    esac`,
    `  done`,
  ].join('\n');
}

export function bashScript(program: string, nodes: readonly CompletionNode[]): string {
  return [
    `# bash completion for ${program}. Load it with: source <(${program} completion bash)`,
    shWords(program, nodes),
    ``,
    `__${program}_complete() {`,
    `  local cur="\${COMP_WORDS[COMP_CWORD]}" subs alts flags valued from=1 to=$COMP_CWORD`,
    shWalk(program, 'COMP_WORDS', (v) => `$${v}`),
    `  COMPREPLY=()`,
    `  if ((skip)); then return 0; fi`,
    `  if [[ "$cur" == -* ]]; then`,
    `    COMPREPLY=($(compgen -W "$flags" -- "$cur"))`,
    `  else`,
    `    COMPREPLY=($(compgen -W "$subs" -- "$cur"))`,
    `  fi`,
    `}`,
    ``,
    `# With nothing to offer (a flag's value, an argument), bash completes file names.`,
    `complete -o default -F __${program}_complete ${program}`,
    ``,
  ].join('\n');
}

export function zshScript(program: string, nodes: readonly CompletionNode[]): string {
  return [
    `#compdef ${program}`,
    `# zsh completion for ${program}. Load it with: source <(${program} completion zsh), after compinit`,
    shWords(program, nodes),
    ``,
    `__${program}_complete() {`,
    `  local subs alts flags valued from=2 to=$CURRENT`,
    shWalk(program, 'words', (v) => `\${=${v}}`),
    `  if ((skip)); then _files; return; fi`,
    `  if [[ "$PREFIX" == -* ]]; then`,
    `    compadd -- \${=flags}`,
    `  elif [[ -n "$subs" ]]; then`,
    `    compadd -- \${=subs}`,
    `  else`,
    `    _files`,
    `  fi`,
    `}`,
    ``,
    `if [[ "\${funcstack[1]}" == "_${program}" ]]; then`,
    `  __${program}_complete "$@"`,
    `else`,
    `  compdef __${program}_complete ${program}`,
    `fi`,
    ``,
  ].join('\n');
}

export function fishScript(program: string, nodes: readonly CompletionNode[]): string {
  const lines = [
    `# fish completion for ${program}. Load it with: ${program} completion fish | source`,
    ``,
    `# The command path the words typed so far lead to, e.g. '${program} app set'.`,
    `function __${program}_path`,
    `    set -l cmdpath ${program}`,
    `    set -l skip 0`,
    `    set -l typed (commandline -opc)`,
    `    set -e typed[1]`,
    `    for word in $typed`,
    `        if test $skip -eq 1`,
    `            set skip 0`,
    `            continue`,
    `        end`,
    `        switch $word`,
    `            case '--*=*'`,
    `            case '-*'`,
    `                if contains -- $word (__${program}_valued $cmdpath)`,
    `                    set skip 1`,
    `                end`,
    `            case '*'`,
    `                set -l next (__${program}_child "$cmdpath $word")`,
    `                if test -n "$next"`,
    `                    set cmdpath "$cmdpath $next"`,
    `                end`,
    `        end`,
    `    end`,
    `    echo $cmdpath`,
    `end`,
    ``,
    `# The subcommand a word names under a path (aliases resolved), or nothing.`,
    `function __${program}_child`,
    `    switch $argv[1]`,
  ];
  for (const n of nodes) {
    for (const s of n.subcommands) {
      lines.push(
        `        case ${[s.name, ...s.aliases].map((w) => fishQuote(`${key(n)} ${w}`)).join(' ')}`,
        `            echo ${fishQuote(s.name)}`,
      );
    }
  }
  lines.push(
    `    end`,
    `end`,
    ``,
    `# The flags of a path that take a value, one a line.`,
    `function __${program}_valued`,
    `    switch "$argv"`,
  );
  for (const n of nodes) {
    if (n.valueFlags.length)
      lines.push(`        case ${fishQuote(key(n))}`, `            printf '%s\\n' ${n.valueFlags.map(fishQuote).join(' ')}`);
  }
  lines.push(
    `    end`,
    `end`,
    ``,
    `# Whether the words typed lead to the path given; the walk runs once per command line, not once per rule.`,
    `function __${program}_at`,
    `    set -l line (commandline -c)`,
    `    if test "$line" != "$__${program}_line"`,
    `        set -g __${program}_line $line`,
    `        set -g __${program}_cmdpath (__${program}_path)`,
    `    end`,
    `    test "$__${program}_cmdpath" = "$argv[1]"`,
    `end`,
    ``,
    `complete -c ${program} -f`,
  );
  for (const n of nodes) {
    const at = `-n ${fishQuote(`__${program}_at ${sq(key(n))}`)}`;
    for (const s of n.subcommands) lines.push(`complete -c ${program} ${at} -a ${fishQuote(s.name)} -d ${fishQuote(s.description)}`);
    for (const f of n.flags) {
      lines.push(
        `complete -c ${program} ${at} -l ${fishQuote(f.name.slice(2))}${f.takesValue ? ' -r -F' : ''} -d ${fishQuote(f.description)}`,
      );
    }
  }
  lines.push('');
  return lines.join('\n');
}
