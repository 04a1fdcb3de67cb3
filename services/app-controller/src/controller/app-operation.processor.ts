// The app-operation queue's consumer (Argo's processAppOperationQueueItem): runs one pass of an
// Application's pending operation. It has a queue of its own, apart from comparisons, so an app's
// status keeps being refreshed while a sync of it waits on a hook or a wave; the two write disjoint
// parts of the status (operationState here, sync/health/resources/conditions/reconciledAt there).
import type { Application } from '@flotilla/api-types';
import { trackingAppName } from '@flotilla/engine';
import type { ClusterRegistry } from '../clusters/cluster.registry';
import type { ApplicationHubClient } from '../hub/application-hub.client';
import { applicationSpecProblems } from '../reconcile/application-spec.validation';
import type { SyncOperationRunner } from '../sync/sync-operation.runner';

export interface OperationJob {
  namespace: string;
  name: string;
}

export interface OperationOutcome {
  /** Run another pass after this long (a sync step is waiting, a retry backs off). */
  requeueAfterMs?: number;
  /** The operation ended in this pass: compare against the latest revision now. */
  finished?: boolean;
}

export interface AppOperationProcessorDeps {
  hub: ApplicationHubClient;
  clusters: ClusterRegistry;
  runner: SyncOperationRunner;
  controlPlaneNamespace: string;
}

/** Apps whose operations the refresh path handles itself: multi-destination parents pass theirs on to their children. */
const handledByRefresh = (app: Application): boolean => !!(app.spec.destination.servers?.length || app.status?.destinations);

export class AppOperationProcessor {
  constructor(private readonly deps: AppOperationProcessorDeps) {}

  async process(job: OperationJob): Promise<OperationOutcome> {
    // Read from the hub, not the watch: a stale copy could run an operation that already finished.
    const app = await this.deps.hub.get(job.namespace, job.name);
    // Deletion and a malformed spec are the refresh path's: it finalizes, or ends the operation with the spec's problems.
    if (!app?.operation || app.metadata.deletionTimestamp || applicationSpecProblems(app).length || handledByRefresh(app)) return {};
    const trackingName = trackingAppName(app.metadata.name, app.metadata.namespace, this.deps.controlPlaneNamespace);
    const resolved = this.deps.clusters.resolve(app.spec.destination);
    if (resolved.error !== undefined) {
      const now = new Date().toISOString();
      const state = { operation: app.operation, phase: 'Error' as const, message: `Application destination spec is invalid: ${resolved.error}`, startedAt: now, finishedAt: now };
      await this.deps.hub.completeOperation(app, state, undefined);
      return { finished: true };
    }
    const pass = await this.deps.runner.run(app, resolved.cache, trackingName);
    return pass.done ? { finished: true } : { requeueAfterMs: pass.retryAfterMs };
  }
}
