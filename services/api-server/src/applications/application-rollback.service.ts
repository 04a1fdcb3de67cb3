import type { Application, SyncOperation } from '@flotilla/api-types';
import { failedPrecondition, notFound } from '../rpc/rpc-error';
import type { CallContext } from '../session/session.service';
import type { ApplicationEventsClient } from './application-events.client';
import type { ApplicationService } from './application.service';
import type { ApplicationSyncService } from './application-sync.service';

export interface RollbackRequest {
  name?: string;
  /** The status.history id (int64 on the wire, a decimal string here); absent reads as 0, like Argo's GetId(). */
  id?: string | number;
  dryRun?: boolean;
  prune?: boolean;
  project?: string;
}

export const AUTO_SYNC_ROLLBACK = 'rollback cannot be initiated when auto-sync is enabled';

/** Argo's IsAutomatedSyncEnabled: `automated` present and not switched off with `enabled: false`. */
const autoSyncEnabled = (app: Application): boolean => {
  const automated = app.spec.syncPolicy?.automated;
  return !!automated && automated.enabled !== false;
};

/**
 * Rollback, a convenience around sync (server/application Rollback in argo-cd): a sync operation to
 * the revision and source a `status.history` entry recorded, started like any other sync.
 */
export class ApplicationRollbackService {
  constructor(
    private readonly applications: ApplicationService,
    private readonly syncs: Pick<ApplicationSyncService, 'startOperation'>,
    private readonly events?: ApplicationEventsClient,
  ) {}

  async rollback(ctx: CallContext, req: RollbackRequest): Promise<Application> {
    const app = await this.applications.authorized(ctx, req.name, 'sync', req.project);
    if (app.metadata.deletionTimestamp) throw failedPrecondition('application is deleting');
    if (autoSyncEnabled(app)) throw failedPrecondition(AUTO_SYNC_ROLLBACK);
    const id = Number(req.id ?? 0);
    const entry = app.status?.history?.find((h) => h.id === id);
    if (!entry) throw notFound(`application ${app.metadata.name} does not have deployment id ${id} in history`);
    const sync: SyncOperation = {
      prune: !!req.prune,
      dryRun: !!req.dryRun,
      syncOptions: app.spec.syncPolicy?.syncOptions ?? [],
    };
    if (entry.sources?.length) {
      sync.sources = entry.sources;
      sync.revisions = entry.revisions ?? [];
    } else if (entry.source) {
      sync.source = entry.source;
      if (entry.revision) sync.revision = entry.revision;
    } else {
      // History written before sources were recorded cannot say what to render.
      throw failedPrecondition('cannot rollback to revision deployed with Argo CD v0.11 or lower. sync to revision instead.');
    }
    const started = await this.syncs.startOperation(app.metadata.name, { sync, initiatedBy: { username: ctx.username } });
    this.events?.record(ctx, started, 'OperationStarted', `initiated rollback to ${id}`);
    return started;
  }
}
