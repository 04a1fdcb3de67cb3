import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { GitError, GitRepositoryClient } from './git-repository.client';
import { gitAuth, maskSecrets } from './git-credentials';
import { LOCAL_REPOSITORIES } from '../testing/test-repository';

// A real repository on disk, cloned over file:// the way repo-server clones any remote (local
// repositories allowed, as FLOTILLA_REPO_ALLOW_LOCAL_URLS=true does).
let root: string;
let origin: string;
const git = (...args: string[]): string => execFileSync('git', args, { cwd: origin, env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' } }).toString().trim();
const write = (path: string, content: string): void => {
  mkdirSync(dirname(join(origin, path)), { recursive: true });
  writeFileSync(join(origin, path), content);
};
const commit = (message: string): string => {
  git('add', '-A');
  git('commit', '-q', '-m', message);
  return git('rev-parse', 'HEAD');
};

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'repo-server-git-'));
  origin = join(root, 'origin');
  mkdirSync(origin);
  git('init', '-q', '-b', 'main');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('GitRepositoryClient', () => {
  it('resolves HEAD, branches, tags and commit SHAs, and sees new commits after a fetch', async () => {
    write('app/cm.yaml', 'a: 1\n');
    const first = commit('first');
    git('tag', 'v1.0.0');
    git('tag', '-a', 'v1.0.1', '-m', 'annotated');
    git('checkout', '-q', '-b', 'feature');
    write('app/cm.yaml', 'a: 2\n');
    const feature = commit('feature');
    git('checkout', '-q', 'main');

    const repo = new GitRepositoryClient(`file://${origin}`, join(root, 'cache'), {}, LOCAL_REPOSITORIES);
    expect(await repo.resolveRevision('HEAD')).toBe(first);
    expect(await repo.resolveRevision('')).toBe(first);
    expect(await repo.resolveRevision('main')).toBe(first);
    expect(await repo.resolveRevision('feature')).toBe(feature);
    expect(await repo.resolveRevision('v1.0.0')).toBe(first);
    expect(await repo.resolveRevision('v1.0.1')).toBe(first);
    expect(await repo.resolveRevision(feature)).toBe(feature);
    expect(await repo.resolveRevision(feature.slice(0, 10))).toBe(feature);

    write('app/cm.yaml', 'a: 3\n');
    const second = commit('second');
    expect(await repo.resolveRevision('main', { fetch: false })).toBe(first);
    expect(await repo.resolveRevision('main')).toBe(second);
    expect((await repo.listRefs()).map((r) => `${r.kind}:${r.name}`).sort()).toEqual(['branch:feature', 'branch:main', 'tag:v1.0.0', 'tag:v1.0.1']);
  });

  it('reads the files of a path at any commit without a working tree', async () => {
    write('apps/web/deploy.yaml', 'kind: Deployment\n');
    write('apps/web/nested/svc.yaml', 'kind: Service\n');
    write('README.md', 'hi\n');
    const sha = commit('apps');
    write('apps/web/deploy.yaml', 'kind: Changed\n');
    commit('later');
    const repo = new GitRepositoryClient(`file://${origin}`, join(root, 'cache'), {}, LOCAL_REPOSITORIES);
    await repo.fetch();
    const files = await repo.listFiles(sha, 'apps/web');
    expect(files.map((f) => f.path)).toEqual(['apps/web/deploy.yaml', 'apps/web/nested/svc.yaml']);
    const blobs = await repo.readBlobs(files);
    expect(blobs.get('apps/web/deploy.yaml')!.toString()).toBe('kind: Deployment\n');
    expect(await repo.listDirectories(sha, 'apps')).toEqual(['apps/web', 'apps/web/nested']);
    await expect(repo.listFiles(sha, '../etc')).rejects.toThrow('leaves the repository');
  });

  it('says which revision it cannot resolve, and why a fetch failed, without leaking credentials', async () => {
    write('a.yaml', 'a: 1\n');
    commit('one');
    const repo = new GitRepositoryClient(`file://${origin}`, join(root, 'cache'), {}, LOCAL_REPOSITORIES);
    await expect(repo.resolveRevision('no-such-branch')).rejects.toThrow(`unable to resolve 'no-such-branch' to a commit SHA`);
    const missing = new GitRepositoryClient(`file://${root}/nowhere`, join(root, 'cache'), { username: 'bob', password: 's3cret-pw' }, LOCAL_REPOSITORIES);
    const err = await missing.fetch().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GitError);
    expect((err as Error).message).toContain(`failed to fetch file://${root}/nowhere`);
    expect((err as Error).message).not.toContain('s3cret-pw');
    expect(maskSecrets('fatal: https://bob:pw@example.com/x.git not found')).toBe('fatal: https://***@example.com/x.git not found');
  });

  it('clones shallowly when asked, and fetches an older or unreferenced commit by SHA when one is needed', async () => {
    write('a.yaml', 'v: 1\n');
    const first = commit('one');
    write('a.yaml', 'v: 2\n');
    commit('two');
    write('b.yaml', 'v: 3\n');
    const head = commit('three');
    git('checkout', '-q', '--detach');
    write('pr.yaml', 'v: pr\n');
    const unreferenced = commit('a pull request head');
    git('update-ref', 'refs/pull/1/head', unreferenced);
    git('checkout', '-q', 'main');

    const shallow = new GitRepositoryClient(`file://${origin}`, join(root, 'shallow'), { depth: 1 }, LOCAL_REPOSITORIES);
    expect(await shallow.resolveRevision('main')).toBe(head);
    const inClone = (...args: string[]): string => execFileSync('git', args, { cwd: shallow.dir }).toString().trim();
    expect(inClone('rev-parse', '--is-shallow-repository')).toBe('true');
    expect(inClone('rev-list', '--count', 'main')).toBe('1');
    expect(await shallow.resolveRevision(first, { fetch: false })).toBe(first);
    expect((await shallow.readBlobs(await shallow.listFiles(first))).get('a.yaml')!.toString()).toBe('v: 1\n');
    expect(await shallow.changedFiles(first, head)).toEqual(['a.yaml', 'b.yaml']);

    const full = new GitRepositoryClient(`file://${origin}`, join(root, 'full'), {}, LOCAL_REPOSITORIES);
    await full.fetch();
    expect(await full.resolveRevision(unreferenced, { fetch: false })).toBe(unreferenced);
    await expect(full.resolveRevision('f'.repeat(40), { fetch: false })).rejects.toThrow(`unable to resolve '${'f'.repeat(40)}'`);
  });
});

describe('gitAuth', () => {
  const sshConfig = (command: string): string => execFileSync('sh', ['-c', `${command} -G git.example.com`]).toString();

  it('checks ssh host keys strictly against the configured known hosts file, unless the repository is insecure', () => {
    const knownHosts = join(root, "known hosts");
    writeFileSync(knownHosts, 'git.example.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl\n');
    const auth = gitAuth({ sshPrivateKey: '-----BEGIN OPENSSH PRIVATE KEY-----\nnot-a-real-key\n-----END OPENSSH PRIVATE KEY-----' }, { sshKnownHostsFile: knownHosts });
    try {
      const effective = sshConfig(auth.env.GIT_SSH_COMMAND);
      expect(effective).toContain(`userknownhostsfile ${knownHosts}`);
      expect(effective).toContain('stricthostkeychecking true');
      expect(effective).toContain('identitiesonly yes');
    } finally {
      auth.dispose();
    }
    const insecure = gitAuth({ insecure: true }, { sshKnownHostsFile: knownHosts });
    expect(sshConfig(insecure.env.GIT_SSH_COMMAND)).toContain('stricthostkeychecking false');
    expect(gitAuth({}, {}).env.GIT_SSH_COMMAND).toBeUndefined();
  });
});

