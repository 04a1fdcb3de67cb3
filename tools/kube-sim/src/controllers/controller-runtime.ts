import { ResourceApi } from '../cluster/resource-api';
import { ResourceRegistry } from '../registry/resource.registry';
import { ResourceType, resourceKey } from '../registry/resource-type';
import { KubeObject } from '../store/kube-object';
import { ObjectStore, StoreEvent } from '../store/object.store';

/** How fast simulated workloads move; tests shorten these (see workloads/workload-timing.ts). */
export interface WorkloadTiming {
  /** Time from a pod's creation to Running and Ready. */
  podStartMs: number;
  /** Time a Job's pod runs before it succeeds or fails. */
  jobRunMs: number;
  /** Spread of pod start and Job run times, ± this share, fixed per pod (0: exact). */
  jitter: number;
  /** Pods Ready, Jobs done and namespaces gone on the next tick, whatever the times above say. */
  instant: boolean;
  /** Simulated nodes, for DaemonSets and pod scheduling. */
  nodes: number;
  /** Time a deleted namespace stays Terminating before it goes (0: as soon as it is empty). */
  namespaceDeletionMs: number;
  /** How long an Event lives after its last write (kube-apiserver `--event-ttl`). */
  eventTtlMs: number;
}

export const DEFAULT_TIMING: WorkloadTiming = { podStartMs: 1000, jobRunMs: 2000, jitter: 0.25, instant: false, nodes: 1, namespaceDeletionMs: 1500, eventTtlMs: 3_600_000 };

export interface ControllerContext {
  api: ResourceApi;
  store: ObjectStore;
  registry: ResourceRegistry;
  now(): Date;
  timing: WorkloadTiming;
  /** Resolves a built-in or custom kind to its served resource (preferred version). */
  typeOf(apiVersion: string, kind: string): ResourceType | undefined;
  /** Looks up a built-in resource by group and plural, e.g. ('apps', 'deployments'). */
  resource(group: string, plural: string): ResourceType;
  /** Reports a reconcile failure (the runtime retries it). */
  log(message: string): void;
}

export interface ObjectKey {
  namespace: string;
  name: string;
}

/**
 * A level-triggered reconciler, like a kube-controller-manager loop: events on its own
 * resource, or on objects it controls (by controller ownerReference), queue the owner's key.
 */
export interface Reconciler {
  readonly name: string;
  /** The resource this reconciler owns, e.g. ('apps', 'deployments'). */
  readonly primary: { group: string; plural: string };
  /** Resources whose objects point at a primary by controller ownerReference. */
  readonly owns?: Array<{ group: string; plural: string }>;
  /** Extra mapping from any event to primary keys (e.g. nodes → every DaemonSet). */
  mapEvent?(e: StoreEvent, ctx: ControllerContext): ObjectKey[];
  /** Brings one object toward its desired state; returns a delay to be called again, if any. */
  reconcile(key: ObjectKey, ctx: ControllerContext): number | void;
}

/** Runs reconcilers off the store's event stream, outside the writer's call stack. */
export class ControllerRuntime {
  private readonly queue = new Map<string, { r: Reconciler; key: ObjectKey }>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private scheduled = false;
  private stopped = false;
  private unsubscribe?: () => void;

  constructor(
    private readonly ctx: ControllerContext,
    private readonly reconcilers: Reconciler[],
  ) {}

  start(): void {
    this.unsubscribe = this.ctx.store.onEvent((e) => this.route(e));
    for (const r of this.reconcilers) {
      const t = this.ctx.resource(r.primary.group, r.primary.plural);
      for (const s of this.ctx.store.list(resourceKey(t)).items) this.enqueue(r, { namespace: s.namespace, name: s.name });
    }
  }

  stop(): void {
    this.stopped = true;
    this.unsubscribe?.();
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.queue.clear();
  }

  enqueue(r: Reconciler, key: ObjectKey): void {
    if (this.stopped) return;
    this.queue.set(`${r.name}|${key.namespace}|${key.name}`, { r, key });
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.drain());
    }
  }

  private route(e: StoreEvent): void {
    for (const r of this.reconcilers) {
      const primaryKey = `${r.primary.group}/${r.primary.plural}`;
      if (e.resource === primaryKey) this.enqueue(r, { namespace: e.object.namespace, name: e.object.name });
      if (r.owns?.some((o) => `${o.group}/${o.plural}` === e.resource)) {
        for (const key of controllerOwners(e, r, this.ctx)) this.enqueue(r, key);
      }
      for (const key of r.mapEvent?.(e, this.ctx) ?? []) this.enqueue(r, key);
    }
  }

  private drain(): void {
    this.scheduled = false;
    const batch = [...this.queue.values()];
    this.queue.clear();
    for (const { r, key } of batch) {
      if (this.stopped) return;
      let again: number | void = undefined;
      try {
        again = r.reconcile(key, this.ctx);
      } catch (e) {
        // A conflict or a vanished object is routine for a controller: retry shortly.
        again = 200;
        this.ctx.log(`${r.name} ${key.namespace}/${key.name}: ${e instanceof Error ? e.message : String(e)}`);
      }
      if (typeof again === 'number') this.after(again, () => this.enqueue(r, key));
    }
  }

  private after(ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    timer.unref();
    this.timers.add(timer);
  }
}

function controllerOwners(e: StoreEvent, r: Reconciler, ctx: ControllerContext): ObjectKey[] {
  const t = ctx.resource(r.primary.group, r.primary.plural);
  const refs = [e.object, e.previous].flatMap((s) => (s ? ((JSON.parse(s.json) as KubeObject).metadata.ownerReferences ?? []) : []));
  return refs
    .filter((ref) => ref.controller && ref.kind === t.kind && ref.apiVersion.split('/')[0] === (t.group || ref.apiVersion.split('/')[0]))
    .map((ref) => ({ namespace: e.object.namespace, name: ref.name }));
}
