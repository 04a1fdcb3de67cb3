import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../net/free-port';

/** The repository root (libs/testing/src/services → four levels up). */
export const ROOT = join(__dirname, '..', '..', '..', '..');
const REPO_SERVER_MAIN = join(ROOT, 'services', 'repo-server', 'src', 'main.ts');
export const REDIS_URL = 'redis://127.0.0.1:6379';

export interface RepoServerProcess {
  /** host:port of its gRPC server. */
  address: string;
  /** host:port of its ops HTTP server (/metrics, /readyz). */
  opsAddress: string;
  logs(): string;
  stop(): Promise<void>;
  /** SIGKILL, as a node dying or an OOM kill: no draining, in-flight calls are cut. */
  kill(): Promise<void>;
}

/** repo-server's own main.ts as a child process under the Redis queue prefix `queuePrefix`, ready once /readyz answers. */
export async function startRepoServer(dir: string, queuePrefix: string, env: Record<string, string> = {}): Promise<RepoServerProcess> {
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
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const signal = (name: NodeJS.Signals) => async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  const stop = signal('SIGTERM');
  for (;;) {
    if (child.exitCode !== null) throw new Error(`repo-server exited with ${child.exitCode}:\n${output}`);
    if (await fetch(`http://127.0.0.1:${opsPort}/readyz`).then((r) => r.ok, () => false)) return { address: `127.0.0.1:${port}`, opsAddress: `127.0.0.1:${opsPort}`, logs: () => output, stop, kill: signal('SIGKILL') };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`repo-server not ready within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
