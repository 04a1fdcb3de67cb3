import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeSim, KubeSimOptions, startKubeSim } from '../src/kube-sim';

export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** One simulated cluster and the real kubectl pointed at it through a kubeconfig file. */
export interface KubectlHarness {
  sim: KubeSim;
  dir: string;
  kubeconfig: string;
  /** Runs kubectl; never throws on a non-zero exit. */
  run(args: string[], opts?: { stdin?: string; env?: Record<string, string>; timeoutMs?: number }): Promise<KubectlResult>;
  /** Runs kubectl and fails with its stderr unless it exits 0. */
  ok(args: string[], opts?: { stdin?: string; timeoutMs?: number }): Promise<string>;
  /** Starts kubectl and returns a handle to read its output while it runs (for `get -w`). */
  spawn(args: string[]): { output(): string; stop(): void };
  writeFile(name: string, content: string): string;
  stop(): Promise<void>;
}

export async function startKubectlHarness(options: Partial<KubeSimOptions> = {}): Promise<KubectlHarness> {
  const sim = await startKubeSim({ name: 'conformance', timing: { podStartMs: 100, jobRunMs: 100, nodes: 2 }, ...options });
  const dir = mkdtempSync(join(tmpdir(), 'kube-sim-kubectl-'));
  const kubeconfig = join(dir, 'kubeconfig');
  writeFileSync(kubeconfig, sim.kubeconfig(), { mode: 0o600 });
  const env = { ...process.env, KUBECONFIG: kubeconfig, KUBECACHEDIR: join(dir, 'cache'), HOME: dir };

  const run: KubectlHarness['run'] = (args, opts = {}) =>
    new Promise((resolve) => {
      const child = execFile('kubectl', args, { env: { ...env, ...opts.env }, timeout: opts.timeoutMs ?? 20_000, maxBuffer: 32 << 20 }, (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      });
      if (opts.stdin !== undefined) child.stdin?.end(opts.stdin);
    });

  return {
    sim,
    dir,
    kubeconfig,
    run,
    async ok(args, opts) {
      const r = await run(args, opts);
      if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')} exited ${r.code}:\n${r.stderr}${r.stdout}`);
      return r.stdout;
    },
    spawn(args) {
      let out = '';
      const child = execFile('kubectl', args, { env, maxBuffer: 32 << 20 });
      child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
      return { output: () => out, stop: () => child.kill() };
    },
    writeFile(name, content) {
      const p = join(dir, name);
      writeFileSync(p, content);
      return p;
    },
    async stop() {
      await sim.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Polls until `probe` returns a truthy value or the deadline passes. */
export async function eventually<T>(probe: () => Promise<T> | T, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
