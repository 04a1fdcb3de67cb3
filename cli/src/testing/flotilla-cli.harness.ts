// Runs the real `flotilla` binary as a subprocess, and the real api-server and repo-server as
// processes against a kube-sim hub, a git repository served over HTTP and the shared Redis, so the
// CLI's specs drive it the way a user does.
import { KubeConfig, KubernetesObjectApi, CoreV1Api, ApiException } from '@kubernetes/client-node';
import { flotillaCrds } from '@flotilla/api-types';
import type { KubeSim } from '@flotilla/kube-sim';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export const REPO_ROOT = join(__dirname, '..', '..', '..');
const FLOTILLA_BIN = join(REPO_ROOT, 'cli', 'bin', 'flotilla.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `flotilla args…` with the given environment (FLOTILLA_CONFIG, HOME, KUBECONFIG…). */
export function runFlotilla(args: string[], env: Record<string, string>, input?: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [FLOTILLA_BIN, ...args], { cwd: REPO_ROOT, env: { PATH: process.env.PATH ?? '', ...env }, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

/** A `flotilla` command still running: its output so far, a wait for some of it, and its result. */
export interface RunningFlotilla {
  stdout(): string;
  /** Resolves once stdout matches; rejects if the command exits or `timeoutMs` pass first. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<void>;
  stop(): void;
  done: Promise<CliResult>;
}

/** Starts `flotilla args…` and lets the spec watch its output while it runs (app wait, app logs -f). */
export function startFlotilla(args: string[], env: Record<string, string>): RunningFlotilla {
  const child = spawn(process.execPath, [FLOTILLA_BIN, ...args], { cwd: REPO_ROOT, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let exited = false;
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<CliResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      exited = true;
      resolve({ code: code ?? (signal ? -1 : 0), stdout, stderr });
    });
  });
  return {
    stdout: () => stdout,
    async waitForOutput(pattern, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      while (!pattern.test(stdout)) {
        if (exited || Date.now() > deadline) throw new Error(`flotilla ${args.join(' ')}: no output matching ${pattern}\nstdout: ${stdout}\nstderr: ${stderr}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    stop: () => child.kill('SIGINT'),
    done,
  };
}

/**
 * Runs `flotilla args…` with stdout into a reader that, like `| head -c bytes`, closes its end of
 * the pipe once it has `bytes` bytes; resolves with those bytes, all of stderr and the exit code.
 */
export function runFlotillaIntoHead(args: string[], env: Record<string, string>, bytes: number): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [FLOTILLA_BIN, ...args], { cwd: REPO_ROOT, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let head = Buffer.alloc(0);
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      head = Buffer.concat([head, d]).subarray(0, bytes);
      if (head.length === bytes) child.stdout.destroy();
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout: head.toString(), stderr }));
  });
}

export { freePort } from '@flotilla/testing';

export function adminKubeConfig(sim: KubeSim): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromString(sim.kubeconfig());
  return kc;
}

/** The hub as the services expect it: Argo's CRDs and the `argocd` namespace. */
export async function prepareHub(hub: KubeSim, namespace: string): Promise<void> {
  const kc = adminKubeConfig(hub);
  const objects = KubernetesObjectApi.makeApiClient(kc);
  for (const crd of flotillaCrds()) {
    await ignoreConflict(objects.create(crd as never));
  }
  await ignoreConflict(kc.makeApiClient(CoreV1Api).createNamespace({ body: { metadata: { name: namespace } } }));
  // The API server serves a CRD only once it is established; kube-sim does that on create.
}

async function ignoreConflict(p: Promise<unknown>): Promise<void> {
  try {
    await p;
  } catch (err) {
    if (!(err instanceof ApiException && err.code === 409)) throw err;
  }
}

export interface ServiceProcess {
  stop(): Promise<void>;
  /** Everything the process has written to stdout and stderr, for failure messages. */
  output(): string;
}

/**
 * Starts a Flotilla service (e.g. `services/api-server/src/main.ts`) as its own process, the way it
 * is deployed, and waits until `ready` says it serves.
 */
export async function startServiceProcess(name: string, entry: string, env: Record<string, string>, ready: () => Promise<boolean>, timeoutMs = 60_000): Promise<ServiceProcess> {
  let log = '';
  const child: ChildProcess = spawn(process.execPath, ['-r', '@swc-node/register', join(REPO_ROOT, entry)], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', SWC_NODE_PROJECT: join(REPO_ROOT, 'tsconfig.base.json'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  let exited = false;
  child.on('exit', () => (exited = true));
  const deadline = Date.now() + timeoutMs;
  while (!(await ready().catch(() => false))) {
    if (exited) throw new Error(`${name} exited during start-up:\n${log}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} not ready after ${timeoutMs / 1000}s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    output: () => log,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(kill);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/** Ready when the service's ops port answers GET /readyz with 200. */
export const readyzOk = (opsPort: number) => async (): Promise<boolean> => (await fetch(`http://127.0.0.1:${opsPort}/readyz`)).status === 200;

const GIT_ENV = { PATH: process.env.PATH ?? '', GIT_TERMINAL_PROMPT: '0', GIT_AUTHOR_NAME: 'flotilla', GIT_AUTHOR_EMAIL: 'flotilla@example.com', GIT_COMMITTER_NAME: 'flotilla', GIT_COMMITTER_EMAIL: 'flotilla@example.com' };

async function git(cwd: string, ...args: string[]): Promise<string> {
  try {
    return (await execFileAsync('git', args, { cwd, env: GIT_ENV })).stdout.trim();
  } catch (err) {
    throw new Error(`git ${args.join(' ')}: ${(err as Error & { stderr?: string }).stderr ?? (err as Error).message}`);
  }
}

const deployment = (name: string) =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    `metadata: {name: ${name}}`,
    'spec:',
    '  replicas: 1',
    `  selector: {matchLabels: {app: ${name}}}`,
    '  template:',
    `    metadata: {labels: {app: ${name}}}`,
    `    spec: {containers: [{name: ${name}, image: "nginx:1.27"}]}`,
    '',
  ].join('\n');

/**
 * A git repository of apps as `<root>/<name>.git` (bare, to be served over HTTP): a `main` branch
 * with one folder per app holding its Deployment. Resolves with main's commit SHA.
 */
export async function createAppsRepository(root: string, name: string, apps: Record<string, string>): Promise<string> {
  const work = join(root, `${name}-work`);
  for (const [folder, deploymentName] of Object.entries(apps)) {
    mkdirSync(join(work, folder), { recursive: true });
    writeFileSync(join(work, folder, 'deployment.yaml'), deployment(deploymentName));
  }
  await git(work, 'init', '-q', '-b', 'main');
  await git(work, 'add', '-A');
  await git(work, 'commit', '-q', '-m', 'apps');
  await git(root, 'clone', '-q', '--bare', work, join(root, `${name}.git`));
  return git(work, 'rev-parse', 'HEAD');
}
