// Real surroundings for the appset-controller's git generator spec: a git repository served over
// HTTP, and repo-server as its own process (after the app-controller's harness; services share no code).
import { startGitHttpServer, type GitHttpServer } from '@flotilla/git-server';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..', '..');
const REPO_SERVER_MAIN = join(ROOT, 'services', 'repo-server', 'src', 'main.ts');

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
      FLOTILLA_REDIS_URL: 'redis://127.0.0.1:6379',
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
