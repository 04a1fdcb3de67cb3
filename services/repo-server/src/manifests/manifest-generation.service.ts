import type { ApplicationSource } from '@flotilla/api-types';
import { CachedManifests, ManifestCacheStore } from '../cache/manifest-cache.store';
import { GitCredentials } from '../git/git-credentials';
import { RepositoryRegistry } from '../git/repository.registry';
import { resolveChartVersion } from '../helm/helm-chart-repository.client';
import { DEFAULT_RENDER_LIMITS, RenderLimits, RenderSafetyError } from '../limits/render-limits';
import { RenderParallelismLimiter } from '../limits/render-parallelism.limiter';
import { buildEnv } from '../render/build-env';
import { Manifest } from '../render/directory.renderer';
import type { ToolBinaries } from '../render/render-context';
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
}

export interface GeneratedManifests {
  /** The commit SHA (or chart version) the manifests were rendered from. */
  revision: string;
  manifests: Manifest[];
  sourceType: SourceType;
  fromCache: boolean;
}

export interface ManifestGenerationOptions {
  limits?: RenderLimits;
  tools?: ToolBinaries;
  parallelismLimit?: number;
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

  constructor(
    private readonly repos: RepositoryRegistry,
    private readonly cache: ManifestCacheStore,
    opts: ManifestGenerationOptions = {},
  ) {
    this.limits = opts.limits ?? DEFAULT_RENDER_LIMITS;
    this.tools = opts.tools ?? DEFAULT_TOOLS;
    this.limiter = new RenderParallelismLimiter(opts.parallelismLimit ?? 0);
  }

  async generate(req: ManifestRequest): Promise<GeneratedManifests> {
    const { source } = req;
    const appPath = normalizeAppPath(source.path);
    const creds = req.credentials ?? {};
    const fromHelmRepo = !!source.chart;
    const targetRevision = req.revision || source.targetRevision;
    const helmCredentials = fromHelmRepo ? { username: creds.username, password: creds.password, insecure: creds.insecure } : undefined;
    const revision = fromHelmRepo
      ? await resolveChartVersion(source.repoURL, source.chart!, targetRevision || '*', helmCredentials, this.limits.maxManifestBytes)
      : (await this.repos.resolve(source.repoURL, creds, targetRevision, req.noRevisionCache)).sha;
    const refs = new Map<string, { repoURL: string; creds: GitCredentials; sha: string }>();
    for (const [alias, ref] of Object.entries(req.refSources ?? {})) {
      const refCreds = ref.credentials ?? {};
      refs.set(alias, { repoURL: ref.repoURL, creds: refCreds, sha: (await this.repos.resolve(ref.repoURL, refCreds, ref.targetRevision, req.noRevisionCache)).sha });
    }
    // Everything the output depends on besides the commit; a directory render ignores the rest, so it shares entries.
    const key = { source, appName: req.appName ?? '', namespace: req.namespace ?? '', kubeVersion: req.kubeVersion ?? '', apiVersions: req.apiVersions ?? [], refs: Object.fromEntries([...refs].map(([a, r]) => [a, `${r.repoURL}@${r.sha}`])) };
    const cacheKey = fromHelmRepo || source.helm || source.kustomize || refs.size || source.directory?.jsonnet ? key : source;
    if (!req.noCache) {
      const cached = await this.cache.get(source.repoURL, revision, cacheKey);
      if (cached) return { revision: cached.revision, manifests: cached.manifests, sourceType: (cached.sourceType ?? 'Directory') as SourceType, fromCache: true };
    }
    // A source that only provides `ref` files to the others renders nothing (Argo's multi-source).
    if (source.ref && !source.path && !source.chart) return { revision, manifests: [], sourceType: 'Directory', fromCache: false };
    const out = await this.limiter.run(() =>
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
    const entry: CachedManifests = { revision, manifests: out.manifests, renderedAt: new Date().toISOString(), sourceType: out.type };
    await this.cache.set(source.repoURL, revision, cacheKey, entry);
    return { revision, manifests: out.manifests, sourceType: out.type, fromCache: false };
  }
}
