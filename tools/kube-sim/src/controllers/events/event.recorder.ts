import { SYSTEM_CONTROLLER, UserInfo, WriteOptions } from '../../cluster/request-options';
import { kubeTime } from '../../cluster/object-meta';
import { KubeObject } from '../../store/kube-object';
import { ControllerContext } from '../controller-runtime';
import { EventCorrelator, EventIdentity } from './event-correlator';
import { EventDialect, eventDialect } from './event-dialect';
import { toEventsV1 } from './event-versions';

/** Who reports: `source.component` / `source.host` of a core/v1 Event. */
export interface EventSource {
  component: string;
  /** The node, for the kubelet; controllers run without one. */
  host?: string;
}

export interface EventNote {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  /** The part of the object, e.g. `spec.containers{main}` for container events. */
  fieldPath?: string;
}

/** The scheduler reports through events.k8s.io/v1, so its Events carry eventTime and an action. */
export interface SchedulerNote extends EventNote {
  action: string;
}

const SCHEDULER = 'default-scheduler';
/** The host name a control-plane component reports from (a kind cluster's node). */
const CONTROL_PLANE_HOST = 'kube-sim-control-plane';

/**
 * client-go's EventRecorder for the simulated controllers and kubelet: Events named
 * `<object>.<hex nanoseconds>`, identical occurrences folded into one with a growing `count`,
 * and the spam filter that stops one object flooding the cluster. Writes never fail a
 * reconcile: like the real recorder, an Event the server refuses (a terminating namespace) is dropped.
 */
export class EventRecorder {
  private readonly correlator = new EventCorrelator();
  private seq = 0;
  /** The texts and fields of the minor this cluster behaves as. */
  readonly dialect: EventDialect;

  constructor(private readonly ctx: ControllerContext) {
    this.dialect = eventDialect(ctx.registry.kubeVersion.minor);
  }

  /** A core/v1 Event as the kubelet and kube-controller-manager write them. */
  record(source: EventSource, obj: KubeObject, note: EventNote): void {
    const now = this.ctx.now();
    const id = identity(source, obj, note);
    if (!this.correlator.allow(id, now.getTime())) return;
    const t = this.ctx.resource('', 'events');
    const ns = id.namespace || 'default';
    const opts = writeOptions(source.component, source.host);
    this.safely(() => {
      const folded = this.correlator.previous(id);
      const existing = folded ? this.ctx.api.find(t, ns, folded) : undefined;
      if (existing) {
        const count = Number(existing.count ?? 1) + 1;
        this.ctx.api.update(t, ns, folded!, { ...existing, count, lastTimestamp: kubeTime(now) }, opts);
        return;
      }
      const name = this.eventName(obj, now);
      const event: KubeObject = {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name, namespace: ns },
        involvedObject: reference(obj, note.fieldPath),
        reason: note.reason,
        message: note.message,
        source: { component: source.component, ...(source.host ? { host: source.host } : {}) },
        firstTimestamp: kubeTime(now),
        lastTimestamp: kubeTime(now),
        count: 1,
        type: note.type,
        eventTime: null,
        reportingComponent: this.dialect.reportingFromSource ? source.component : '',
        reportingInstance: this.dialect.reportingFromSource ? (source.host ?? '') : '',
      };
      this.ctx.api.create(t, ns, event, opts);
      this.correlator.remember(id, name);
    });
  }

  /**
   * The default scheduler's Event: written through events.k8s.io/v1 (so its managedFields name
   * that API), with eventTime in microseconds, no count and no source.
   */
  recordScheduler(obj: KubeObject, note: SchedulerNote): void {
    const now = this.ctx.now();
    const id = identity({ component: SCHEDULER }, obj, note);
    if (!this.correlator.allow(id, now.getTime())) return;
    const served = !!this.ctx.registry.preferredVersion('events.k8s.io');
    const t = served ? this.ctx.resource('events.k8s.io', 'events') : this.ctx.resource('', 'events');
    const ns = id.namespace || 'default';
    this.safely(() => {
      const event: KubeObject = {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name: this.eventName(obj, now), namespace: ns },
        involvedObject: reference(obj, note.fieldPath),
        reason: note.reason,
        message: note.message,
        source: {},
        firstTimestamp: null,
        lastTimestamp: null,
        type: note.type,
        eventTime: microTime(now),
        action: note.action,
        reportingComponent: SCHEDULER,
        reportingInstance: `${SCHEDULER}-${CONTROL_PLANE_HOST}`,
      };
      const body = served ? { ...toEventsV1(event), apiVersion: `events.k8s.io/${t.version}` } : event;
      this.ctx.api.create(t, ns, body, { fieldManager: 'kube-scheduler', user: { username: 'system:kube-scheduler', groups: ['system:authenticated'] } });
    });
  }

  /** client-go: `fmt.Sprintf("%v.%x", ref.Name, t.UnixNano())`; the sequence keeps same-millisecond names apart. */
  private eventName(obj: KubeObject, now: Date): string {
    const nanos = BigInt(now.getTime()) * 1_000_000n + BigInt(this.seq++ % 1_000_000);
    return `${obj.metadata.name}.${nanos.toString(16)}`;
  }

  private safely(write: () => void): void {
    try {
      write();
    } catch (e) {
      this.ctx.log(`event recorder: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}

const recorders = new WeakMap<ControllerContext, EventRecorder>();

/** The one recorder of a cluster's controllers, so folding and the spam filter see all of them. */
export function eventsOf(ctx: ControllerContext): EventRecorder {
  let r = recorders.get(ctx);
  if (!r) {
    r = new EventRecorder(ctx);
    recorders.set(ctx, r);
  }
  return r;
}

function identity(source: EventSource, obj: KubeObject, note: EventNote): EventIdentity {
  const m = obj.metadata;
  return {
    component: source.component,
    host: source.host ?? '',
    kind: obj.kind ?? '',
    namespace: m.namespace ?? '',
    name: m.name ?? '',
    uid: m.uid ?? '',
    apiVersion: obj.apiVersion ?? '',
    type: note.type,
    reason: note.reason,
    message: note.message,
    fieldPath: note.fieldPath ?? '',
  };
}

/** An ObjectReference with the fields (and order) client-go's `ref.GetReference` fills. */
function reference(obj: KubeObject, fieldPath: string | undefined): Record<string, string> {
  const m = obj.metadata;
  return {
    kind: obj.kind!,
    ...(m.namespace ? { namespace: m.namespace } : {}),
    name: m.name!,
    uid: m.uid!,
    apiVersion: obj.apiVersion!,
    resourceVersion: m.resourceVersion ?? '',
    ...(fieldPath ? { fieldPath } : {}),
  };
}

/** metav1.MicroTime: RFC 3339 with six fractional digits. */
const microTime = (d: Date): string => d.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');

/** The kubelet writes as its node; the controllers as kube-controller-manager. */
function writeOptions(component: string, host: string | undefined): WriteOptions {
  if (component === 'kubelet' && host) {
    const user: UserInfo = { username: `system:node:${host}`, groups: ['system:nodes', 'system:authenticated'] };
    return { fieldManager: 'kubelet', user };
  }
  return { fieldManager: 'kube-controller-manager', user: SYSTEM_CONTROLLER };
}
