import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGitHttpServer } from './git-http.server';

const env = { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' };
// Set-up only: a synchronous git would block the event loop the server under test runs on.
const gitSync = (cwd: string, ...args: string[]): string => execFileSync('git', args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] }).toString().trim();
const run = promisify(execFile);
const git = async (cwd: string, ...args: string[]): Promise<string> => {
  try {
    return (await run('git', args, { cwd, env })).stdout.trim();
  } catch (err) {
    const e = err as Error & { stderr?: string };
    throw new Error(`${e.message}\n${e.stderr ?? ''}`);
  }
};

describe('git over HTTP', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'git-http-'));
    const work = join(root, 'work');
    mkdirSync(work);
    gitSync(work, 'init', '-q', '-b', 'main');
    writeFileSync(join(work, 'a.yaml'), 'a: 1\n');
    gitSync(work, 'add', '-A');
    gitSync(work, 'commit', '-q', '-m', 'one');
    gitSync(root, 'clone', '-q', '--bare', work, join(root, 'served', 'demo.git'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('serves clone, ls-remote and push, and checks basic auth', async () => {
    const server = await startGitHttpServer({ root: join(root, 'served'), auth: { username: 'git', password: 'pw' }, allowPush: true });
    try {
      const authed = server.url.replace('http://', 'http://git:pw@');
      expect(await git(root, 'ls-remote', `${authed}/demo.git`)).toMatch(/^[0-9a-f]{40}\tHEAD/);
      await expect(git(root, 'ls-remote', `${server.url}/demo.git`)).rejects.toThrow(/Authentication failed|could not read Username|401/);
      await git(root, 'clone', '-q', `${authed}/demo.git`, 'clone');
      expect(readFileSync(join(root, 'clone', 'a.yaml'), 'utf8')).toBe('a: 1\n');
      writeFileSync(join(root, 'clone', 'b.yaml'), 'b: 2\n');
      await git(join(root, 'clone'), 'add', '-A');
      await git(join(root, 'clone'), 'commit', '-q', '-m', 'two');
      await git(join(root, 'clone'), 'push', '-q', 'origin', 'main');
      expect(await git(join(root, 'served', 'demo.git'), 'log', '--format=%s', 'main')).toBe('two\none');
    } finally {
      await server.stop();
    }
  });

  it('refuses push unless allowed', async () => {
    const server = await startGitHttpServer({ root: join(root, 'served') });
    try {
      await git(root, 'clone', '-q', `${server.url}/demo.git`, 'clone');
      writeFileSync(join(root, 'clone', 'b.yaml'), 'b: 2\n');
      await git(join(root, 'clone'), 'add', '-A');
      await git(join(root, 'clone'), 'commit', '-q', '-m', 'two');
      await expect(git(join(root, 'clone'), 'push', '-q', 'origin', 'main')).rejects.toThrow(/403/);
    } finally {
      await server.stop();
    }
  });
});
