// Whether an OutOfSync Application syncs on its own (Argo's appcontroller.go autoSync): once per
// revision, never when only pruning is needed and prune is off, and again for drift only with selfHeal.
import { ConditionType, type Application, type ApplicationCondition, type ApplicationSource, type Operation, type ResourceStatus, type SyncOperationResource } from '@flotilla/api-types';
import { jsonEqual } from '../status/merge-patch';

export interface AutoSyncInput {
  app: Application;
  syncStatus: 'Synced' | 'OutOfSync' | 'Unknown';
  resources: ResourceStatus[];
  /** The revision just compared (for a multi-source app, its revisions joined for messages). */
  revision: string;
  /** A multi-source app's sources and the revision compared for each. */
  multiSource?: { sources: ApplicationSource[]; revisions: string[] };
  now: number;
  selfHealMs: number;
}

export type AutoSyncDecision =
  | { action: 'sync'; operation: Operation }
  | { action: 'skip'; reason: string; retryAfterMs?: number }
  | { action: 'condition'; condition: ApplicationCondition };

const skip = (reason: string, retryAfterMs?: number): AutoSyncDecision => ({ action: 'skip', reason, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) });

function blocked(input: AutoSyncInput): AutoSyncDecision | undefined {
  const { app } = input;
  const automated = app.spec.syncPolicy?.automated;
  if (!automated || automated.enabled === false) return skip('automated sync is not enabled');
  if (app.operation) return skip('an operation is already in progress');
  if (app.metadata.deletionTimestamp) return skip('the application is being deleted');
  if (input.syncStatus !== 'OutOfSync') return skip(`sync status is ${input.syncStatus}`);
  const outOfSync = input.resources.filter((r) => r.status === 'OutOfSync');
  if (!automated.prune && outOfSync.length > 0 && outOfSync.every((r) => r.requiresPruning))
    return skip('need to prune extra resources only but automated prune is disabled');
  if (automated.prune && !automated.allowEmpty && input.resources.length > 0 && input.resources.every((r) => r.requiresPruning)) {
    return { action: 'condition', condition: { type: ConditionType.SyncError, message: `Skipping sync attempt to ${input.revision}: auto-sync will wipe out all resources` } };
  }
  return undefined;
}

/** The most recent sync went to these revisions from these sources. */
function alreadyAttempted(input: AutoSyncInput): boolean {
  const { app, revision, multiSource } = input;
  const state = app.status?.operationState;
  if (!state?.operation.sync || !state.syncResult) return false;
  if (multiSource) {
    return jsonEqual(state.syncResult.revisions, multiSource.revisions) && jsonEqual(state.syncResult.sources ?? state.operation.sync.sources, multiSource.sources);
  }
  if (state.syncResult.revision !== revision) return false;
  return jsonEqual(state.syncResult.source ?? state.operation.sync.source, app.spec.source);
}

export function decideAutoSync(input: AutoSyncInput): AutoSyncDecision {
  const stop = blocked(input);
  if (stop) return stop;
  const { app, revision } = input;
  const automated = app.spec.syncPolicy?.automated ?? {};
  let resources: SyncOperationResource[] | undefined;
  if (alreadyAttempted(input)) {
    const state = app.status!.operationState!;
    if (state.phase !== 'Succeeded') {
      if (state.phase === 'Running' || state.phase === 'Terminating') return skip('the last sync is still running');
      return { action: 'condition', condition: { type: ConditionType.SyncError, message: `Failed sync attempt to ${revision}: ${state.message ?? state.phase}` } };
    }
    if (!automated.selfHeal) return skip(`most recent sync already to ${revision}`);
    const finishedAt = state.finishedAt ? Date.parse(state.finishedAt) : 0;
    const retryAfterMs = input.selfHealMs - (input.now - finishedAt);
    if (retryAfterMs > 0) return skip(`already attempted sync to ${revision}; self-heal in ${Math.ceil(retryAfterMs / 1000)} s`, retryAfterMs);
    // Self-heal re-syncs only what drifted, as Argo does.
    resources = input.resources
      .filter((r) => r.status !== 'Synced')
      .map((r) => ({ group: r.group ?? '', kind: r.kind, name: r.name, ...(r.namespace ? { namespace: r.namespace } : {}) }));
  }
  const operation: Operation = {
    sync: {
      ...(input.multiSource ? { revisions: input.multiSource.revisions, sources: input.multiSource.sources } : { revision, ...(app.spec.source ? { source: app.spec.source } : {}) }),
      prune: !!automated.prune,
      ...(app.spec.syncPolicy?.syncOptions?.length ? { syncOptions: app.spec.syncPolicy.syncOptions } : {}),
      ...(resources?.length ? { resources } : {}),
    },
    initiatedBy: { automated: true },
    ...(app.spec.syncPolicy?.retry ? { retry: app.spec.syncPolicy.retry } : {}),
  };
  return { action: 'sync', operation };
}
