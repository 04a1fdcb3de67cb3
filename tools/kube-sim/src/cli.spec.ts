import { ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// `kube-sim --kube-version 1.20` starts a fleet that behaves as 1.20, so kubectl's discovery
// refuses a policy/v1 manifest as it would against a real 1.20 server; an unsupported version
// stops start-up with a message that names the flag.
const bin = resolve(__dirname, '../bin/kube-sim.js');
const dir = mkdtempSync(join(tmpdir(), 'kube-sim-version-'));
const kubeconfig = join(dir, 'kubeconfig');
let fleet: ChildProcess | undefined;

const run = (cmd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
  new Promise((done) => {
    execFile(cmd, args, { env: { ...process.env, KUBECONFIG: kubeconfig, HOME: dir }, timeout: 20_000 }, (err, stdout, stderr) =>
      done({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout: String(stdout), stderr: String(stderr) }),
    );
  });

afterAll(async () => {
  if (fleet && fleet.exitCode === null) {
    fleet.kill('SIGINT');
    await new Promise((r) => fleet!.once('exit', r));
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('kube-sim --kube-version', () => {
  it('serves the chosen minor, and kubectl finds no policy/v1 on 1.20', async () => {
    fleet = spawn(process.execPath, [bin, '--clusters', 'old', '--kubeconfig', kubeconfig, '--kube-version', '1.20'], { cwd: dir });
    let output = '';
    fleet.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    fleet.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    const deadline = Date.now() + 20_000;
    while (!output.includes('Press Ctrl-C to stop.')) {
      if (Date.now() > deadline || fleet.exitCode !== null) throw new Error(`the fleet did not start: ${output}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const version = await run('kubectl', ['get', '--raw', '/version']);
    expect(JSON.parse(version.stdout)).toMatchObject({ major: '1', minor: '20', gitVersion: 'v1.20.0' });

    const manifest = join(dir, 'pdb.yaml');
    writeFileSync(manifest, 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\n  namespace: default\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels:\n      app: web\n');
    const applied = await run('kubectl', ['apply', '-f', manifest]);
    expect(applied.code).not.toBe(0);
    expect(applied.stderr).toContain('no matches for kind "PodDisruptionBudget" in version "policy/v1"');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('policy/v1', 'policy/v1beta1'));
    expect((await run('kubectl', ['apply', '-f', manifest])).stdout.trim()).toBe('poddisruptionbudget.policy/web created');
  }, 40_000);

  it('refuses a version it cannot behave as', async () => {
    const refused = await run(process.execPath, [bin, '--kubeconfig', join(dir, 'other'), '--kube-version', '1.19']);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain(
      "option '--kube-version <minor>' argument '1.19' is invalid. unsupported Kubernetes version \"1.19\" (expected 1.20 … 1.32, e.g. 1.20 or 1.20.2)",
    );
  });
});
