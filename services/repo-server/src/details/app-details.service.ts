import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, relative } from 'node:path';
import type { ApplicationSource } from '@flotilla/api-types';
import type { GitCredentials } from '../git/git-credentials';
import { RepositoryRegistry } from '../git/repository.registry';
import { helmCredentialsOf, pullChart } from '../helm/helm-chart-repository.client';
import type { ManifestGenerationService } from '../manifests/manifest-generation.service';
import { AppPathError, normalizeAppPath, UnsupportedSourceError } from '../manifests/source-render.service';
import { detectSourceType, SourceType } from '../render/source-type.detector';
import { CheckoutTree } from '../workspace/checkout-paths';
import { helmAppSpec, HelmAppSpec } from './helm-app-spec';
import { imagesOf } from './kustomize-images';

export type { SourceType } from '../render/source-type.detector';
export type { HelmAppSpec, HelmParameter } from './helm-app-spec';

/** Argo's RepoAppDetailsResponse, with the revision it was read at: a Directory has nothing to describe. */
export interface AppDetails {
  type: SourceType;
  revision: string;
  helm?: HelmAppSpec;
  /** Argo's KustomizeAppSpec: every container image the kustomization builds, sorted (left out when none). */
  kustomize?: { images?: string[] };
}

type Build = Pick<ManifestGenerationService, 'generate'>;

/**
 * GetAppDetails: what a source path holds, decided as Argo does (detectSourceType), described as
 * Argo's repo-server describes it for the UI's parameter forms. Files are read from the commit's
 * tree with links resolved as the checkout resolves them; a link leading out of the repository is
 * never read.
 */
export class AppDetailsService {
  constructor(
    private readonly repos: RepositoryRegistry,
    /** Where charts from Helm repositories are unpacked, the download cap, and argocd-tls-certs-cm's mount. */
    private readonly charts: { cacheDir: string; maxBytes: number; tlsDataPath?: string } = { cacheDir: join(tmpdir(), 'flotilla-helm-charts'), maxBytes: 64 * 1024 * 1024 },
    /** Builds a kustomization (cached as GenerateManifest caches it) for its images. */
    private readonly build?: Build,
  ) {}

  async details(source: ApplicationSource, creds: GitCredentials, fresh = false): Promise<AppDetails> {
    if (source.chart) return this.chartDetails(source, creds);
    const { sha } = await this.repos.resolve(source.repoURL, creds, source.targetRevision, fresh);
    const repo = this.repos.get(source.repoURL, creds);
    const view = await CheckoutTree.load(repo, await repo.listTree(sha));
    const spelled = normalizeAppPath(source.path);
    const where = view.lookup(spelled);
    if (where.kind !== 'inside' || !view.isDir(where.path)) throw new AppPathError(`${spelled}: app path does not exist at ${sha.slice(0, 7)}`);
    const appDir = where.path;
    const refused = new Set(view.refusedLinks().map((l) => l.path));
    const prefix = appDir ? `${appDir}/` : '';
    // Files under the app directory, relative to it, as a walk of the checkout finds them (refused links are not in it).
    const under = view.entries.map((e) => e.path).filter((p) => p.startsWith(prefix) && !refused.has(p)).map((p) => p.slice(prefix.length));
    const type = detectSourceType(source, under.filter((n) => !n.includes('/')));
    // Argo describes a plugin source through its sidecar; Flotilla runs none, so there is nothing to ask.
    if (type === 'Plugin') throw new UnsupportedSourceError(`config management plugins are not supported by this repo-server; ${source.repoURL} ${spelled} asks for one`);
    if (type === 'Helm') {
      const read = async (name: string): Promise<Buffer | undefined> => {
        const found = view.lookup(`${prefix}${name}`);
        if (found.kind !== 'inside' || !found.entry || view.isLink(found.entry.path)) return undefined;
        return (await repo.readBlobs([found.entry])).get(found.entry.path);
      };
      return { type, revision: sha, helm: await helmAppSpec(source.helm, under, read) };
    }
    if (type === 'Kustomize') return { type, revision: sha, kustomize: await this.kustomizeImages(source, creds, sha) };
    return { type, revision: sha };
  }

  private async kustomizeImages(source: ApplicationSource, creds: GitCredentials, sha: string): Promise<AppDetails['kustomize']> {
    if (!this.build) throw new Error('this repo-server was started without a manifest service, so it cannot build kustomizations');
    const { manifests } = await this.build.generate({ source, credentials: creds, revision: sha });
    const images = imagesOf(manifests);
    return images.length ? { images } : {};
  }

  /** A chart from a Helm repository: pulled (cached) at the version the constraint picks. */
  private async chartDetails(source: ApplicationSource, creds: GitCredentials): Promise<AppDetails> {
    const { dir, version } = await pullChart({
      repoURL: source.repoURL,
      chart: source.chart!,
      constraint: source.targetRevision || '*',
      creds: helmCredentialsOf(creds),
      cacheDir: this.charts.cacheDir,
      maxBytes: this.charts.maxBytes,
      tlsDataPath: this.charts.tlsDataPath,
    });
    // pullChart refuses archives whose links lead out, so every file here is the chart's own.
    const files = readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile())
      .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'));
    const read = (name: string): Promise<Buffer | undefined> => {
      const file = posix.normalize(name);
      return Promise.resolve(files.includes(file) ? readFileSync(join(dir, file)) : undefined);
    };
    return { type: 'Helm', revision: version, helm: await helmAppSpec(source.helm, files, read) };
  }
}
