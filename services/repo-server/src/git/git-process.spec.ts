import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execTimeoutMsOf, gitTransportOf, loadRepoServerConfig, renderLimitsOf } from '../repo-server.config';
import { TestRepository } from '../testing/test-repository';
import { GitError, GitRepositoryClient } from './git-repository.client';

// How git runs under repo-server (docs/adr/0008): real git against a remote that accepts connections
// and never answers, real processes, and /proc read to see which of them are left.
let root: string;
let hanging: Server | undefined;
const sockets = new Set<Socket>();
const PASSWORD = `pw-${randomBytes(12).toString('hex')}`;
const URL_SECRET = `url-${randomBytes(12).toString('hex')}`;
/** The Basic header git gets in its environment (GIT_CONFIG_VALUE_0): a marker every process it starts inherits. */
const BASIC = Buffer.from(`reader:${PASSWORD}`).toString('base64');

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'repo-server-git-process-'));
});
afterEach(async () => {
  for (const s of sockets) s.destroy();
  sockets.clear();
  await new Promise((r) => (hanging ? hanging.close(r) : r(undefined)));
  hanging = undefined;
  rmSync(root, { recursive: true, force: true });
});

/** An HTTP server that takes every request and never answers it; resolves its port and a promise of the first request. */
async function startHangingRemote(): Promise<{ port: number; asked: Promise<void> }> {
  let onRequest!: () => void;
  const asked = new Promise<void>((r) => (onRequest = r));
  hanging = createServer(() => onRequest());
  hanging.on('connection', (s) => sockets.add(s));
  await new Promise<void>((r) => hanging!.listen(0, '127.0.0.1', r));
  const address = hanging.address();
  return { port: typeof address === 'object' && address ? address.port : 0, asked };
}

/** Live (not zombie) processes whose environment holds `marker`, by command name. */
function processesWith(marker: string): string[] {
  return readdirSync('/proc')
    .filter((pid) => /^\d+$/.test(pid) && Number(pid) !== process.pid)
    .flatMap((pid) => {
      try {
        if (/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))) return [];
        return readFileSync(`/proc/${pid}/environ`).toString().includes(marker) ? [readFileSync(`/proc/${pid}/comm`, 'utf8').trim()] : [];
      } catch {
        return []; // ended while we looked, or not ours to read
      }
    });
}

const settle = (ms = 300): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('git fetch under a timeout', () => {
  it('fails within the timeout from a remote that never answers, names the repository and the limit, and leaves neither git nor git-remote-http running', async () => {
    const { port, asked } = await startHangingRemote();
    const url = `http://bob:${URL_SECRET}@127.0.0.1:${port}/hang.git`;
    const repo = new GitRepositoryClient(url, join(root, 'cache'), { username: 'reader', password: PASSWORD }, { timeoutMs: 1500 });
    const started = Date.now();
    const fetching = repo.fetch().catch((e: unknown) => e);

    await asked;
    // While git waits on the remote, both it and the helper it started are there, carrying the marker.
    expect(processesWith(BASIC)).toEqual(expect.arrayContaining(['git', 'git-remote-http']));

    const err = await fetching;
    expect(Date.now() - started).toBeLessThan(1500 + 3000);
    expect(err).toBeInstanceOf(GitError);
    const message = (err as Error).message;
    expect(message).toBe(
      `failed to fetch http://***@127.0.0.1:${port}/hang.git: git clone timed out after 1.5s (FLOTILLA_REPO_EXEC_TIMEOUT_SECONDS) and was killed with the processes it started`,
    );
    for (const secret of [PASSWORD, URL_SECRET, BASIC]) expect(message).not.toContain(secret);
    await settle();
    expect(processesWith(BASIC)).toEqual([]);
  }, 20_000);

  it('takes its limit from FLOTILLA_REPO_EXEC_TIMEOUT_SECONDS, else from Argo\'s ARGOCD_EXEC_TIMEOUT, else 90s', () => {
    const of = (env: Record<string, string>): number => gitTransportOf(loadRepoServerConfig(env)).timeoutMs!;
    expect(of({})).toBe(90_000);
    expect(of({ ARGOCD_EXEC_TIMEOUT: '2m30s' })).toBe(150_000);
    expect(of({ ARGOCD_EXEC_TIMEOUT: '1.5s' })).toBe(1500);
    expect(of({ ARGOCD_EXEC_TIMEOUT: '2m', FLOTILLA_REPO_EXEC_TIMEOUT_SECONDS: '20' })).toBe(20_000);
    // The tools' limit is the same one, as in Argo.
    expect(renderLimitsOf(loadRepoServerConfig({ ARGOCD_EXEC_TIMEOUT: '45s' })).execTimeoutMs).toBe(45_000);
    expect(execTimeoutMsOf(loadRepoServerConfig({ ARGOCD_EXEC_TIMEOUT: '45s' }))).toBe(45_000);
    expect(() => loadRepoServerConfig({ ARGOCD_EXEC_TIMEOUT: '90' })).toThrow('ARGOCD_EXEC_TIMEOUT');
  });
});

/** A `git` on PATH that starts a child and waits, writing both pids: a git stuck on a slow disk or a lock. */
function stuckGit(): { bin: string; pids: string } {
  const bin = join(root, 'bin');
  const pids = join(root, 'pids');
  mkdirSync(bin);
  writeFileSync(join(bin, 'git'), `#!/bin/sh\nsleep 60 &\necho "$$ $!" > ${pids}\nwait\n`);
  chmodSync(join(bin, 'git'), 0o755);
  return { bin, pids };
}
const gone = (pid: number): boolean => !existsSync(`/proc/${pid}`) || /\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));

describe('git on the local clone', () => {
  it('is killed with what it started after the timeout, naming the command, the repository and the limit', async () => {
    const { bin, pids } = stuckGit();
    const repo = new GitRepositoryClient('https://reader:hunter2-pw@git.example.com/app.git', join(root, 'cache'), {}, { timeoutMs: 1000 });
    mkdirSync(repo.dir, { recursive: true });
    const path = process.env.PATH;
    process.env.PATH = `${bin}:${path ?? ''}`;
    try {
      await expect(repo.listRefs()).rejects.toThrow(
        new GitError('git for-each-ref in the clone of https://***@git.example.com/app.git timed out after 1s (FLOTILLA_REPO_EXEC_TIMEOUT_SECONDS) and was killed'),
      );
    } finally {
      process.env.PATH = path;
    }
    const [leader, child] = readFileSync(pids, 'utf8').trim().split(' ').map(Number);
    await settle();
    expect(gone(leader)).toBe(true);
    expect(gone(child)).toBe(true);
  }, 15_000);
});

describe('git cat-file --batch', () => {
  it('refuses answers past its byte limit, naming the limit', async () => {
    const origin = new TestRepository();
    try {
      origin.write('big.yaml', `a: ${'x'.repeat(4096)}\n`).commit();
      const repo = new GitRepositoryClient(`file://${origin.dir}`, join(root, 'cache'), {}, { allowLocalUrls: true });
      const sha = await repo.resolveRevision('HEAD');
      const files = await repo.listFiles(sha);
      expect((await repo.readBlobs(files)).get('big.yaml')!.length).toBe(4100);
      await expect(repo.readBlobs(files, 1024)).rejects.toThrow(`the blobs exceed the 1024 byte limit of one read; git cat-file was killed`);
    } finally {
      origin.dispose();
    }
  });

  it('is killed, with what it started, when repo-server exits while it runs', async () => {
    const { bin, pids } = stuckGit();
    const main = `const { GitRepositoryClient } = require(${JSON.stringify(resolve(__dirname, 'git-repository.client.ts'))});
      const fs = require('node:fs');
      const repo = new GitRepositoryClient('file:///nowhere', ${JSON.stringify(join(root, 'cache'))}, {}, { allowLocalUrls: true });
      fs.mkdirSync(repo.dir, { recursive: true });
      repo.readBlobs([{ path: 'a', sha: '${'0'.repeat(40)}' }]).catch((e) => { console.error(e); process.exit(2); });
      setTimeout(() => process.exit(3), 10000);
      const poll = setInterval(() => { if (fs.existsSync(${JSON.stringify(pids)}) && fs.readFileSync(${JSON.stringify(pids)}, 'utf8').endsWith('\\n')) { clearInterval(poll); process.exit(0); } }, 20);`;
    const node = spawn(process.execPath, ['-r', '@swc-node/register', '-e', main], {
      cwd: resolve(__dirname, '../../../..'),
      env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}`, SWC_NODE_PROJECT: 'tsconfig.base.json' },
      stdio: 'inherit',
    });
    expect(await new Promise((r) => node.on('exit', r))).toBe(0);
    const [leader, child] = readFileSync(pids, 'utf8').trim().split(' ').map(Number);
    await settle();
    expect(gone(leader)).toBe(true);
    expect(gone(child)).toBe(true);
  }, 30_000);
});
