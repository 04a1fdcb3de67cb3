// Real surroundings for the appset-controller's specs: the running service against a kube-sim hub
// (CRDs installed) and real Redis, a git repository served over HTTP, and repo-server as its own
// process (after the app-controller's harness; services share no code).
import 'reflect-metadata';
import { flotillaCrds, type KubeObject } from '@flotilla/api-types';
import { startGitHttpServer, type GitHttpServer } from '@flotilla/git-server';
import { startKubeSim, type KubeSim } from '@flotilla/kube-sim';
import { bootstrapService, kubeClientFromKubeconfig, type KubeClient, type RunningService } from '@flotilla/platform';
import { Redis } from 'ioredis';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadAppSetControllerConfig } from '../appset-controller.config';
import { appSetControllerModule } from '../appset-controller.module';

const ROOT = join(__dirname, '..', '..', '..', '..');
const REPO_SERVER_MAIN = join(ROOT, 'services', 'repo-server', 'src', 'main.ts');
/** The control-plane namespace the stack creates (with the default AppProject). */
export const NS = 'argocd';
export const REDIS_URL = 'redis://127.0.0.1:6379';

export interface PollOptions {
  /** Pause between probes. */
  everyMs?: number;
  /** Cut the last seen value in the timeout message to this many characters. */
  lastSeenChars?: number;
}

export type Eventually = <T>(probe: () => Promise<T>, accept: (v: T) => boolean, what: string, ms?: number) => Promise<T>;

/** An `eventually` that probes every `everyMs` until `accept` holds, or fails after `ms` naming `what` and the last value seen. */
export function polling({ everyMs = 100, lastSeenChars }: PollOptions = {}): Eventually {
  return async <T>(probe: () => Promise<T>, accept: (v: T) => boolean, what: string, ms = 20_000): Promise<T> => {
    const end = Date.now() + ms;
    let last: T | undefined;
    while (Date.now() < end) {
      last = await probe();
      if (accept(last)) return last;
      await new Promise((r) => setTimeout(r, everyMs));
    }
    throw new Error(`timed out waiting for ${what}; last seen: ${JSON.stringify(last)?.slice(0, lastSeenChars)}`);
  };
}

/** Probes every 100 ms for up to 20 s by default. */
export const eventually: Eventually = polling();

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

export interface GitRepo {
  url: string;
  /** Writes (or, with `null`, deletes) files, commits and pushes; returns the new commit SHA. */
  commit(files: Record<string, string | null>, message: string): string;
  stop(): Promise<void>;
}

export async function startGitRepo(dir: string): Promise<GitRepo> {
  const root = join(dir, 'git');
  const bare = join(root, 'config.git');
  const work = join(dir, 'work');
  const git = (cwd: string, ...args: string[]): string =>
    execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' } }).trim();
  mkdirSync(bare, { recursive: true });
  git(bare, 'init', '--bare', '-b', 'main');
  mkdirSync(work);
  git(work, 'init', '-b', 'main');
  git(work, 'remote', 'add', 'origin', bare);
  const server: GitHttpServer = await startGitHttpServer({ root });
  return {
    url: `${server.url}/config.git`,
    commit(files, message) {
      for (const [path, content] of Object.entries(files)) {
        const file = join(work, path);
        if (content === null) {
          if (existsSync(file)) rmSync(file);
        } else {
          mkdirSync(dirname(file), { recursive: true });
          writeFileSync(file, content);
        }
      }
      git(work, 'add', '-A');
      git(work, 'commit', '-m', message);
      git(work, 'push', 'origin', 'main');
      return git(work, 'rev-parse', 'HEAD');
    },
    stop: () => server.stop(),
  };
}

export interface RepoServerProcess {
  address: string;
  logs(): string;
  stop(): Promise<void>;
}

/** repo-server's own main.ts as a child process, ready once /readyz answers. */
export async function startRepoServer(dir: string, queuePrefix: string): Promise<RepoServerProcess> {
  const deadline = Date.now() + 60_000;
  const [port, opsPort] = [await freePort(), await freePort()];
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['-r', '@swc-node/register', REPO_SERVER_MAIN], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      SWC_NODE_PROJECT: join(ROOT, 'tsconfig.base.json'),
      FLOTILLA_REPO_SERVER_PORT: String(port),
      FLOTILLA_REPO_SERVER_OPS_PORT: String(opsPort),
      FLOTILLA_REDIS_URL: REDIS_URL,
      FLOTILLA_QUEUE_PREFIX: queuePrefix,
      FLOTILLA_REPO_CACHE_DIR: mkdtempSync(join(dir, 'repo-cache-')),
      FLOTILLA_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  };
  for (;;) {
    if (child.exitCode !== null) throw new Error(`repo-server exited with ${child.exitCode}:\n${output}`);
    if (await fetch(`http://127.0.0.1:${opsPort}/readyz`).then((r) => r.ok, () => false)) return { address: `127.0.0.1:${port}`, logs: () => output, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`repo-server not ready within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

export interface AppSetControllerStackContext {
  kube: KubeClient;
  dir: string;
  kubeconfig: string;
  prefix: string;
  /** Runs `stop` when the stack stops: after the service, before kube-sim (last registered first). */
  onStop(stop: () => Promise<void>): void;
}

export interface AppSetControllerStackOptions {
  /** Names kube-sim (`<name>-hub`), the temp dir (`<name>-…`) and the Redis prefix (`flotilla-test-<name>-…`). */
  name: string;
  /** Config variables on top of the common ones; a function is read after `beforeStart`. */
  env?: Record<string, string> | (() => Record<string, string>);
  /** Runs once the namespace, CRDs and default AppProject exist, before the service starts. */
  beforeStart?: (ctx: AppSetControllerStackContext) => Promise<void>;
  /** How to wait for the CRDs to be served. */
  poll?: PollOptions;
}

export interface AppSetControllerStack {
  sim: KubeSim;
  kube: KubeClient;
  service: RunningService;
  dir: string;
  kubeconfig: string;
  prefix: string;
  /** Stops the service, whatever `beforeStart` registered and kube-sim, removes the temp dir and the prefix's Redis keys. */
  stop(): Promise<void>;
}

/**
 * kube-sim as the hub with the `argocd` Namespace, the CRDs (served) and the default AppProject, then
 * the appset-controller bootstrapped against it and real Redis under a fresh queue prefix.
 */
export async function startAppSetControllerStack(opts: AppSetControllerStackOptions): Promise<AppSetControllerStack> {
  const prefix = `flotilla-test-${opts.name}-${process.pid}-${Date.now()}`;
  const dir = mkdtempSync(join(tmpdir(), `${opts.name}-`));
  const kubeconfig = join(dir, 'kubeconfig');
  const stops: (() => Promise<void>)[] = [];
  let sim: KubeSim | undefined;
  let service: RunningService | undefined;
  const stop = async (): Promise<void> => {
    await service?.stop();
    for (const s of stops.reverse()) await s();
    await sim?.stop();
    rmSync(dir, { recursive: true, force: true });
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  };
  try {
    sim = await startKubeSim({ name: `${opts.name}-hub` });
    writeFileSync(kubeconfig, sim.kubeconfig());
    const kube = kubeClientFromKubeconfig(kubeconfig);
    await kube.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } });
    for (const crd of flotillaCrds()) await kube.create(crd as unknown as KubeObject);
    await polling(opts.poll)(() => kube.list('argoproj.io/v1alpha1', 'AppProject', { namespace: NS }).then(() => true, () => false), Boolean, 'the CRDs to be served');
    await kube.create({ apiVersion: 'argoproj.io/v1alpha1', kind: 'AppProject', metadata: { name: 'default', namespace: NS }, spec: {} });
    await opts.beforeStart?.({ kube, dir, kubeconfig, prefix, onStop: (s) => void stops.push(s) });
    const config = loadAppSetControllerConfig({
      FLOTILLA_KUBECONFIG: kubeconfig,
      FLOTILLA_REDIS_URL: REDIS_URL,
      FLOTILLA_QUEUE_PREFIX: prefix,
      FLOTILLA_OPS_PORT: '0',
      FLOTILLA_LOG_LEVEL: process.env.SPEC_LOG_LEVEL ?? 'silent',
      FLOTILLA_APPSET_LEASE_SECONDS: '3',
      ...(typeof opts.env === 'function' ? opts.env() : opts.env),
    });
    service = await bootstrapService({ name: 'appset-controller', module: appSetControllerModule(config), opsPort: 0, handleSignals: false });
    return { sim, kube, service, dir, kubeconfig, prefix, stop };
  } catch (err) {
    await stop().catch(() => undefined);
    throw err;
  }
}
