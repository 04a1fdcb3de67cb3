import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startGitHttpServer, type GitHttpServer } from '@flotilla/git-server';
import { ConfigError } from '@flotilla/platform';
import { gitTransportOf, loadRepoServerConfig } from '../repo-server.config';
import { TestRepository } from '../testing/test-repository';
import { GitError, RepositoryUrlError } from './git-repository.client';
import { RepositoryRegistry } from './repository.registry';

// What a repository URL or a repository Secret can make git do on the repo-server's host: real
// git, a real HTTP git server with basic auth, and the process table read while git runs.
let origin: TestRepository;
let served: string;
let server: GitHttpServer | undefined;
const PASSWORD = `pw-${randomBytes(12).toString('hex')}`;
const BASIC = Buffer.from(`reader:${PASSWORD}`).toString('base64');

/** Every process's argv, as any local user can read it from /proc. */
const processTable = (): string[][] =>
  readdirSync('/proc')
    .filter((pid) => /^\d+$/.test(pid))
    .flatMap((pid) => {
      try {
        return [readFileSync(`/proc/${pid}/cmdline`).toString().split('\0').filter(Boolean)];
      } catch {
        return []; // the process ended while we looked
      }
    });

beforeEach(() => {
  origin = new TestRepository();
  origin.write('a.yaml', 'a: 1\n').commit();
  served = join(origin.root, 'served');
  origin.git('clone', '-q', '--bare', origin.dir, join(served, 'demo.git'));
});
afterEach(async () => {
  await server?.stop();
  server = undefined;
  origin.dispose();
});

describe('repository credentials', () => {
  it('reach git through its environment, never its argv, and still authenticate a clone and a fetch', async () => {
    const argvs: string[][] = [];
    server = await startGitHttpServer({ root: served, auth: { username: 'reader', password: PASSWORD }, beforeServe: () => void argvs.push(...processTable()) });
    const url = `${server.url}/demo.git`;
    const registry = new RepositoryRegistry(join(origin.root, 'cache'), 60_000);
    const creds = { username: 'reader', password: PASSWORD };

    expect((await registry.resolve(url, creds, 'main')).sha).toBe(origin.git('rev-parse', 'HEAD'));
    const pushed = origin.write('a.yaml', 'a: 2\n').commit();
    origin.git('push', '-q', join(served, 'demo.git'), 'main');
    expect((await registry.resolve(url, creds, 'main', true)).sha).toBe(pushed);

    // The table was read while git waited for the server: the clone and the fetch were in it.
    const gitRuns = argvs.filter((argv) => argv.includes(url) && (argv.includes('clone') || argv.includes('fetch')));
    expect(gitRuns.some((argv) => argv.includes('clone'))).toBe(true);
    expect(gitRuns.some((argv) => argv.includes('fetch'))).toBe(true);
    for (const argv of argvs) expect(argv.join(' ')).not.toMatch(new RegExp(`${PASSWORD}|${BASIC}`));
    // The URL comes after `--`, where git can only read it as a repository.
    for (const argv of gitRuns) expect(argv[argv.indexOf(url) - 1]).toBe('--');

    const denied = await new RepositoryRegistry(join(origin.root, 'other-cache'), 0).resolve(url, { username: 'reader', password: 'wrong-password' }, 'main').catch((e: unknown) => e);
    expect(denied).toBeInstanceOf(GitError);
    expect((denied as Error).message).toMatch(/Authentication failed|401|could not read Username/);
    expect((denied as Error).message).not.toContain('wrong-password');
  });

  it('hand an ssh key to ssh itself (the URL reaches ssh, which cannot connect here)', async () => {
    const registry = new RepositoryRegistry(join(origin.root, 'cache'), 0);
    const key = '-----BEGIN OPENSSH PRIVATE KEY-----\nnot-a-real-key\n-----END OPENSSH PRIVATE KEY-----';
    const err = await registry.resolve('ssh://git@127.0.0.1:1/demo.git', { sshPrivateKey: key }, 'main').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GitError);
    expect((err as Error).message).toMatch(/port 1: Connection refused|Could not read from remote repository/);
    expect((err as Error).message).not.toContain('not-a-real-key');
  });
});

describe('local repositories', () => {
  const localUrls = (): string[] => [`file://${origin.dir}`, origin.dir, '../../../origin', 'origin.git', `file://bob:hunter2@localhost${origin.dir}`];

  it('are refused by default, naming the URL (credentials masked) and the setting, before git runs', async () => {
    const transport = gitTransportOf(loadRepoServerConfig({ FLOTILLA_REPO_CACHE_DIR: join(origin.root, 'cache') }));
    const registry = new RepositoryRegistry(join(origin.root, 'cache'), 0, Date.now, transport);
    for (const url of localUrls()) {
      const err = await registry.resolve(url, {}, 'main').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RepositoryUrlError);
      expect((err as Error).message).toContain('FLOTILLA_REPO_ALLOW_LOCAL_URLS=true');
      expect((err as Error).message).toContain(JSON.stringify(url.replace('bob:hunter2@', 'bob:***@')));
      expect((err as Error).message).not.toContain('hunter2');
      expect(existsSync(join(registry.get(url).dir, 'HEAD'))).toBe(false);
    }
  });

  it('are fetched when FLOTILLA_REPO_ALLOW_LOCAL_URLS=true', async () => {
    const config = loadRepoServerConfig({ FLOTILLA_REPO_CACHE_DIR: join(origin.root, 'cache'), FLOTILLA_REPO_ALLOW_LOCAL_URLS: 'true' });
    const registry = new RepositoryRegistry(config.FLOTILLA_REPO_CACHE_DIR, 0, Date.now, gitTransportOf(config));
    const head = origin.git('rev-parse', 'HEAD');
    for (const url of [`file://${origin.dir}`, origin.dir, '../../../origin']) expect((await registry.resolve(url, {}, 'main')).sha).toBe(head);
    expect(() => loadRepoServerConfig({ FLOTILLA_REPO_ALLOW_LOCAL_URLS: 'yes' })).toThrow(ConfigError);
    expect(() => loadRepoServerConfig({ FLOTILLA_REPO_ALLOW_LOCAL_URLS: 'yes' })).toThrow(/FLOTILLA_REPO_ALLOW_LOCAL_URLS/);
  });
});

describe('repository URLs', () => {
  it('never reach git as an option or a remote helper, even with local repositories allowed', async () => {
    const canary = join(origin.root, 'pwned');
    const registry = new RepositoryRegistry(join(origin.root, 'cache'), 0, Date.now, { allowLocalUrls: true });
    const hostile = [
      `--upload-pack=touch ${canary};git-upload-pack`,
      `-u touch ${canary}`,
      `ext::sh -c touch% ${canary}`,
      'fd::0',
      `ssh://-oProxyCommand=touch%20${canary}/x`,
      `https://example.com/x\n--upload-pack=touch ${canary}`,
      'ftp://example.com/x.git',
    ];
    for (const url of hostile) {
      const err = await registry.resolve(url, {}, 'main').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RepositoryUrlError);
      expect((err as Error).message).toContain(`repository URL ${JSON.stringify(url)}`);
      expect((err as Error).message).toContain('refusing to fetch it');
    }
    expect(existsSync(canary)).toBe(false);
  });
});
