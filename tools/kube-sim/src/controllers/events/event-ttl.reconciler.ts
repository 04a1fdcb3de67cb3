import { resourceKey } from '../../registry/resource-type';
import { KubeObject } from '../../store/kube-object';
import { ControllerContext, ObjectKey, Reconciler } from '../controller-runtime';

/** Events kept per cluster before the oldest go, so a long-lived sim stays bounded in memory. */
export const DEFAULT_EVENT_LIMIT = 2000;

/**
 * kube-apiserver stores Events under an etcd lease of `--event-ttl` (1 h) renewed on every write;
 * this reconciler deletes an Event that long after its last write. A cap on the number of
 * Events stands in for etcd's size, dropping the least recently seen first.
 */
export class EventTtlReconciler implements Reconciler {
  readonly name = 'event-ttl';
  readonly primary = { group: '', plural: 'events' };

  constructor(private readonly limit = DEFAULT_EVENT_LIMIT) {}

  reconcile(key: ObjectKey, ctx: ControllerContext): number | void {
    const t = ctx.resource('', 'events');
    this.enforceLimit(ctx);
    const event = ctx.api.find(t, key.namespace, key.name);
    if (!event) return;
    const left = lastWriteMs(event) + ctx.timing.eventTtlMs - ctx.now().getTime();
    if (left > 0) return left;
    ctx.api.delete(t, key.namespace, key.name, { fieldManager: 'kube-apiserver' });
  }

  /** Deletes down to 90% of the cap at once, so the sort runs once per many new Events. */
  private enforceLimit(ctx: ControllerContext): void {
    const t = ctx.resource('', 'events');
    if (ctx.store.count(resourceKey(t)) <= this.limit) return;
    const all = ctx.api.list(t, {}).items;
    const oldest = all.map((s) => JSON.parse(s.json) as KubeObject).sort((a, b) => lastWriteMs(a) - lastWriteMs(b));
    for (const e of oldest.slice(0, all.length - Math.floor(this.limit * 0.9))) {
      ctx.api.delete(t, e.metadata.namespace!, e.metadata.name!, { fieldManager: 'kube-apiserver' });
    }
  }
}

function lastWriteMs(e: KubeObject): number {
  const at = [e.lastTimestamp, (e.series as { lastObservedTime?: string } | undefined)?.lastObservedTime, e.eventTime, e.metadata.creationTimestamp]
    .map((v) => (typeof v === 'string' ? Date.parse(v) : NaN))
    .filter((ms) => !Number.isNaN(ms));
  return Math.max(0, ...at);
}
