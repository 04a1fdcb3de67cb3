import type { Application, ApplicationSource, AppProject, Repository } from '@flotilla/api-types';
import type { RepoServerClient } from '@flotilla/clients';
import { maskSecretData } from '@flotilla/engine';
import type { KubeResourceStore } from '../hub/kube-resource.store';
import type { RepositoryStore } from '../repositories/repository.store';
import { invalidArgument, notFound } from '../rpc/rpc-error';
import type { CallContext } from '../session/session.service';
import type { ApplicationService } from './application.service';

export interface ManifestQuery {
  name?: string | null;
  revision?: string | null;
  project?: string | null;
  /** 1-based positions in spec.sources that `revisions` apply to (multi-source). */
  sourcePositions?: (string | number)[];
  revisions?: string[];
  noCache?: boolean | null;
}

/**
 * What repo-server renders for an Application (Argo's GetManifests, answering its ManifestResponse
 * JSON): every source at its target revision, or at the revision(s) asked for. Secret values are masked.
 */
export class ApplicationManifestsService {
  constructor(
    private readonly applications: ApplicationService,
    private readonly repositories: RepositoryStore,
    private readonly repoServer: Pick<RepoServerClient, 'generateManifest' | 'revisionMetadata'>,
    private readonly projects: KubeResourceStore<AppProject>,
  ) {}

  /**
   * Author, date, message and tags of a commit of one of the app's sources (the first unless
   * `sourceIndex` says otherwise; those of a history entry with `versionId`), read by repo-server.
   * With signature keys in the project, git's verification output comes as signatureInfo.
   */
  async revisionMetadata(
    ctx: CallContext,
    q: { name?: string | null; revision?: string | null; project?: string | null; sourceIndex?: number | null; versionId?: number | null },
  ): Promise<Record<string, unknown>> {
    const app = await this.applications.authorized(ctx, q.name ?? undefined, 'get', q.project || undefined);
    if (!q.revision) throw invalidArgument('revision is required');
    const source = sourceFor(app, q.sourceIndex ?? undefined, q.versionId ?? undefined);
    const repo = await this.repositories.forSource(source.repoURL, app.spec.project);
    const project = await this.projects.get(app.spec.project || 'default');
    return this.repoServer.revisionMetadata(repo, q.revision, (project?.spec.signatureKeys?.length ?? 0) > 0);
  }

  async manifests(ctx: CallContext, q: ManifestQuery): Promise<Record<string, unknown>> {
    if (!q.name) throw invalidArgument('invalid request: application name is missing');
    const app = await this.applications.authorized(ctx, q.name, 'get', q.project || undefined);
    const sources = app.spec.sources?.length ? app.spec.sources : app.spec.source ? [app.spec.source] : [];
    if (sources.length === 0) throw invalidArgument(`application ${app.metadata.name} has no source`);
    const revisions = this.revisionsFor(app, sources, q);
    const refSources = await this.refSources(app, sources, revisions);
    const manifests: string[] = [];
    const rendered: { revision: string; sourceType: string; verifyResult?: string }[] = [];
    for (const [i, source] of sources.entries()) {
      const res = await this.repoServer.generateManifest({
        repo: await this.repositories.forSource(source.repoURL, app.spec.project),
        source,
        revision: revisions[i] || undefined,
        appName: app.metadata.name,
        namespace: app.spec.destination?.namespace,
        projectName: app.spec.project,
        noCache: !!q.noCache,
        refSources,
        manifestGeneratePaths: app.metadata.annotations?.['argocd.argoproj.io/manifest-generate-paths'],
      });
      manifests.push(...res.manifests.map((m) => JSON.stringify(maskSecretData(m))));
      rendered.push({ revision: res.revision, sourceType: res.sourceType, verifyResult: res.verifyResult });
    }
    // Argo's ManifestResponse: one revision and source type describe a single source only.
    const single = !app.spec.sources?.length ? rendered[0] : undefined;
    return {
      manifests,
      namespace: app.spec.destination?.namespace ?? '',
      server: app.spec.destination?.server ?? '',
      ...(single ? { revision: single.revision, sourceType: single.sourceType } : {}),
      ...(single?.verifyResult ? { verifyResult: single.verifyResult } : {}),
    };
  }

  /** The revision for each source: `revision` for a single source; `revisions` at `sourcePositions` (1-based) for several. */
  private revisionsFor(app: Application, sources: ApplicationSource[], q: ManifestQuery): string[] {
    const out = sources.map(() => '');
    if (!app.spec.sources?.length) {
      out[0] = q.revision ?? '';
      return out;
    }
    const positions = (q.sourcePositions ?? []).map(Number);
    const revisions = q.revisions ?? [];
    if (positions.length !== revisions.length)
      throw invalidArgument(`sourcePositions (${positions.length}) and revisions (${revisions.length}) must have the same length`);
    positions.forEach((pos, i) => {
      if (!Number.isInteger(pos) || pos < 1 || pos > sources.length)
        throw invalidArgument(`source position ${pos} is out of range: the application has ${sources.length} sources`);
      out[pos - 1] = revisions[i];
    });
    return out;
  }

  /** Multi-source: the sources carrying a `ref`, whose files `$alias/…` value files of the others are read from. */
  private async refSources(
    app: Application,
    sources: ApplicationSource[],
    revisions: string[],
  ): Promise<Record<string, { repo: Repository; targetRevision?: string }>> {
    const out: Record<string, { repo: Repository; targetRevision?: string }> = {};
    if (!app.spec.sources?.length) return out;
    for (const [i, source] of sources.entries()) {
      if (!source.ref) continue;
      const targetRevision = revisions[i] || source.targetRevision || 'HEAD';
      out[source.ref] = { repo: await this.repositories.forSource(source.repoURL, app.spec.project), targetRevision };
    }
    return out;
  }
}

/** The source a revision belongs to: spec's, or a history entry's (versionId), at sourceIndex (0-based). */
function sourceFor(app: Application, sourceIndex: number | undefined, versionId: number | undefined): ApplicationSource {
  let sources = app.spec.sources?.length ? app.spec.sources : app.spec.source ? [app.spec.source] : [];
  if (versionId !== undefined) {
    const history = app.status?.history ?? [];
    if (history.length === 0) throw notFound(`version ID ${versionId} not found because the app has no history`);
    const entry = history.find((h) => Number(h.id) === versionId);
    if (!entry) throw notFound(`revision history not found for version ID ${versionId}`);
    sources = entry.sources?.length ? entry.sources : entry.source ? [entry.source] : [];
  }
  const index = sourceIndex ?? 0;
  if (index < 0 || index >= sources.length) {
    if (sources.length === 1) throw invalidArgument(`source index ${index} not found because there is only 1 source`);
    throw invalidArgument(`source index ${index} not found because there are only ${sources.length} sources`);
  }
  return sources[index];
}
