import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Redis from 'ioredis';
import { ManifestCacheStore } from '../cache/manifest-cache.store';
import { RepositoryRegistry } from '../git/repository.registry';
import { ManifestGenerationService } from './manifest-generation.service';

// GenerateManifest against a real git repository and the real Redis.
const redis = new Redis({ host: '127.0.0.1', port: 6379, maxRetriesPerRequest: 1 });
const prefix = `flotilla-test:gen:${process.pid}:${Date.now()}`;
let root: string;
let origin: string;
let service: ManifestGenerationService;

const git = (...args: string[]): string => execFileSync('git', args, { cwd: origin, env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' } }).toString().trim();
const write = (path: string, content: string): void => {
  mkdirSync(dirname(join(origin, path)), { recursive: true });
  writeFileSync(join(origin, path), content);
};
const commit = (): string => {
  git('add', '-A');
  git('commit', '-q', '-m', 'change');
  return git('rev-parse', 'HEAD');
};
const deployment = (replicas: number): string => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: ${replicas}\n`;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'repo-server-gen-'));
  origin = join(root, 'origin');
  mkdirSync(origin);
  git('init', '-q', '-b', 'main');
  service = new ManifestGenerationService(new RepositoryRegistry(join(root, 'cache'), 0), new ManifestCacheStore(redis, 60, prefix));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));
afterAll(async () => {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
});

describe('ManifestGenerationService', () => {
  it('renders the path at the resolved commit, then serves the same commit from the cache', async () => {
    write('app/deploy.yaml', deployment(2));
    write('app/extra/cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra\n');
    const sha = commit();
    const source = { repoURL: `file://${origin}`, path: 'app', targetRevision: 'main' };
    const first = await service.generate({ source });
    expect(first).toMatchObject({ revision: sha, fromCache: false, sourceType: 'Directory' });
    expect(first.manifests.map((m) => m.kind)).toEqual(['Deployment']);
    expect(await service.generate({ source })).toMatchObject({ revision: sha, fromCache: true, manifests: first.manifests });
    const recursive = await service.generate({ source: { ...source, directory: { recurse: true } } });
    expect(recursive.fromCache).toBe(false);
    expect(recursive.manifests.map((m) => m.kind)).toEqual(['Deployment', 'ConfigMap']);
  });

  it('follows a branch to its new commit', async () => {
    write('app/deploy.yaml', deployment(2));
    commit();
    const source = { repoURL: `file://${origin}`, path: 'app', targetRevision: 'HEAD' };
    await service.generate({ source });
    write('app/deploy.yaml', deployment(5));
    const next = commit();
    const out = await service.generate({ source });
    expect(out).toMatchObject({ revision: next, fromCache: false });
    expect((out.manifests[0].spec as { replicas: number }).replicas).toBe(5);
  });

  it('fails with the file and line of a malformed manifest, and refuses sources it cannot render', async () => {
    write('app/deploy.yaml', deployment(2));
    write('app/broken.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: [\n');
    commit();
    await expect(service.generate({ source: { repoURL: `file://${origin}`, path: 'app' } })).rejects.toThrow(/^app\/broken\.yaml:\d+:\d+: invalid YAML/);
    await expect(service.generate({ source: { repoURL: `file://${origin}`, path: 'app', plugin: { name: 'cmp' } } })).rejects.toThrow('config management plugins are not supported');
  });
});
