import type { ApplicationSource } from '@flotilla/api-types';
import { filesTouchPaths, manifestGeneratePaths } from '@flotilla/api-types';
import { CachedManifests, ManifestCacheStore } from '../cache/manifest-cache.store';
import type { PausedRender, RenderFailureStore } from '../cache/render-failure.store';
import { GitCredentials } from '../git/git-credentials';
import { GitError, RepositoryUrlError, RevisionNotFoundError } from '../git/git-repository.client';
import { RepositoryRegistry } from '../git/repository.registry';
import { helmCredentialsOf, HelmRepositoryUnreachableError, resolveChartVersion } from '../helm/helm-chart-repository.client';
import { DEFAULT_RENDER_LIMITS, RenderLimits, RenderSafetyError } from '../limits/render-limits';
import { RenderParallelismLimiter } from '../limits/render-parallelism.limiter';
import { buildEnv } from '../render/build-env';
import { Manifest } from '../render/directory.renderer';
import type { HelmRepoCredentials, ToolBinaries } from '../render/render-context';
import type { SourceType } from '../render/source-type.detector';
import { normalizeAppPath, SourceRenderService } from './source-render.service';

export { AppPathError, UnsupportedSourceError } from './source-render.service';

/** Another source of a multi-source Application, named by its `ref` alias. */
export interface RefSource {
  repoURL: string;
  targetRevision?: string;
  credentials?: GitCredentials;
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
  appName?: string;
  /** The destination namespace (helm --namespace, ARGOCD_APP_NAMESPACE). */
  namespace?: string;
  projectName?: string;
  kubeVersion?: string;
  apiVersions?: string[];
  /** `ref` alias → source, for `$alias/…` value files. */
  refSources?: Record<string, RefSource>;
  /** The app's manifest-generate-paths annotation: a new commit outside these paths reuses the last render. */
  manifestGeneratePaths?: string;
}

export interface GeneratedManifests {
  /** The commit SHA (or chart version) the manifests were rendered from. */
  revision: string;
  manifests: Manifest[];
  sourceType: SourceType;
  fromCache: boolean;
  /** The render of this earlier commit was reused: nothing under manifest-generate-paths changed since. */
  reusedFrom?: string;
  /** Set when git could not be reached and the last good render was served instead: why. */
  staleReason?: string;
}

export interface ManifestGenerationOptions {
  limits?: RenderLimits;
  tools?: ToolBinaries;
  parallelismLimit?: number;
  /** Pauses an input after repeated failures; without it every request renders. */
  failures?: RenderFailureStore;
}

const DEFAULT_TOOLS: ToolBinaries = { helm: 'helm', kubectl: 'kubectl', path: '/usr/local/bin:/usr/bin:/bin', chartCacheDir: '/tmp/flotilla-helm-charts' };

/**
 * GenerateManifest: resolve the revision, serve from the cache when this commit and source were
 * rendered before, otherwise render (within parallelismLimit) and cache the result.
 */
export class ManifestGenerationService {
  readonly limiter: RenderParallelismLimiter;
  private readonly limits: RenderLimits;
  private readonly tools: ToolBinaries;
  private readonly renderer = new SourceRenderService();
  private readonly failures?: RenderFailureStore;

  constructor(
    private readonly repos: RepositoryRegistry,
    private readonly cache: ManifestCacheStore,
    opts: ManifestGenerationOptions = {},
  ) {
    this.limits = opts.limits ?? DEFAULT_RENDER_LIMITS;
    this.tools = opts.tools ?? DEFAULT_TOOLS;
    this.limiter = new RenderParallelismLimiter(opts.parallelismLimit ?? 0);
    this.failures = opts.failures;
  }

  async generate(req: ManifestRequest): Promise<GeneratedManifests> {
    const { source } = req;
    const appPath = normalizeAppPath(source.path);
    const creds = req.credentials ?? {};
    const fromHelmRepo = !!source.chart;
    const helmCredentials = fromHelmRepo ? helmCredentialsOf(creds) : undefined;
    // What was asked for, before any revision is resolved: the key of the last good render.
    const identity = {
      source,
      revision: req.revision ?? '',
      appName: req.appName ?? '',
      namespace: req.namespace ?? '',
      kubeVersion: req.kubeVersion ?? '',
      apiVersions: req.apiVersions ?? [],
      refs: Object.fromEntries(Object.entries(req.refSources ?? {}).map(([a, r]) => [a, `${r.repoURL}@${r.targetRevision ?? ''}`])),
    };
    let revision: string;
    let refs: Map<string, ResolvedRef>;
    try {
      ({ revision, refs } = await this.resolve(req, helmCredentials));
    } catch (err) {
      if (!isUnreachable(err)) throw err;
      const last = await this.cache.lastRendered(source.repoURL, identity);
      if (!last) throw err;
      const staleReason = `${(err as Error).message}; serving the manifests last rendered from ${last.sha} at ${last.entry.renderedAt}`;
      return { revision: last.sha, manifests: last.entry.manifests, sourceType: sourceTypeOf(last.entry), fromCache: true, staleReason };
    }
    // Everything the output depends on besides the commit; a directory render ignores the rest, so it shares entries.
    const key = { source, appName: req.appName ?? '', namespace: req.namespace ?? '', kubeVersion: req.kubeVersion ?? '', apiVersions: req.apiVersions ?? [], refs: Object.fromEntries([...refs].map(([a, r]) => [a, `${r.repoURL}@${r.sha}`])) };
    const cacheKey = fromHelmRepo || source.helm || source.kustomize || refs.size || source.directory?.jsonnet ? key : source;
    const remember = (): Promise<void> => this.cache.setLastRendered(source.repoURL, identity, revision, cacheKey);
    if (!req.noCache) {
      const cached = await this.cache.get(source.repoURL, revision, cacheKey);
      if (cached) {
        await remember();
        return { revision: cached.revision, manifests: cached.manifests, sourceType: sourceTypeOf(cached), fromCache: true };
      }
      const paused = await this.failures?.paused(source.repoURL, revision, cacheKey);
      if (paused) throw new RenderPausedError(paused);
      if (!fromHelmRepo && !refs.size) {
        const reused = await this.reuseUnchanged(req, identity, revision, cacheKey, creds);
        if (reused) {
          const { reusedFrom, ...entry } = reused;
          await Promise.all([this.cache.set(source.repoURL, revision, cacheKey, entry), remember()]);
          return { revision, manifests: entry.manifests, sourceType: sourceTypeOf(entry), fromCache: true, reusedFrom };
        }
      }
    }
    let out: Awaited<ReturnType<SourceRenderService['render']>>;
    try {
      // A source that only provides `ref` files to the others renders nothing (Argo's multi-source),
      // but is cached like any render so that it too has a last good state.
      out =
        source.ref && !source.path && !source.chart
          ? { manifests: [], type: 'Directory' }
          : await this.limiter.run(() =>
              this.renderer.render({
                source,
                appPath,
                repo: fromHelmRepo ? undefined : this.repos.get(source.repoURL, creds),
                sha: fromHelmRepo ? undefined : revision,
                refs: new Map([...refs].map(([a, r]) => [a, { repo: this.repos.get(r.repoURL, r.creds), sha: r.sha }])),
                appName: req.appName ?? '',
                namespace: req.namespace ?? '',
                kubeVersion: req.kubeVersion || undefined,
                apiVersions: req.apiVersions ?? [],
                env: buildEnv({ appName: req.appName, namespace: req.namespace, projectName: req.projectName, revision, repoURL: source.repoURL, path: source.path, targetRevision: source.targetRevision }),
                limits: this.limits,
                tools: this.tools,
                helmCredentials,
              }),
            );
      const size = out.manifests.reduce((n, m) => n + JSON.stringify(m).length, 0);
      if (size > this.limits.maxManifestBytes) throw new RenderSafetyError(`${source.chart ?? appPath}: rendered manifests total ${size} bytes, over the ${this.limits.maxManifestBytes} byte limit`);
    } catch (err) {
      await this.failures?.recordFailure(source.repoURL, revision, cacheKey, err instanceof Error ? err.message : String(err));
      throw err;
    }
    const entry: CachedManifests = { revision, manifests: out.manifests, renderedAt: new Date().toISOString(), sourceType: out.type };
    await Promise.all([this.cache.set(source.repoURL, revision, cacheKey, entry), remember(), this.failures?.clear(source.repoURL, revision, cacheKey)]);
    return { revision, manifests: out.manifests, sourceType: out.type, fromCache: false };
  }

  private async resolve(req: ManifestRequest, helmCredentials: HelmRepoCredentials | undefined): Promise<{ revision: string; refs: Map<string, ResolvedRef> }> {
    const { source } = req;
    const targetRevision = req.revision || source.targetRevision;
    const revision = source.chart
      ? await resolveChartVersion(source.repoURL, source.chart, targetRevision || '*', helmCredentials, this.limits.maxManifestBytes, this.tools.tlsDataPath)
      : (await this.repos.resolve(source.repoURL, req.credentials ?? {}, targetRevision, req.noRevisionCache)).sha;
    const refs = new Map<string, ResolvedRef>();
    for (const [alias, ref] of Object.entries(req.refSources ?? {})) {
      const refCreds = ref.credentials ?? {};
      refs.set(alias, { repoURL: ref.repoURL, creds: refCreds, sha: (await this.repos.resolve(ref.repoURL, refCreds, ref.targetRevision, req.noRevisionCache)).sha });
    }
    return { revision, refs };
  }

  /**
   * The manifest-generate-paths annotation: when the commit this request last rendered at is
   * still cached and nothing under the annotated paths changed since, that render is this
   * commit's too, and no tool runs.
   */
  private async reuseUnchanged(req: ManifestRequest, identity: unknown, revision: string, cacheKey: unknown, creds: GitCredentials): Promise<(CachedManifests & { reusedFrom: string }) | undefined> {
    const paths = manifestGeneratePaths(req.manifestGeneratePaths, req.source.path);
    if (!paths) return undefined;
    const last = await this.cache.lastRendered(req.source.repoURL, identity);
    if (!last || last.sha === revision) return undefined;
    let changed: string[];
    try {
      changed = await this.repos.get(req.source.repoURL, creds).changedFiles(last.sha, revision);
    } catch {
      // The earlier commit is gone (a force push): render afresh.
      return undefined;
    }
    if (filesTouchPaths(paths, changed)) return undefined;
    return { ...last.entry, revision, reusedFrom: last.sha };
  }
}

interface ResolvedRef {
  repoURL: string;
  creds: GitCredentials;
  sha: string;
}

const sourceTypeOf = (entry: CachedManifests): SourceType => (entry.sourceType ?? 'Directory') as SourceType;

/** Git or a Helm repository could not be reached (as opposed to: it answered that the revision does not exist). */
/** git or a Helm repository did not answer; a URL refused by policy, or a revision that is not there, is an answer. */
const isUnreachable = (err: unknown): boolean => (err instanceof GitError && !(err instanceof RevisionNotFoundError) && !(err instanceof RepositoryUrlError)) || err instanceof HelmRepositoryUnreachableError;

/** An input that failed repeatedly is paused: its requests get the last error without a render. */
export class RenderPausedError extends Error {
  constructor(readonly pause: PausedRender) {
    const until = pause.until ? ` until ${pause.until.toISOString()}` : '';
    super(`${pause.error} (manifest generation paused${until} after ${pause.failures} consecutive failures of this source at this revision; a hard refresh retries now)`);
  }
}
