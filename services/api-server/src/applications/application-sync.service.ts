import type { Application, Operation, SyncOperation } from '@flotilla/api-types';
import type { RepoServerClient } from '@flotilla/clients';
import { retryOnConflict } from '../hub/kube-errors';
import type { KubeResourceStore } from '../hub/kube-resource.store';
import type { RepositoryStore } from '../repositories/repository.store';
import { failedPrecondition, invalidArgument, notFound } from '../rpc/rpc-error';
import type { CallContext } from '../session/session.service';
import type { ApplicationEventsClient } from './application-events.client';
import { appNotFound, ApplicationService } from './application.service';

export interface SyncRequest {
  name?: string;
  revision?: string;
  revisions: string[];
  dryRun?: boolean;
  prune?: boolean;
  strategy?: { apply?: { force: boolean } | null; hook?: { force: boolean } | null } | null;
  resources: { group: string; kind: string; name: string; namespace: string }[];
  retryStrategy?: { limit: string; backoff?: { duration?: string; factor?: string; maxDuration?: string } | null } | null;
  syncOptions?: { items: string[] } | null;
  project?: string;
}

export const ANOTHER_OPERATION = 'another operation is already in progress';
const COMMIT_SHA = /^[0-9a-f]{40}$/i;

/**
 * Starts a sync by writing `operation` on the Application; the app-controller carries it out and
 * reports in `status.operationState`. The api-server never calls the controller.
 */
export class ApplicationSyncService {
  constructor(
    private readonly applications: ApplicationService,
    private readonly apps: KubeResourceStore<Application>,
    private readonly repositories: RepositoryStore,
    private readonly repoServer: Pick<RepoServerClient, 'resolveRevision'>,
    private readonly events?: ApplicationEventsClient,
  ) {}

  async sync(ctx: CallContext, req: SyncRequest): Promise<Application> {
    const app = await this.applications.authorized(ctx, req.name, 'sync', req.project);
    if (app.metadata.deletionTimestamp) throw failedPrecondition('application is deleting');
    if (app.operation) throw failedPrecondition(ANOTHER_OPERATION);
    const operation: Operation = {
      sync: await this.syncOperation(app, req),
      initiatedBy: { username: ctx.username },
    };
    const retry = req.retryStrategy ? toRetry(req.retryStrategy) : app.spec.syncPolicy?.retry;
    if (retry) operation.retry = retry;
    const started = await this.startOperation(app.metadata.name, operation);
    this.events?.record(ctx, started, 'OperationStarted', `initiated ${req.resources.length ? 'partial ' : ''}sync to ${displayRevisions(app, req, operation.sync!)}`);
    return started;
  }

  private async syncOperation(app: Application, req: SyncRequest): Promise<SyncOperation> {
    const op: SyncOperation = {
      prune: !!req.prune,
      dryRun: !!req.dryRun,
      syncOptions: req.syncOptions ? req.syncOptions.items : (app.spec.syncPolicy?.syncOptions ?? []),
      resources: req.resources.map((r) => ({ group: r.group, kind: r.kind, name: r.name, namespace: r.namespace })),
    };
    if (req.strategy?.apply || req.strategy?.hook) {
      op.syncStrategy = {
        ...(req.strategy.apply ? { apply: { force: req.strategy.apply.force } } : {}),
        ...(req.strategy.hook ? { hook: { force: req.strategy.hook.force } } : {}),
      };
    }
    if (app.spec.sources?.length) {
      op.sources = app.spec.sources;
      op.revisions = await Promise.all(
        app.spec.sources.map((source, i) => this.resolve(app, source.repoURL, source.targetRevision, req.revisions[i], !!req.dryRun)),
      );
      return op;
    }
    const source = app.spec.source;
    if (!source) throw invalidArgument(`application ${app.metadata.name} has no source to sync`);
    op.source = source;
    op.revision = await this.resolve(app, source.repoURL, source.targetRevision, req.revision, !!req.dryRun);
    return op;
  }

  /** The commit to sync to: a SHA as given, anything else resolved by repo-server. */
  private async resolve(
    app: Application,
    repoURL: string,
    target: string | undefined,
    requested: string | undefined,
    dryRun: boolean,
  ): Promise<string> {
    const targetRevision = target || 'HEAD';
    if (
      requested &&
      requested !== targetRevision &&
      app.spec.syncPolicy?.automated &&
      app.spec.syncPolicy.automated.enabled !== false &&
      !dryRun
    ) {
      throw failedPrecondition(`Cannot sync to ${requested}: auto-sync currently set to ${targetRevision}`);
    }
    const revision = requested || targetRevision;
    if (COMMIT_SHA.test(revision)) return revision;
    const repo = await this.repositories.forSource(repoURL, app.spec.project);
    try {
      return await this.repoServer.resolveRevision(repo, revision);
    } catch (err) {
      throw failedPrecondition(`error resolving revision ${JSON.stringify(revision)} of ${repoURL}: ${(err as Error).message}`);
    }
  }

  /**
   * Sets `operation` (and clears the last operationState) unless one is already running; every
   * operation the api-server starts (sync, rollback) is written here.
   */
  startOperation(name: string, operation: Operation): Promise<Application> {
    return retryOnConflict(async () => {
      const current = await this.apps.get(name);
      if (!current) throw notFound(appNotFound(name));
      if (current.operation) throw failedPrecondition(ANOTHER_OPERATION);
      const status = current.status ? { ...current.status } : undefined;
      if (status) delete status.operationState;
      return this.apps.replace({ ...current, operation, ...(status ? { status } : {}) });
    });
  }
}

/**
 * The revisions a sync event names, as Argo's ambiguous revisions: what was asked for and, when that
 * was not already a commit, the commit it resolved to (`HEAD (5f0c…)`); several sources joined by commas.
 */
function displayRevisions(app: Application, req: SyncRequest, op: SyncOperation): string {
  const shown = (requested: string, resolved: string | undefined): string =>
    !resolved || requested === resolved || COMMIT_SHA.test(requested) ? requested || (resolved ?? '') : `${requested} (${resolved})`;
  if (op.sources?.length) return op.sources.map((s, i) => shown(req.revisions[i] || s.targetRevision || 'HEAD', op.revisions?.[i])).join(',');
  return shown(req.revision || app.spec.source?.targetRevision || 'HEAD', op.revision);
}

function toRetry(r: NonNullable<SyncRequest['retryStrategy']>): NonNullable<Operation['retry']> {
  const backoff = r.backoff
    ? {
        ...(r.backoff.duration ? { duration: r.backoff.duration } : {}),
        ...(r.backoff.factor ? { factor: Number(r.backoff.factor) } : {}),
        ...(r.backoff.maxDuration ? { maxDuration: r.backoff.maxDuration } : {}),
      }
    : undefined;
  return { limit: Number(r.limit), ...(backoff ? { backoff } : {}) };
}
