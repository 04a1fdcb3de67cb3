// `flotilla completion bash|zsh|fish` as a shell uses it: the real binary prints the script, a real
// bash sources it and completes words the way it does on TAB (COMP_WORDS/COMP_CWORD), and zsh and
// fish check their scripts' syntax where they are installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCliConfig } from '../cli.config';
import { flotillaCli } from '../main';
import { runFlotilla } from '../testing/flotilla-cli.harness';
import { completionNodes, type CompletionNode } from './command-tree';

jest.setTimeout(60_000);

const has = (shell: string): boolean => spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;
const nodes = completionNodes(flotillaCli(loadCliConfig({ HOME: '/nonexistent' })));
const node = (path: string): CompletionNode => nodes.find((n) => n.path.join(' ') === path)!;
const subsOf = (path: string): string[] => node(path).subcommands.flatMap((s) => [s.name, ...s.aliases]);

let dir: string;
const scripts: Record<string, string> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'flotilla-completion-'));
  for (const shell of ['bash', 'zsh', 'fish']) {
    const res = await runFlotilla(['completion', shell], { HOME: dir });
    expect(res).toMatchObject({ code: 0, stderr: '' });
    scripts[shell] = join(dir, `flotilla.${shell}`);
    writeFileSync(scripts[shell], res.stdout);
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What bash offers on TAB after `words` (the last one being completed), one candidate a line. */
function bashComplete(...words: string[]): string[] {
  const quoted = words.map((w) => `'${w.replace(/'/g, `'\\''`)}'`).join(' ');
  const out = execFileSync(
    'bash',
    [
      '-c',
      `source "$1"; COMP_WORDS=(${quoted}); COMP_CWORD=${words.length - 1}; __flotilla_complete; printf '%s\\n' "\${COMPREPLY[@]}"`,
      'bash',
      scripts.bash,
    ],
    { encoding: 'utf8' },
  );
  return out.split('\n').filter(Boolean);
}

describe('flotilla completion bash', () => {
  it('registers a completion function for flotilla when sourced', () => {
    const out = execFileSync('bash', ['-c', 'source "$1" && complete -p flotilla', 'bash', scripts.bash], { encoding: 'utf8' });
    expect(out.trim()).toBe('complete -o default -F __flotilla_complete flotilla');
  });

  it('completes `flotilla app s` to the app subcommands starting with s, set and sync among them', () => {
    const offered = bashComplete('flotilla', 'app', 's');
    expect(offered).toEqual(expect.arrayContaining(['set', 'sync']));
    expect(offered.sort()).toEqual(
      subsOf('flotilla app')
        .filter((s) => s.startsWith('s'))
        .sort(),
    );
    // Through an alias too.
    expect(bashComplete('flotilla', 'apps', 's').sort()).toEqual(offered.sort());
  });

  it("offers a command's own and inherited long flags after -", () => {
    const flags = bashComplete('flotilla', 'account', 'generate-token', '--');
    expect(flags).toEqual(expect.arrayContaining(['--account', '--expires-in', '--id', '--server', '--auth-token', '--help']));
    expect(bashComplete('flotilla', 'account', 'generate-token', '--ex')).toEqual(['--expires-in']);
  });

  it("skips a flag's value while walking, and offers nothing (files) for the value itself", () => {
    // `app` is --server's value here, so `l` completes the program's commands, not app's.
    expect(bashComplete('flotilla', '--server', 'app', 'l').sort()).toEqual(['login', 'logout']);
    expect(bashComplete('flotilla', 'account', 'get', '-o', 'js')).toEqual([]);
    expect(bashComplete('flotilla', 'account', 'generate-token', '--expires-in', '')).toEqual([]);
  });

  it('knows every command of the tree: each offers its subcommands, or its flags', () => {
    for (const n of nodes) {
      const expected = n.subcommands.length ? n.subcommands.flatMap((s) => [s.name, ...s.aliases]) : n.flags.map((f) => f.name);
      const last = n.subcommands.length ? '' : '--';
      expect({ path: n.path.join(' '), offered: bashComplete(...n.path, last).sort() }).toEqual({
        path: n.path.join(' '),
        offered: [...expected].sort(),
      });
    }
  });
});

describe('flotilla completion zsh and fish', () => {
  (has('zsh') ? it : it.skip)('zsh -n accepts the zsh script', () => {
    expect(spawnSync('zsh', ['-n', scripts.zsh]).status).toBe(0);
  });

  (has('fish') ? it : it.skip)('fish -n accepts the fish script', () => {
    expect(spawnSync('fish', ['-n', scripts.fish]).status).toBe(0);
  });

  it('the zsh script registers itself with compdef and carries every command path', () => {
    const zsh = execFileSync('cat', [scripts.zsh], { encoding: 'utf8' });
    expect(zsh.startsWith('#compdef flotilla\n')).toBe(true);
    expect(zsh).toContain('compdef __flotilla_complete flotilla');
    for (const n of nodes) expect(zsh).toContain(`    '${n.path.join(' ')}')\n`);
  });

  it('the fish script completes every subcommand and long flag where it belongs', () => {
    const fish = execFileSync('cat', [scripts.fish], { encoding: 'utf8' });
    expect(fish).toContain("complete -c flotilla -n '__flotilla_at \\'flotilla app\\'' -a 'set' -d ");
    expect(fish).toContain("complete -c flotilla -n '__flotilla_at \\'flotilla account generate-token\\'' -l 'expires-in' -r -F -d ");
    for (const n of nodes) {
      for (const s of n.subcommands) expect(fish).toContain(`-n '__flotilla_at \\'${n.path.join(' ')}\\'' -a '${s.name}'`);
    }
  });
});

it('refuses a shell it does not know, naming the ones it does', async () => {
  const res = await runFlotilla(['completion', 'tcsh'], { HOME: '/nonexistent' });
  expect(res.code).toBe(1);
  expect(res.stdout).toBe('');
  expect(res.stderr).toMatch(/unsupported shell "tcsh": supported shells are bash, zsh and fish/);
});
