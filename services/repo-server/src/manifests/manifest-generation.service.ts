import { ManifestCacheStore } from '../cache/manifest-cache.store';
import { GitCredentials } from '../git/git-credentials';
import { GitRepositoryClient } from '../git/git-repository.client';
import { DirectoryOptions, Manifest, renderDirectory, selectDirectoryFiles } from '../render/directory.renderer';

/** `spec.source` of an Application (the fields repo-server reads). */
export interface ApplicationSource {
  repoURL: string;
  path?: string;
  targetRevision?: string;
  directory?: DirectoryOptions;
  helm?: unknown;
  kustomize?: unknown;
  plugin?: unknown;
}

export interface ManifestRequest {
  source: ApplicationSource;
  credentials?: GitCredentials;
  /** Skip the cache and render again (a hard refresh). */
  noCache?: boolean;
}

export interface GeneratedManifests {
  /** The commit SHA the manifests were rendered from. */
  revision: string;
  manifests: Manifest[];
  sourceType: 'Directory';
  fromCache: boolean;
}

/** A source this repo-server cannot render yet; the message says which kind and why. */
export class UnsupportedSourceError extends Error {}

/**
 * GenerateManifest: resolve the revision, serve from the cache when this commit and source were
 * rendered before, otherwise read the files at that commit and render them.
 */
export class ManifestGenerationService {
  private readonly repos = new Map<string, GitRepositoryClient>();

  constructor(
    private readonly cacheDir: string,
    private readonly cache: ManifestCacheStore,
  ) {}

  async generate(req: ManifestRequest): Promise<GeneratedManifests> {
    const { source } = req;
    for (const tool of ['helm', 'kustomize', 'plugin'] as const) {
      if (source[tool]) throw new UnsupportedSourceError(`${tool} sources are not rendered by this repo-server yet; ${source.repoURL} ${source.path ?? ''} asks for ${tool}`);
    }
    const repo = this.repository(source.repoURL, req.credentials);
    const revision = await repo.resolveRevision(source.targetRevision);
    if (!req.noCache) {
      const cached = await this.cache.get(source.repoURL, revision, source);
      if (cached) return { revision, manifests: cached.manifests, sourceType: 'Directory', fromCache: true };
    }
    const path = source.path ?? '.';
    const files = selectDirectoryFiles(await repo.listFiles(revision, path), path, source.directory);
    const blobs = await repo.readBlobs(files);
    const manifests = renderDirectory(files.map((f) => ({ path: f.path, content: blobs.get(f.path)! })));
    await this.cache.set(source.repoURL, revision, source, { revision, manifests, renderedAt: new Date().toISOString() });
    return { revision, manifests, sourceType: 'Directory', fromCache: false };
  }

  private repository(url: string, creds?: GitCredentials): GitRepositoryClient {
    let repo = this.repos.get(url);
    if (!repo) this.repos.set(url, (repo = new GitRepositoryClient(url, this.cacheDir, creds)));
    return repo;
  }
}
