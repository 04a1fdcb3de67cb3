import type { Application, ApplicationSource, Repository } from '@flotilla/api-types';
import type { RepoServerClient } from '@flotilla/clients';
import { maskSecretData } from '@flotilla/engine';
import type { RepositoryStore } from '../repositories/repository.store';
import { invalidArgument } from '../rpc/rpc-error';
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
    private readonly repoServer: Pick<RepoServerClient, 'generateManifest'>,
  ) {}

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
    const last = rendered[rendered.length - 1];
    return {
      manifests,
      namespace: app.spec.destination?.namespace ?? '',
      server: app.spec.destination?.server ?? '',
      revision: last?.revision ?? '',
      sourceType: last?.sourceType ?? '',
      ...(last?.verifyResult ? { verifyResult: last.verifyResult } : {}),
      ...(app.spec.sources?.length ? { revisions: rendered.map((r) => r.revision) } : {}),
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
