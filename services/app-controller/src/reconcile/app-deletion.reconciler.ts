// Cascading deletion (Argo's finalizeApplicationDeletion): an Application deleted with the resources
// finalizer first deletes what it tracks on its cluster, then lets itself go.
import { BACKGROUND_RESOURCES_FINALIZER, ConditionType, FOREGROUND_RESOURCES_FINALIZER, RESOURCES_FINALIZER, type Application } from '@flotilla/api-types';
import type { ClusterRegistry } from '../clusters/cluster.registry';
import { deleteObject } from '../clusters/object.deleter';
import type { ApplicationHubClient } from '../hub/application-hub.client';
import type { AppCacheStore } from '../tree/app-cache.store';
import { readableDestination } from './application-spec.validation';

export type DeletionPass = { done: true } | { done: false; retryAfterMs: number };

const RETRY_MS = 1000;

export class AppDeletionReconciler {
  constructor(
    private readonly clusters: ClusterRegistry,
    private readonly hub: ApplicationHubClient,
    private readonly cache: AppCacheStore,
  ) {}

  async finalize(app: Application, trackingName: string): Promise<DeletionPass> {
    // The plain and /foreground forms delete with foreground propagation, /background without waiting for dependents.
    const finalizer = [RESOURCES_FINALIZER, FOREGROUND_RESOURCES_FINALIZER, BACKGROUND_RESOURCES_FINALIZER].find((f) => app.metadata.finalizers?.includes(f));
    if (!finalizer) return { done: true };
    const resolved = this.clusters.resolve(readableDestination(app));
    // With no cluster to delete from there is nothing left to wait for, as in Argo.
    if (resolved.error === undefined) {
      try {
        const kinds = (app.status?.resources ?? []).map((r) => ({ apiVersion: r.group ? `${r.group}/${r.version}` : r.version, kind: r.kind }));
        await resolved.cache.ensure(kinds);
        const live = resolved.cache.tracked(trackingName).filter((o) => !o.metadata?.deletionTimestamp);
        const policy = finalizer === BACKGROUND_RESOURCES_FINALIZER ? 'Background' : 'Foreground';
        for (const obj of live) await deleteObject(resolved.cache.kube, obj, policy);
        if (resolved.cache.tracked(trackingName).length > 0) return { done: false, retryAfterMs: RETRY_MS };
      } catch (err) {
        const condition = { type: ConditionType.DeletionError, message: `failed to delete resources: ${(err as Error).message}`, lastTransitionTime: new Date().toISOString() };
        await this.hub.patchStatus(app, { conditions: [condition] }, false);
        this.hub.events?.deletionFailed(app, (err as Error).message);
        return { done: false, retryAfterMs: RETRY_MS * 5 };
      }
    }
    await this.hub.removeFinalizer(app, finalizer);
    await this.cache.delete(app.metadata.namespace ?? '', app.metadata.name);
    return { done: true };
  }
}
