import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Redis from 'ioredis';
import { ManifestCacheStore } from '../cache/manifest-cache.store';
import { RenderFailureStore } from '../cache/render-failure.store';
import { RepositoryRegistry } from '../git/repository.registry';
import { LOCAL_REPOSITORIES, releaseSpecRedis } from '../testing/test-repository';
import { ManifestGenerationService, RenderPausedError } from './manifest-generation.service';

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
  service = new ManifestGenerationService(new RepositoryRegistry(join(root, 'cache'), 0, Date.now, LOCAL_REPOSITORIES), new ManifestCacheStore(redis, 60, prefix));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));
afterAll(async () => {
  await releaseSpecRedis(redis, prefix);
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

  it('reuses the last render for a commit that changes nothing under manifest-generate-paths', async () => {
    write('apps/web/deploy.yaml', deployment(2));
    write('docs/README.md', 'v1');
    const first = commit();
    const source = { repoURL: `file://${origin}`, path: 'apps/web', targetRevision: 'main' };
    const paths = '.;/shared';
    expect(await service.generate({ source, manifestGeneratePaths: paths })).toMatchObject({ revision: first, fromCache: false });

    write('docs/README.md', 'v2');
    const docsOnly = commit();
    const reused = await service.generate({ source, manifestGeneratePaths: paths });
    expect(reused).toMatchObject({ revision: docsOnly, fromCache: true, reusedFrom: first });
    // The reused render is now cached under the new commit too.
    const again = await service.generate({ source, manifestGeneratePaths: paths });
    expect(again).toMatchObject({ revision: docsOnly, fromCache: true });
    expect(again.reusedFrom).toBeUndefined();

    write('shared/values.yaml', 'a: 1');
    const sharedChange = commit();
    expect(await service.generate({ source, manifestGeneratePaths: paths })).toMatchObject({ revision: sharedChange, fromCache: false });

    write('apps/web/deploy.yaml', deployment(7));
    const appChange = commit();
    const rendered = await service.generate({ source, manifestGeneratePaths: paths });
    expect(rendered).toMatchObject({ revision: appChange, fromCache: false });
    expect((rendered.manifests[0].spec as { replicas: number }).replicas).toBe(7);

    // Without the annotation every new commit renders.
    write('docs/README.md', 'v3');
    const unannotated = commit();
    expect(await service.generate({ source })).toMatchObject({ revision: unannotated, fromCache: false });
  });

  it('serves the last good render, saying so, when git cannot be reached', async () => {
    write('app/deploy.yaml', deployment(3));
    const sha = commit();
    const source = { repoURL: `file://${origin}`, path: 'app', targetRevision: 'main' };
    await service.generate({ source, appName: 'web' });
    renameSync(origin, `${origin}-gone`);
    try {
      const stale = await service.generate({ source, appName: 'web', noRevisionCache: true });
      expect(stale).toMatchObject({ revision: sha, fromCache: true });
      expect(stale.staleReason).toMatch(new RegExp(`^failed to fetch file://.*; serving the manifests last rendered from ${sha} at \\d{4}-`, 's'));
      expect((stale.manifests[0].spec as { replicas: number }).replicas).toBe(3);
      // Nothing was rendered before for this app: the error stands.
      await expect(service.generate({ source, appName: 'other', noRevisionCache: true })).rejects.toThrow(/^failed to fetch file:\/\//);
    } finally {
      renameSync(`${origin}-gone`, origin);
    }
  });

  it('never serves a last good render for a URL the repo-server refuses: the refusal is the answer', async () => {
    write('app/deploy.yaml', deployment(2));
    commit();
    const source = { repoURL: `file://${origin}`, path: 'app', targetRevision: 'main' };
    await service.generate({ source, appName: 'refused' });
    const strict = new ManifestGenerationService(new RepositoryRegistry(join(root, 'cache-strict'), 0), new ManifestCacheStore(redis, 60, prefix));
    await expect(strict.generate({ source, appName: 'refused', noRevisionCache: true })).rejects.toThrow(/local repositories are refused unless FLOTILLA_REPO_ALLOW_LOCAL_URLS=true/);
  });

  describe('after repeated failures of one input', () => {
    const source = (): { repoURL: string; path: string } => ({ repoURL: `file://${origin}`, path: 'app' });
    const brokenRepo = (): void => {
      write('app/broken.yaml', 'kind: [\n');
      commit();
    };

    it('pauses for a number of requests, then renders again; a hard refresh does not wait', async () => {
      const failures = new RenderFailureStore(redis, new ManifestCacheStore(redis, 60, prefix), { afterFailures: 2, forMs: 0, forRequests: 2 });
      const paused = new ManifestGenerationService(new RepositoryRegistry(join(root, 'cache'), 60_000, Date.now, LOCAL_REPOSITORIES), new ManifestCacheStore(redis, 60, prefix), { failures });
      brokenRepo();
      await expect(paused.generate({ source: source() })).rejects.toThrow(/invalid YAML/);
      await expect(paused.generate({ source: source() })).rejects.toThrow(/invalid YAML/);
      for (let i = 0; i < 2; i++) {
        const err = await paused.generate({ source: source() }).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(RenderPausedError);
        expect((err as Error).message).toMatch(/^app\/broken\.yaml:.*invalid YAML.*\(manifest generation paused after 2 consecutive failures of this source at this revision; a hard refresh retries now\)$/s);
      }
      // The pause has answered its two requests: the next one renders (and fails) again.
      await expect(paused.generate({ source: source() })).rejects.toThrow(/^app\/broken\.yaml/);
      await expect(paused.generate({ source: source() })).rejects.toThrow(/^app\/broken\.yaml/);
      await expect(paused.generate({ source: source() })).rejects.toBeInstanceOf(RenderPausedError);
      await expect(paused.generate({ source: source(), noCache: true })).rejects.toThrow(/^app\/broken\.yaml/);
    });

    it('pauses for a time, and a success clears the record', async () => {
      let now = 1_000_000;
      const failures = new RenderFailureStore(redis, new ManifestCacheStore(redis, 60, prefix), { afterFailures: 1, forMs: 60_000, forRequests: 0 }, () => now);
      const paused = new ManifestGenerationService(new RepositoryRegistry(join(root, 'cache'), 60_000, Date.now, LOCAL_REPOSITORIES), new ManifestCacheStore(redis, 60, prefix), { failures });
      brokenRepo();
      await expect(paused.generate({ source: source() })).rejects.toThrow(/invalid YAML/);
      const err = await paused.generate({ source: source() }).catch((e: unknown) => e);
      expect((err as Error).message).toContain(`paused until ${new Date(1_000_000 + 60_000).toISOString()} after 1 consecutive failures`);
      now += 61_000;
      await expect(paused.generate({ source: source() })).rejects.not.toBeInstanceOf(RenderPausedError);
    });
  });
});
