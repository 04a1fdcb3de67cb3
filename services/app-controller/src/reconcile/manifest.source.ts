// The desired state of an Application: its sources rendered by repo-server at their revisions.
import {
  ConditionType,
  MANIFEST_GENERATE_PATHS_ANNOTATION,
  type Application,
  type ApplicationCondition,
  type ApplicationSource,
  type KubeObject,
  type SyncOperation,
} from '@flotilla/api-types';
import type { RepoServerClient } from '@flotilla/clients';
import type { AppProjectStore } from '../projects/app-project.store';
import { signatureProblem } from '../projects/signature.policy';
import type { RepositoryCredentialsStore } from '../repositories/repository-credentials.store';

/**
 * What an Application renders. With `spec.sources` (even a single one) it is a multi-source app,
 * as Argo CD's HasMultipleSources says, and `spec.source` is ignored; its status then carries
 * `revisions` and `sourceTypes`, one per source.
 */
export interface AppSources {
  sources: ApplicationSource[];
  multi: boolean;
}

export interface RenderOptions extends AppSources {
  /** Per source, a commit or ref; each source's targetRevision where absent. */
  revisions?: (string | undefined)[];
  noCache?: boolean;
  noRevisionCache?: boolean;
}

export interface Rendered {
  manifests: KubeObject[];
  /** The first source's commit (the only one for a single-source app). */
  revision: string;
  revisions: string[];
  sourceType: string;
  sourceTypes: string[];
  /** Why a source's manifests are its last good render rather than fresh (git unreachable). */
  staleReasons: string[];
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
    /** The projects' signatureKeys; absent (or ARGOCD_GPG_ENABLED=false) verifies nothing. */
    private readonly projects?: Pick<AppProjectStore, 'signatureKeys'>,
  ) {}

  /** The app's own sources: spec.sources when it has any, else spec.source. */
  static sourcesOf(app: Application): AppSources {
    if (app.spec.sources?.length) return { sources: app.spec.sources, multi: true };
    if (!app.spec.source) throw new RenderError({ type: ConditionType.InvalidSpecError, message: 'spec.source or spec.sources is required' });
    return { sources: [app.spec.source], multi: false };
  }

  /** What a sync operation renders: the sources it names (a rollback's), else the app's. */
  static operationSources(app: Application, sync: SyncOperation): AppSources {
    if (sync.sources?.length) return { sources: sync.sources, multi: true };
    if (sync.source) return { sources: [sync.source], multi: false };
    return ManifestSource.sourcesOf(app);
  }

  /** A sync operation's per-source revisions, in the shape RenderOptions takes. */
  static operationRevisions(sync: SyncOperation): (string | undefined)[] | undefined {
    if (sync.revisions?.length) return sync.revisions.map((r) => r || undefined);
    return sync.revision ? [sync.revision] : undefined;
  }

  async render(app: Application, opts: RenderOptions): Promise<Rendered> {
    const { sources } = opts;
    const revisionOf = (i: number): string => opts.revisions?.[i] || sources[i].targetRevision || 'HEAD';
    // `$alias/…` value files of one source are read from the source carrying that `ref`.
    const refSources = opts.multi
      ? Object.fromEntries(
          sources.flatMap((s, i) => (s.ref ? [[s.ref, { repo: this.repositories.repositoryFor(s.repoURL, app.spec.project), targetRevision: revisionOf(i) }]] : [])),
        )
      : undefined;
    const paths = app.metadata.annotations?.[MANIFEST_GENERATE_PATHS_ANNOTATION];
    const signatureKeys = this.projects?.signatureKeys(app.spec.project) ?? [];
    const outs = await Promise.all(
      sources.map(async (source, i) => {
        try {
          return await this.repoServer.generateManifest({
            repo: this.repositories.repositoryFor(source.repoURL, app.spec.project),
            source,
            revision: revisionOf(i),
            appName: app.metadata.name,
            namespace: app.spec.destination.namespace ?? '',
            projectName: app.spec.project,
            noCache: opts.noCache,
            noRevisionCache: opts.noRevisionCache,
            ...(refSources && Object.keys(refSources).length ? { refSources } : {}),
            ...(paths !== undefined ? { manifestGeneratePaths: paths } : {}),
            ...(signatureKeys.length ? { verifySignature: true } : {}),
          });
        } catch (err) {
          const message = `Failed to load target state: failed to generate manifest for source ${i + 1} of ${sources.length}: ${(err as Error).message}`;
          throw new RenderError({ type: ConditionType.ComparisonError, message });
        }
      }),
    );
    if (signatureKeys.length) {
      // As Argo: nothing is compared or synced from a revision the project's keys did not sign.
      const problems = outs.flatMap((o, i) => {
        const problem = signatureProblem({ project: app.spec.project, keys: signatureKeys, revision: o.revision, verifyResult: o.verifyResult, chart: sources[i].chart });
        return problem ? [sources.length > 1 ? `source ${i + 1} of ${sources.length}: ${problem}` : problem] : [];
      });
      if (problems.length) throw new RenderError({ type: ConditionType.ComparisonError, message: `Failed to verify the target revision's signature: ${problems.join('; ')}` });
    }
    return {
      manifests: outs.flatMap((o) => o.manifests),
      revision: outs[0].revision,
      revisions: outs.map((o) => o.revision),
      sourceType: outs[0].sourceType,
      sourceTypes: outs.map((o) => o.sourceType),
      staleReasons: outs.flatMap((o, i) => (o.staleReason ? [sources.length > 1 ? `source ${i + 1} of ${sources.length}: ${o.staleReason}` : o.staleReason] : [])),
    };
  }
}
