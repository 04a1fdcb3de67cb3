// The app-refresh queue's consumer (Argo's processAppRefreshQueueItem): one job per Application at a
// time (coalesced by app key), so two replicas never compare the same Application at once. Deletion
// first; a pending operation is handed to the app-operation queue (its own processor runs it) and
// comparison goes on meanwhile, auto-sync held back until the operation ends. An app with
// `destination.servers` (Flotilla's) is reconciled through its child Applications instead.
import { REFRESH_ANNOTATION, type Application } from '@flotilla/api-types';
import { trackingAppName } from '@flotilla/engine';
import { isConflict } from '@flotilla/platform';
import type { Logger } from 'pino';
import type { ClusterRegistry } from '../clusters/cluster.registry';
import type { ApplicationHubClient } from '../hub/application-hub.client';
import type { AppDeletionReconciler } from '../reconcile/app-deletion.reconciler';
import { applicationSpecProblems, invalidSpecConditions } from '../reconcile/application-spec.validation';
import type { AppStateReconciler } from '../reconcile/app-state.reconciler';
import type { CompareLevel } from '../reconcile/compare-level';
import type { MultiDestinationReconciler } from '../reconcile/multi-destination.reconciler';
import { invalidSpecPatch } from '../status/app-status.builder';
import { jsonEqual } from '../status/merge-patch';
import type { AppCacheStore } from '../tree/app-cache.store';

export interface RefreshJob {
  namespace: string;
  name: string;
  level: CompareLevel;
}

export interface RefreshOutcome {
  /** Refresh again after this long (self-heal is due, children are settling, a write conflicted). */
  requeueAfterMs?: number;
  /** The app has an operation to run: queue it for the app-operation processor. */
  operationPending?: boolean;
}

export interface AppRefreshProcessorDeps {
  hub: ApplicationHubClient;
  clusters: ClusterRegistry;
  reconciler: AppStateReconciler;
  deletion: AppDeletionReconciler;
  destinations: MultiDestinationReconciler;
  cache: AppCacheStore;
  controlPlaneNamespace: string;
  logger: Logger;
}

export class AppRefreshProcessor {
  constructor(private readonly deps: AppRefreshProcessorDeps) {}

  async process(job: RefreshJob): Promise<RefreshOutcome> {
    let app = await this.deps.hub.get(job.namespace, job.name);
    if (!app) {
      await this.deps.cache.delete(job.namespace, job.name);
      return {};
    }
    const problems = applicationSpecProblems(app);
    if (!problems.length && (app.spec.destination.servers?.length || app.status?.destinations)) {
      const pass = await this.deps.destinations.reconcile(app, job.level);
      if (!pass.released) return pass.requeueAfterMs !== undefined ? { requeueAfterMs: pass.requeueAfterMs } : {};
      app = await this.deps.hub.get(job.namespace, job.name);
      if (!app) return {};
    }
    const trackingName = trackingAppName(app.metadata.name, app.metadata.namespace, this.deps.controlPlaneNamespace);
    if (app.metadata.deletionTimestamp) {
      const pass = await this.deps.deletion.finalize(app, trackingName);
      return pass.done ? {} : { requeueAfterMs: pass.retryAfterMs };
    }
    if (problems.length) return this.reportInvalidSpec(app, problems);
    const outcome = await this.compare(app, trackingName, job.level);
    return app.operation ? { ...outcome, operationPending: true } : outcome;
  }

  /** Nothing of a malformed spec is rendered or synced: its conditions say which fields to fix. */
  private async reportInvalidSpec(app: Application, problems: string[]): Promise<RefreshOutcome> {
    const now = new Date().toISOString();
    if (app.operation) {
      const state = { operation: app.operation, phase: 'Error' as const, message: `Application spec is invalid: ${problems.join('; ')}`, startedAt: now, finishedAt: now };
      await this.deps.hub.completeOperation(app, state, undefined);
    }
    const patch = invalidSpecPatch(app, invalidSpecConditions(problems), now);
    await this.deps.hub.patchStatus(app, patch, app.metadata.annotations?.[REFRESH_ANNOTATION] !== undefined);
    return {};
  }

  private async compare(app: Application, trackingName: string, level: CompareLevel): Promise<RefreshOutcome> {
    const decision = await this.deps.reconciler.reconcile(app, trackingName, level);
    if (decision?.action === 'skip') return decision.retryAfterMs ? { requeueAfterMs: decision.retryAfterMs } : {};
    if (decision?.action !== 'sync') return {};
    // Start from what is stored now: a user may have set an operation meanwhile.
    const fresh = await this.deps.hub.get(app.metadata.namespace ?? '', app.metadata.name);
    if (!fresh || fresh.operation || fresh.metadata.deletionTimestamp) return {};
    // An operation ran while we compared: the decision rests on what was live before it, and the
    // operation's end queues a comparison of its own.
    if (!jsonEqual(fresh.status?.operationState, app.status?.operationState)) return {};
    try {
      const sync = decision.operation.sync;
      if (await this.deps.hub.startOperation(fresh, decision.operation)) this.deps.hub.events?.automatedSyncStarted(fresh, sync?.revisions?.length ? sync.revisions : [sync?.revision ?? '']);
      this.deps.logger.info({ app: app.metadata.name, revision: decision.operation.sync?.revision }, `initiated automated sync of ${app.metadata.name} to ${decision.operation.sync?.revision ?? ''}`);
    } catch (err) {
      if (!isConflict(err)) throw err;
      // Changed under us: compare again rather than sync on stale facts.
      return { requeueAfterMs: 100 };
    }
    return {};
  }
}

