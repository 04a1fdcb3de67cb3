import { minimatch } from 'minimatch';
import type { AppListStore } from '../cache/app-list.store';
import { DiscoveredApps, discoverApps } from '../details/app-discovery';
import { CheckoutTree } from '../workspace/checkout-paths';
import type { GitCredentials } from './git-credentials';
import type { CommitMetadata } from './git-repository.client';
import type { ResolvedRevision } from './repository.registry';
import { RepositoryRegistry } from './repository.registry';

export interface GitRefs {
  branches: string[];
  tags: string[];
}

/** How much of a repository ListApps walks, and for how long. */
export interface DiscoveryOptions {
  /** Remembers each commit's answer (Redis); without it every call walks the tree. */
  apps?: AppListStore;
  maxEntries?: number;
  timeoutMs?: number;
}

const DEFAULT_DISCOVERY = { maxEntries: 200_000, timeoutMs: 30_000 };

/** A branch, tag or HEAD where a commit SHA is needed. */
export class RevisionNotResolvedError extends Error {}

const hidden = (path: string): boolean => path.split('/').some((segment) => segment.startsWith('.'));

/**
 * What the ApplicationSet git generators and the API ask of a repository without rendering:
 * refs, a revision's SHA, the files matching a glob, the directories.
 */
export class GitQueryService {
  constructor(
    private readonly repos: RepositoryRegistry,
    private readonly discovery: DiscoveryOptions = {},
  ) {}

  resolveRevision(url: string, creds: GitCredentials, revision: string, fresh = false): Promise<ResolvedRevision> {
    return this.repos.resolve(url, creds, revision, fresh);
  }

  async listRefs(url: string, creds: GitCredentials): Promise<GitRefs> {
    const repo = await this.repos.ensureFetched(url, creds, true);
    const refs = await repo.listRefs();
    const names = (kind: 'branch' | 'tag'): string[] =>
      refs
        .filter((r) => r.kind === kind)
        .map((r) => r.name)
        .sort();
    return { branches: names('branch'), tags: names('tag') };
  }

  /**
   * Files whose path matches `pattern` at the revision, with their content. Argo's default is Go's
   * filepath.Match (`*` stays within a directory, `**` is just `*`); the new globbing allows `**`.
   */
  async gitFiles(url: string, creds: GitCredentials, revision: string, pattern: string, opts: { globstar?: boolean; fresh?: boolean } = {}): Promise<Map<string, Buffer>> {
    const { sha } = await this.repos.resolve(url, creds, revision, opts.fresh);
    const repo = this.repos.get(url, creds);
    const matching = (await repo.listFiles(sha)).filter((f) => minimatch(f.path, pattern, { dot: true, noglobstar: !opts.globstar }));
    return repo.readBlobs(matching);
  }

  /** Author, date, message and tags of a commit, named by its full or abbreviated SHA (Argo's GetRevisionMetadata). */
  async revisionMetadata(url: string, creds: GitCredentials, revision: string): Promise<CommitMetadata & { sha: string }> {
    if (!/^[0-9a-f]{7,40}$/i.test(revision)) throw new RevisionNotResolvedError(`revision ${revision} must be resolved`);
    const { sha } = await this.repos.resolve(url, creds, revision.toLowerCase());
    return { sha, ...(await this.repos.get(url, creds).commitMetadata(sha)) };
  }

  /**
   * Argo's ListApps: the Helm and Kustomize directories of the checkout at the revision (HEAD when
   * empty), each commit's answer cached. The tree is read from the shared clone, links resolved as
   * the checkout GenerateManifest writes resolves them; nothing outside the repository is read.
   */
  async listApps(url: string, creds: GitCredentials, revision: string): Promise<DiscoveredApps> {
    const started = Date.now();
    const { sha } = await this.repos.resolve(url, creds, revision);
    const cached = await this.discovery.apps?.get(url, sha);
    if (cached) return cached;
    const repo = this.repos.get(url, creds);
    const view = await CheckoutTree.load(repo, await repo.listTree(sha));
    const apps = discoverApps(view, {
      maxEntries: this.discovery.maxEntries ?? DEFAULT_DISCOVERY.maxEntries,
      deadline: started + (this.discovery.timeoutMs ?? DEFAULT_DISCOVERY.timeoutMs),
    });
    await this.discovery.apps?.set(url, sha, apps);
    return apps;
  }

  /** Every directory at the revision except hidden ones (`.github`, `.argocd`), as Argo lists them. */
  async gitDirectories(url: string, creds: GitCredentials, revision: string, fresh = false): Promise<string[]> {
    const { sha } = await this.repos.resolve(url, creds, revision, fresh);
    const dirs = await this.repos.get(url, creds).listDirectories(sha);
    return dirs.filter((d) => !hidden(d)).sort();
  }
}
