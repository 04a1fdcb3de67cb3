import { ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { eventually } from './kubectl.harness';

// `npx kube-sim` as a user runs it: a fleet, a kubeconfig with a context per cluster, faults from another shell.
const bin = resolve(__dirname, '../bin/kube-sim.js');
const dir = mkdtempSync(join(tmpdir(), 'kube-sim-cli-'));
const kubeconfig = join(dir, 'kubeconfig');
let fleet: ChildProcess;
let output = '';

const run = (cmd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
  new Promise((done) => {
    execFile(cmd, args, { env: { ...process.env, KUBECONFIG: kubeconfig, HOME: dir }, timeout: 20_000 }, (err, stdout, stderr) =>
      done({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout: String(stdout), stderr: String(stderr) }),
    );
  });

beforeAll(async () => {
  // --instant wins over any start time: without it this fleet's pods would take ten minutes.
  fleet = spawn(process.execPath, [bin, '--clusters', 'hub,dev', '--kubeconfig', kubeconfig, '--instant', '--pod-start-ms', '600000'], { cwd: dir });
  fleet.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  fleet.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  await eventually(() => output.includes('Press Ctrl-C to stop.'), 'the fleet to start', 20_000);
}, 30_000);

afterAll(async () => {
  if (fleet.exitCode === null) {
    fleet.kill('SIGINT');
    await new Promise((r) => fleet.once('exit', r));
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('kube-sim CLI', () => {
  it('writes a kubeconfig with one context per cluster, named after it', async () => {
    expect(output).toContain(`export KUBECONFIG=${kubeconfig}`);
    const contexts = await run('kubectl', ['config', 'get-contexts', '-o', 'name']);
    expect(contexts.stdout.trim().split('\n').sort()).toEqual(['dev', 'hub']);
    const ns = await run('kubectl', ['--context', 'dev', 'get', 'namespace', 'kube-system', '-o', 'name']);
    expect(ns.stdout.trim()).toBe('namespace/kube-system');
  });

  it('injects and clears faults in the running fleet', async () => {
    const refuse = await run(process.execPath, [bin, 'fault', '--cluster', 'dev', '--kubeconfig', kubeconfig, '--refuse']);
    expect(refuse.code).toBe(0);
    const down = await run('kubectl', ['--context', 'dev', 'get', 'namespaces', '--request-timeout=2s']);
    expect(down.code).not.toBe(0);
    expect(down.stderr).toMatch(/connection to the server 127\.0\.0\.1:\d+ was refused/);
    expect((await run('kubectl', ['--context', 'hub', 'get', 'namespaces'])).code).toBe(0);
    await run(process.execPath, [bin, 'fault', '--cluster', 'dev', '--kubeconfig', kubeconfig, '--clear']);
    expect((await run('kubectl', ['--context', 'dev', 'get', 'namespaces'])).code).toBe(0);
    const unknown = await run(process.execPath, [bin, 'fault', '--cluster', 'nope', '--kubeconfig', kubeconfig, '--hang']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('no cluster named "nope"');
  });

  it('runs Jobs to completion at once with --instant', async () => {
    expect((await run('kubectl', ['--context', 'hub', 'create', 'job', 'once', '--image=busybox:1.36'])).code).toBe(0);
    const done = await run('kubectl', ['--context', 'hub', 'wait', '--for=condition=complete', 'job/once', '--timeout=15s']);
    expect(done.stdout.trim()).toBe('job.batch/once condition met');
  });

  it('stops on SIGINT', async () => {
    fleet.kill('SIGINT');
    const code = await new Promise((r) => fleet.once('exit', r));
    expect(code).toBe(0);
    expect(existsSync(kubeconfig)).toBe(true);
  });
});
