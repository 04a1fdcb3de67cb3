// The app-refresh queue's consumer: one job per Application at a time (coalesced by app key), so two
// replicas never compare or sync the same Application at once. Deletion, then a pending operation,
// then comparison and auto-sync — the order of Argo's operation and status processors. An app with
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
import type { SyncOperationRunner } from '../sync/sync-operation.runner';
import type { AppCacheStore } from '../tree/app-cache.store';

export interface RefreshJob {
  namespace: string;
  name: string;
  level: CompareLevel;
}

export interface RefreshOutcome {
  /** Refresh again after this long (a sync step is waiting, self-heal is due, a retry backs off). */
  requeueAfterMs?: number;
}

export interface AppRefreshProcessorDeps {
  hub: ApplicationHubClient;
  clusters: ClusterRegistry;
  reconciler: AppStateReconciler;
  runner: SyncOperationRunner;
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
    let level = job.level;
    if (app.operation) {
      const pass = await this.runOperation(app, trackingName);
      if (!pass.done) return { requeueAfterMs: pass.retryAfterMs };
      level = 'latest';
    }
    const current = app.operation ? await this.deps.hub.get(job.namespace, job.name) : app;
    if (!current) return {};
    return this.compare(current, trackingName, level);
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

  private async runOperation(app: Application, trackingName: string): Promise<{ done: boolean; retryAfterMs: number }> {
    const resolved = this.deps.clusters.resolve(app.spec.destination);
    if (resolved.error !== undefined) {
      const state = { operation: app.operation!, phase: 'Error' as const, message: `Application destination spec is invalid: ${resolved.error}`, startedAt: new Date().toISOString(), finishedAt: new Date().toISOString() };
      await this.deps.hub.completeOperation(app, state, undefined);
      return { done: true, retryAfterMs: 0 };
    }
    const pass = await this.deps.runner.run(app, resolved.cache, trackingName);
    return pass.done ? { done: true, retryAfterMs: 0 } : { done: false, retryAfterMs: pass.retryAfterMs };
  }

  private async compare(app: Application, trackingName: string, level: CompareLevel): Promise<RefreshOutcome> {
    const decision = await this.deps.reconciler.reconcile(app, trackingName, level);
    if (decision?.action === 'skip') return decision.retryAfterMs ? { requeueAfterMs: decision.retryAfterMs } : {};
    if (decision?.action !== 'sync') return {};
    // Start from what is stored now: a user may have set an operation meanwhile.
    const fresh = await this.deps.hub.get(app.metadata.namespace ?? '', app.metadata.name);
    if (!fresh || fresh.operation || fresh.metadata.deletionTimestamp) return {};
    try {
      await this.deps.hub.startOperation(fresh, decision.operation);
      this.deps.logger.info({ app: app.metadata.name, revision: decision.operation.sync?.revision }, `initiated automated sync of ${app.metadata.name} to ${decision.operation.sync?.revision ?? ''}`);
    } catch (err) {
      if (!isConflict(err)) throw err;
      // Changed under us: compare again rather than sync on stale facts.
      return { requeueAfterMs: 100 };
    }
    return {};
  }
}

