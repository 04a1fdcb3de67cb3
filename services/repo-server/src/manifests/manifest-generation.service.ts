import { ManifestCacheStore } from '../cache/manifest-cache.store';
import { GitCredentials } from '../git/git-credentials';
import { RepositoryRegistry } from '../git/repository.registry';
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
  /** Overrides source.targetRevision (a sync to a given revision). */
  revision?: string;
  /** Skip the cache and render again (a hard refresh). */
  noCache?: boolean;
  /** Fetch before resolving the revision, whatever the fetch TTL says. */
  noRevisionCache?: boolean;
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

/** The source's path is not a directory at the resolved commit. */
export class AppPathError extends Error {}

/**
 * GenerateManifest: resolve the revision, serve from the cache when this commit and source were
 * rendered before, otherwise read the files at that commit and render them.
 */
export class ManifestGenerationService {
  constructor(
    private readonly repos: RepositoryRegistry,
    private readonly cache: ManifestCacheStore,
  ) {}

  async generate(req: ManifestRequest): Promise<GeneratedManifests> {
    const { source } = req;
    for (const tool of ['helm', 'kustomize', 'plugin'] as const) {
      if (source[tool]) throw new UnsupportedSourceError(`${tool} sources are not rendered by this repo-server yet; ${source.repoURL} ${source.path ?? ''} asks for ${tool}`);
    }
    const creds = req.credentials ?? {};
    const { sha: revision } = await this.repos.resolve(source.repoURL, creds, req.revision || source.targetRevision, req.noRevisionCache);
    if (!req.noCache) {
      const cached = await this.cache.get(source.repoURL, revision, source);
      if (cached) return { revision, manifests: cached.manifests, sourceType: 'Directory', fromCache: true };
    }
    const repo = this.repos.get(source.repoURL, creds);
    const path = source.path ?? '.';
    const tree = await repo.listFiles(revision, path);
    if (!tree.length && path !== '.' && !(await repo.listDirectories(revision, path)).length) {
      throw new AppPathError(`${path}: app path does not exist at ${revision.slice(0, 7)}`);
    }
    const files = selectDirectoryFiles(tree, path, source.directory);
    const blobs = await repo.readBlobs(files);
    const manifests = renderDirectory(files.map((f) => ({ path: f.path, content: blobs.get(f.path)! })));
    await this.cache.set(source.repoURL, revision, source, { revision, manifests, renderedAt: new Date().toISOString() });
    return { revision, manifests, sourceType: 'Directory', fromCache: false };
  }
}
