import { KubeObject } from '../../store/kube-object';
import { ControllerContext } from '../controller-runtime';
import { EventNote, eventsOf } from '../events/event.recorder';
import { Json } from './workload-kit';

interface PodProgress {
  /** Stages already reported, so a level-triggered reconcile reports each once. */
  stages: Set<string>;
  /** Containers whose image had to be pulled (not already on the node). */
  pulled: Set<string>;
  restarts: number;
}

const containers = (pod: KubeObject): Json[] => ((pod.spec as Json | undefined)?.containers ?? []) as Json[];
const fieldPath = (c: Json): string => `spec.containers{${c.name}}`;

/**
 * The Events the scheduler and the kubelet write over a pod's life (pkg/kubelet/events):
 * Scheduled, then Pulling/Pulled/Created/Started per container, Failed/BackOff when an image
 * cannot be pulled or a container keeps crashing, Killing when the pod goes.
 */
export class KubeletEvents {
  private readonly progress = new Map<string, PodProgress>();
  /** Images each node has pulled, so the second pod of a rollout finds its image present. */
  private readonly images = new Set<string>();

  scheduled(ctx: ControllerContext, pod: KubeObject, node: string): void {
    const message = `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${node}`;
    eventsOf(ctx).recordScheduler(pod, { type: 'Normal', reason: 'Scheduled', message, action: 'Binding' });
  }

  /** The containers are being created: images not on the node are pulled first. */
  starting(ctx: ControllerContext, pod: KubeObject): void {
    const p = this.once(pod, 'starting');
    if (!p) return;
    const node = nodeOf(pod);
    for (const c of containers(pod)) {
      if (c.imagePullPolicy !== 'Always' && this.images.has(`${node}|${c.image}`)) continue;
      p.pulled.add(c.name);
      this.kubelet(ctx, pod, { type: 'Normal', reason: 'Pulling', message: `Pulling image "${c.image}"`, fieldPath: fieldPath(c) });
    }
  }

  /** Every container runs: each was pulled (or found), created and started. */
  started(ctx: ControllerContext, pod: KubeObject, startMs: number): void {
    this.starting(ctx, pod);
    const p = this.once(pod, 'started');
    if (!p) return;
    for (const c of containers(pod)) this.containerStarted(ctx, pod, c, p.pulled.has(c.name) ? startMs : undefined);
  }

  pullFailed(ctx: ControllerContext, pod: KubeObject, backOff: boolean, message: string): void {
    this.starting(ctx, pod);
    const p = this.once(pod, backOff ? 'pull-backoff' : 'pull-failed');
    if (!p) return;
    for (const c of containers(pod)) {
      const at = fieldPath(c);
      if (backOff) {
        this.kubelet(ctx, pod, { type: 'Normal', reason: 'BackOff', message: `Back-off pulling image "${c.image}"`, fieldPath: at });
        this.kubelet(ctx, pod, { type: 'Warning', reason: 'Failed', message: 'Error: ImagePullBackOff', fieldPath: at });
      } else {
        this.kubelet(ctx, pod, { type: 'Warning', reason: 'Failed', message: `Failed to pull image "${c.image}": ${message}`, fieldPath: at });
        this.kubelet(ctx, pod, { type: 'Warning', reason: 'Failed', message: 'Error: ErrImagePull', fieldPath: at });
      }
    }
  }

  /** A restart of a crashing container: started again, then backed off (the counts grow). */
  crashed(ctx: ControllerContext, pod: KubeObject, restarts: number, startMs: number): void {
    this.started(ctx, pod, startMs);
    const p = this.progress.get(pod.metadata.uid!)!;
    if (restarts <= p.restarts) return;
    p.restarts = restarts;
    const { namespace, name, uid } = pod.metadata;
    for (const c of containers(pod)) {
      this.containerStarted(ctx, pod, c, undefined);
      this.kubelet(ctx, pod, { type: 'Warning', reason: 'BackOff', message: `Back-off restarting failed container ${c.name} in pod ${name}_${namespace}(${uid})`, fieldPath: fieldPath(c) });
    }
  }

  /** The pod is going: its started containers are stopped. */
  killing(ctx: ControllerContext, pod: KubeObject): void {
    const p = this.progress.get(pod.metadata.uid!);
    this.forget(pod.metadata.uid!);
    if (!p?.stages.has('started') || ['Succeeded', 'Failed'].includes((pod.status as Json | undefined)?.phase)) return;
    for (const c of containers(pod)) this.kubelet(ctx, pod, { type: 'Normal', reason: 'Killing', message: `Stopping container ${c.name}`, fieldPath: fieldPath(c) });
  }

  forget(uid: string): void {
    this.progress.delete(uid);
  }

  private containerStarted(ctx: ControllerContext, pod: KubeObject, c: Json, pulledInMs: number | undefined): void {
    const at = fieldPath(c);
    const dialect = eventsOf(ctx).dialect;
    const pulled = pulledInMs === undefined ? `Container image "${c.image}" already present on machine` : dialect.pulled(String(c.image), pulledInMs, imageSize(String(c.image)));
    this.images.add(`${nodeOf(pod)}|${c.image}`);
    this.kubelet(ctx, pod, { type: 'Normal', reason: 'Pulled', message: pulled, fieldPath: at });
    this.kubelet(ctx, pod, { type: 'Normal', reason: 'Created', message: dialect.created(String(c.name)), fieldPath: at });
    this.kubelet(ctx, pod, { type: 'Normal', reason: 'Started', message: `Started container ${c.name}`, fieldPath: at });
  }

  /** The pod's progress if `stage` is new (and now recorded), else undefined. */
  private once(pod: KubeObject, stage: string): PodProgress | undefined {
    const uid = pod.metadata.uid!;
    const p = this.progress.get(uid) ?? { stages: new Set<string>(), pulled: new Set<string>(), restarts: 0 };
    this.progress.set(uid, p);
    if (p.stages.has(stage)) return undefined;
    p.stages.add(stage);
    return p;
  }

  private kubelet(ctx: ControllerContext, pod: KubeObject, note: EventNote): void {
    eventsOf(ctx).record({ component: 'kubelet', host: nodeOf(pod) }, pod, note);
  }
}

const nodeOf = (pod: KubeObject): string => String((pod.spec as Json | undefined)?.nodeName ?? '');

/** A plausible, stable size for an image (the kubelet reports the pulled image's size). */
function imageSize(image: string): number {
  let h = 0;
  for (const ch of image) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return 5_000_000 + (h % 95_000_000);
}

/** containerd's answer for an image no registry has, as the kubelet reports it (status and Event). */
export function pullError(image: string): string {
  const ref = fullReference(image);
  return `rpc error: code = NotFound desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${ref}: not found`;
}

/** `nginx` → `docker.io/library/nginx:latest`, as containerd normalises a reference. */
function fullReference(image: string): string {
  const first = image.split('/')[0];
  const withHost = !image.includes('/') ? `docker.io/library/${image}` : /[.:]/.test(first) || first === 'localhost' ? image : `docker.io/${image}`;
  const last = withHost.slice(withHost.lastIndexOf('/') + 1);
  return last.includes(':') || last.includes('@') ? withHost : `${withHost}:latest`;
}
