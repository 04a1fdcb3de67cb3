// The desired state of an Application: its source rendered by repo-server at a revision.
import { ConditionType, type Application, type ApplicationCondition, type ApplicationSource, type KubeObject } from '@flotilla/api-types';
import type { RepoServerClient } from '@flotilla/clients';
import type { RepositoryCredentialsStore } from '../repositories/repository-credentials.store';

export interface RenderOptions {
  source: ApplicationSource;
  /** A commit or ref; the source's targetRevision when absent. */
  revision?: string;
  noCache?: boolean;
  noRevisionCache?: boolean;
}

export interface Rendered {
  manifests: KubeObject[];
  revision: string;
  sourceType: string;
}

/** Rendering failed; the condition tells the user why (Argo's "Failed to load target state"). */
export class RenderError extends Error {
  constructor(readonly condition: ApplicationCondition) {
    super(condition.message);
  }
}

export class ManifestSource {
  constructor(
    private readonly repoServer: Pick<RepoServerClient, 'generateManifest'>,
    private readonly repositories: Pick<RepositoryCredentialsStore, 'repositoryFor'>,
  ) {}

  /** The single source this controller renders; multiple sources are refused with a condition. */
  static sourceOf(app: Application): ApplicationSource {
    if (app.spec.sources?.length && !app.spec.source) {
      throw new RenderError({ type: ConditionType.InvalidSpecError, message: 'spec.sources (multi-source Applications) is not supported by this controller; use spec.source' });
    }
    if (!app.spec.source) throw new RenderError({ type: ConditionType.InvalidSpecError, message: 'spec.source is required' });
    return app.spec.source;
  }

  async render(app: Application, opts: RenderOptions): Promise<Rendered> {
    const repo = this.repositories.repositoryFor(opts.source.repoURL, app.spec.project);
    try {
      const out = await this.repoServer.generateManifest({
        repo,
        source: opts.source,
        revision: opts.revision ?? opts.source.targetRevision ?? 'HEAD',
        appName: app.metadata.name,
        namespace: app.spec.destination.namespace ?? '',
        projectName: app.spec.project,
        noCache: opts.noCache,
        noRevisionCache: opts.noRevisionCache,
      });
      return { manifests: out.manifests, revision: out.revision, sourceType: out.sourceType };
    } catch (err) {
      const message = `Failed to load target state: failed to generate manifest for source 1 of 1: ${(err as Error).message}`;
      throw new RenderError({ type: ConditionType.ComparisonError, message });
    }
  }
}
