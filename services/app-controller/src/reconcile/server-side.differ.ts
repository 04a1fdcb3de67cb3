// Server-side diff (Argo CD's ServerSideDiff=true): ask the destination's API server what applying
// the desired object would give — a dry-run server-side apply as the controller's field manager —
// and compare that with live, so defaults, admission mutations and fields git no longer sets are
// judged by the server rather than predicted here.
import { ConditionType, type Application, type ApplicationCondition, type KubeObject } from '@flotilla/api-types';
import { isHook, maskSecretValuesIn, resourceKeyOf, usesServerSideDiff, type KeyOptions } from '@flotilla/engine';
import { createHash } from 'node:crypto';
import type { ClusterCache } from '../clusters/cluster.cache';
import { FIELD_MANAGER } from '../sync/sync-task.executor';

const MAX_CACHED = 5000;

export interface ServerSidePrediction {
  predicted: Map<string, KubeObject>;
  conditions: ApplicationCondition[];
}

/** Whether the Application asks for server-side diff for its resources by default (its compare-options, or ServerSideApply=true). */
export const appUsesServerSideDiff = (app: Application): boolean =>
  usesServerSideDiff({ metadata: app.metadata }, false) || !!app.spec.syncPolicy?.syncOptions?.includes('ServerSideApply=true');

export class ServerSideDiffer {
  /** Dry-run answers by cluster, resource, live resourceVersion and desired content: unchanged inputs ask once. */
  private readonly answers = new Map<string, KubeObject>();

  async predict(app: Application, desired: readonly KubeObject[], cache: ClusterCache, keyOpts: KeyOptions): Promise<ServerSidePrediction> {
    const out: ServerSidePrediction = { predicted: new Map(), conditions: [] };
    const appDefault = appUsesServerSideDiff(app);
    for (const obj of desired) {
      if (isHook(obj) || !usesServerSideDiff(obj, appDefault)) continue;
      const key = resourceKeyOf(obj, keyOpts);
      const live = cache.get(key);
      // Nothing live: it will be created, whatever the server would add.
      if (!live) continue;
      const memo = `${cache.server}|${key}|${live.metadata?.resourceVersion ?? ''}|${createHash('sha256').update(JSON.stringify(obj)).digest('hex')}`;
      let answer = this.answers.get(memo);
      if (!answer) {
        try {
          answer = await cache.kube.apply(obj, { fieldManager: FIELD_MANAGER, force: true, dryRun: true });
        } catch (err) {
          const reason = maskSecretValuesIn((err as Error).message, obj, live);
          out.conditions.push({ type: ConditionType.ComparisonError, message: `Failed to compare desired state with server-side diff for ${obj.kind}/${obj.metadata?.name}: ${reason}` });
          continue;
        }
        if (this.answers.size >= MAX_CACHED) this.answers.delete(this.answers.keys().next().value!);
        this.answers.set(memo, answer);
      }
      out.predicted.set(key, answer);
    }
    return out;
  }
}
