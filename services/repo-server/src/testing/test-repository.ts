import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Redis } from 'ioredis';
import { parseAllDocuments } from 'yaml';
import { ManifestCacheStore } from '../cache/manifest-cache.store';
import type { GitTransportOptions } from '../git/git-credentials';
import { RepositoryRegistry } from '../git/repository.registry';
import { ManifestGenerationService } from '../manifests/manifest-generation.service';
import { gitTransportOf, loadRepoServerConfig, renderLimitsOf, RepoServerConfig, toolBinariesOf } from '../repo-server.config';

/** helm 3.18 and kubectl 1.33 from the workspace's .tools/bin, ahead of the machine's PATH. */
export const TOOLS_PATH = `${resolve(__dirname, '../../../../.tools/bin')}:${process.env.PATH ?? '/usr/bin:/bin'}`;

/**
 * repo-server configuration for specs: tools on TOOLS_PATH, caches under `root`, and local
 * repositories allowed, as an operator would allow them, because TestRepository serves file:// URLs.
 */
export const testConfig = (root: string, env: Record<string, string> = {}): RepoServerConfig =>
  loadRepoServerConfig({ PATH: TOOLS_PATH, FLOTILLA_REPO_CACHE_DIR: join(root, 'cache'), FLOTILLA_REPO_ALLOW_LOCAL_URLS: 'true', ...env });

/** The transport option that lets a GitRepositoryClient or RepositoryRegistry fetch a TestRepository. */
export const LOCAL_REPOSITORIES: GitTransportOptions = { allowLocalUrls: true };

/** A registry for `config`, which fetches TestRepository's file:// URLs when the config allows them (testConfig does). */
export const testRegistry = (config: RepoServerConfig, fetchTtlMs = 0): RepositoryRegistry =>
  new RepositoryRegistry(config.FLOTILLA_REPO_CACHE_DIR, fetchTtlMs, Date.now, gitTransportOf(config));

/** The manifest service as repo-server wires it for `config`, caching under `prefix` in `redis`. */
export const testManifestService = (config: RepoServerConfig, redis: Redis, prefix: string): ManifestGenerationService =>
  new ManifestGenerationService(testRegistry(config), new ManifestCacheStore(redis, 60, prefix), { limits: renderLimitsOf(config), tools: toolBinariesOf(config) });

/** Removes a spec's keys (everything under `prefix:`) and closes its Redis connection. */
export async function releaseSpecRedis(redis: Redis, prefix: string): Promise<void> {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
}

const GIT_ENV = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' };

/** A git repository in a temporary directory that a spec writes and commits to. */
export class TestRepository {
  readonly root = mkdtempSync(join(tmpdir(), 'repo-server-spec-'));
  readonly dir = join(this.root, 'origin');
  readonly url = `file://${this.dir}`;

  constructor() {
    mkdirSync(this.dir);
    this.git('init', '-q', '-b', 'main');
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, env: { ...process.env, ...GIT_ENV } }).toString().trim();
  }

  write(path: string, content: string | Buffer): this {
    mkdirSync(dirname(join(this.dir, path)), { recursive: true });
    writeFileSync(join(this.dir, path), content);
    return this;
  }

  symlink(path: string, target: string): this {
    mkdirSync(dirname(join(this.dir, path)), { recursive: true });
    symlinkSync(target, join(this.dir, path));
    return this;
  }

  commit(): string {
    this.git('add', '-A');
    this.git('commit', '-q', '-m', 'change');
    return this.git('rev-parse', 'HEAD');
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** Runs a tool the way a user would on the command line, for expected output. */
export const runCli = (cmd: string, args: string[], cwd: string): string => execFileSync(cmd, args, { cwd, env: { ...process.env, PATH: TOOLS_PATH } }).toString();

/** The objects in a multi-document YAML stream, as the tools print them. */
export const yamlObjects = (text: string): unknown[] =>
  parseAllDocuments(text)
    .map((d) => d.toJS() as unknown)
    .filter((v) => v !== null && v !== undefined);
