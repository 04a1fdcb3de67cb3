import { KubeObject } from '../../store/kube-object';
import { StoreEvent } from '../../store/object.store';
import { ControllerContext, ObjectKey, Reconciler } from '../controller-runtime';
import { KubeletEvents, pullError } from './kubelet.events';
import { CONTROLLER_WRITE, Json, kubeNow, writeStatus } from './workload-kit';
import { jobRunDelay, podStartDelay } from './workload-timing';

export const FAIL_ANNOTATION = 'kube-sim.flotilla.dev/fail';
export { START_MS_ANNOTATION } from './workload-timing';

/** The scheduler and the kubelet: pods land on a node, start after a delay, and run, fail or complete. */
export class PodReconciler implements Reconciler {
  readonly name = 'kubelet';
  readonly primary = { group: '', plural: 'pods' };
  private nextNode = 0;
  private podSeq = 0;
  /** When each pod was first seen (creationTimestamp has only second precision). */
  private readonly seen = new Map<string, number>();
  private readonly events = new KubeletEvents();
  /** Pods removed from storage since their last reconcile, by namespace/name: their containers get stopped. */
  private readonly removed = new Map<string, KubeObject>();

  mapEvent(e: StoreEvent): ObjectKey[] {
    if (e.type !== 'DELETED' || e.resource !== '/pods') return [];
    const pod = JSON.parse(e.object.json) as KubeObject;
    this.seen.delete(pod.metadata.uid!);
    this.removed.set(`${e.object.namespace}/${e.object.name}`, pod);
    return [];
  }

  reconcile(key: ObjectKey, ctx: ControllerContext): number | void {
    const gone = this.removed.get(`${key.namespace}/${key.name}`);
    this.removed.delete(`${key.namespace}/${key.name}`);
    if (gone) this.events.killing(ctx, gone);
    const pods = ctx.resource('', 'pods');
    const found = ctx.api.find(pods, key.namespace, key.name);
    if (!found) return;
    const uid = found.metadata.uid!;
    if (found.metadata.deletionTimestamp) {
      this.seen.delete(uid);
      this.events.killing(ctx, found);
      return;
    }
    const pod = this.schedule(ctx, found);
    if (typeof pod === 'number') return pod;
    if (!pod) return;
    const first = this.seen.get(uid) ?? Date.now();
    this.seen.set(uid, first);
    const annotations = pod.metadata.annotations ?? {};
    const startMs = podStartDelay(ctx, pod);
    const elapsed = Date.now() - first;
    const status = (pod.status ?? {}) as Json;
    if (status.phase === 'Succeeded' || status.phase === 'Failed') return;
    const fail = annotations[FAIL_ANNOTATION];
    const batch = (pod.spec as Json).restartPolicy !== 'Always';
    const now = kubeNow(ctx);
    if (elapsed < startMs) {
      writeStatus(ctx, pods, pod, pendingStatus(pod, status, now, 'ContainerCreating', ''));
      this.events.starting(ctx, pod);
      return startMs - elapsed;
    }
    if (fail === 'image-pull') {
      const backOff = elapsed > startMs + 2000;
      const image = ((pod.spec as Json).containers?.[0]?.image as string) ?? '';
      const failure = pullError(image);
      writeStatus(ctx, pods, pod, pendingStatus(pod, status, now, backOff ? 'ImagePullBackOff' : 'ErrImagePull', backOff ? `Back-off pulling image "${image}"` : failure));
      this.events.pullFailed(ctx, pod, backOff, failure);
      return backOff ? undefined : startMs + 2000 - elapsed + 10;
    }
    if (fail === 'crash' && !batch) {
      const restarts = Math.floor((elapsed - startMs) / 1000);
      writeStatus(ctx, pods, pod, this.crashStatus(pod, status, now, restarts));
      this.events.crashed(ctx, pod, restarts, startMs);
      return restarts < 5 ? 1000 : 10_000;
    }
    const running = this.runningStatus(pod, status, now, first);
    const runMs = batch ? jobRunDelay(ctx, pod) : 0;
    this.events.started(ctx, pod, startMs);
    // Instant mode still shows a Job's pod Running for one tick before it completes.
    if (batch && elapsed >= startMs + runMs && status.phase === 'Running') {
      writeStatus(ctx, pods, pod, terminatedStatus(pod, running, now, fail === 'job' || fail === 'crash' ? 1 : 0));
      this.events.forget(uid);
      return;
    }
    writeStatus(ctx, pods, pod, running);
    if (batch) return Math.max(startMs + runMs - elapsed, 0);
  }

  /** The default scheduler binds only pods that name it; others wait for their scheduler's Binding. */
  private schedule(ctx: ControllerContext, pod: KubeObject): KubeObject | number | undefined {
    const spec = (pod.spec ?? {}) as Json;
    if (spec.nodeName) return pod;
    if (spec.schedulerName && spec.schedulerName !== 'default-scheduler') return undefined;
    const nodes = ctx.api.list(ctx.resource('', 'nodes'), {}).items;
    if (!nodes.length) return 1000;
    const node = nodes[this.nextNode++ % nodes.length].name;
    const bound = ctx.api.update(ctx.resource('', 'pods'), pod.metadata.namespace!, pod.metadata.name!, { ...pod, spec: { ...spec, nodeName: node } }, { ...CONTROLLER_WRITE, fieldManager: 'kube-scheduler' });
    this.events.scheduled(ctx, bound, node);
    return bound;
  }

  private runningStatus(pod: KubeObject, status: Json, now: string, first: number): Json {
    const startedAt = (status.containerStatuses?.[0]?.state?.running?.startedAt as string | undefined) ?? now;
    const conds = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({ type, status: 'True', lastProbeTime: null, lastTransitionTime: findTransition(status, type, 'True') ?? now }));
    return {
      phase: 'Running',
      conditions: conds,
      hostIP: status.hostIP ?? nodeIp(pod),
      hostIPs: [{ ip: status.hostIP ?? nodeIp(pod) }],
      podIP: status.podIP ?? this.podIp(),
      podIPs: [{ ip: status.podIP ?? this.podIp() }],
      startTime: status.startTime ?? new Date(first).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      containerStatuses: containers(pod).map((c) => ({
        containerID: `containerd://${(pod.metadata.uid ?? '').replace(/-/g, '')}${c.name}`.slice(0, 77),
        image: c.image,
        imageID: `${String(c.image).split(':')[0]}@sha256:${(pod.metadata.uid ?? '').replace(/-/g, '').padEnd(64, '0').slice(0, 64)}`,
        lastState: {},
        name: c.name,
        ready: true,
        restartCount: 0,
        started: true,
        state: { running: { startedAt } },
      })),
      qosClass: 'BestEffort',
    };
  }

  private crashStatus(pod: KubeObject, status: Json, now: string, restarts: number): Json {
    const base = pendingStatus(pod, status, now, 'CrashLoopBackOff', `back-off ${Math.min(10 * 2 ** restarts, 300)}s restarting failed container`);
    return {
      ...base,
      phase: 'Running',
      podIP: status.podIP ?? this.podIp(),
      containerStatuses: base.containerStatuses.map((c: Json) => ({ ...c, restartCount: restarts, lastState: { terminated: { exitCode: 1, reason: 'Error', startedAt: now, finishedAt: now, containerID: `containerd://${c.name}` } } })),
    };
  }

  private podIp(): string {
    const n = this.podSeq++;
    return `10.244.${Math.floor(n / 250) % 250}.${(n % 250) + 2}`;
  }
}

function containers(pod: KubeObject): Json[] {
  return ((pod.spec as Json | undefined)?.containers ?? []) as Json[];
}

function findTransition(status: Json, type: string, value: string): string | undefined {
  const c = ((status.conditions ?? []) as Json[]).find((x) => x.type === type && x.status === value);
  return c?.lastTransitionTime as string | undefined;
}

const nodeIp = (pod: KubeObject): string => `172.18.0.${(Number(/(\d+)$/.exec(String((pod.spec as Json).nodeName))?.[1] ?? 1) % 250) + 1}`;

function pendingStatus(pod: KubeObject, status: Json, now: string, reason: string, message: string): Json {
  return {
    phase: 'Pending',
    conditions: [
      { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: findTransition(status, 'PodScheduled', 'True') ?? now },
      { type: 'Ready', status: 'False', lastProbeTime: null, lastTransitionTime: findTransition(status, 'Ready', 'False') ?? now, reason: 'ContainersNotReady', message: `containers with unready status: [${containers(pod).map((c) => c.name).join(' ')}]` },
    ],
    hostIP: nodeIp(pod),
    startTime: status.startTime ?? now,
    containerStatuses: containers(pod).map((c) => ({ name: c.name, image: c.image, imageID: '', lastState: {}, ready: false, restartCount: 0, started: false, state: { waiting: { reason, ...(message ? { message } : {}) } } })),
    qosClass: 'BestEffort',
  };
}

function terminatedStatus(pod: KubeObject, running: Json, now: string, exitCode: number): Json {
  const reason = exitCode === 0 ? 'Completed' : 'Error';
  return {
    ...running,
    phase: exitCode === 0 ? 'Succeeded' : 'Failed',
    conditions: (running.conditions as Json[]).map((c) => (c.type === 'Ready' || c.type === 'ContainersReady' ? { ...c, status: 'False', reason: 'PodCompleted', lastTransitionTime: now } : c)),
    containerStatuses: (running.containerStatuses as Json[]).map((c) => ({ ...c, ready: false, started: false, state: { terminated: { exitCode, reason, startedAt: c.state?.running?.startedAt ?? now, finishedAt: now, containerID: c.containerID } } })),
  };
}
