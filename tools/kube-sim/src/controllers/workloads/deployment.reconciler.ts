import { KubeObject } from '../../store/kube-object';
import { ControllerContext, ObjectKey, Reconciler } from '../controller-runtime';
import { eventsOf } from '../events/event.recorder';
import { Condition, CONTROLLER_WRITE, controllerRef, intOrPercent, Json, kubeNow, owned, setCondition, templateHash, writeStatus } from './workload-kit';

const REVISION = 'deployment.kubernetes.io/revision';

interface Progress {
  key: string;
  at: number;
}

/** The Deployment controller: one ReplicaSet per template, rolled out and reported like kube's. */
export class DeploymentReconciler implements Reconciler {
  readonly name = 'deployment';
  readonly primary = { group: 'apps', plural: 'deployments' };
  readonly owns = [{ group: 'apps', plural: 'replicasets' }];
  private readonly progress = new Map<string, Progress>();

  reconcile(key: ObjectKey, ctx: ControllerContext): number | void {
    const dType = ctx.resource('apps', 'deployments');
    const d = ctx.api.find(dType, key.namespace, key.name);
    if (!d || d.metadata.deletionTimestamp) return;
    const rsType = ctx.resource('apps', 'replicasets');
    const spec = (d.spec ?? {}) as Json;
    const replicas = typeof spec.replicas === 'number' ? spec.replicas : 1;
    const hash = templateHash(spec.template ?? {});
    const all = owned(ctx, rsType, d);
    let current = all.find((rs) => rs.metadata.labels?.['pod-template-hash'] === hash);
    const old = all.filter((rs) => rs !== current);
    if (spec.paused) return this.report(ctx, d, current, old, replicas);
    if (!current) current = this.createReplicaSet(ctx, d, hash, old, replicas);
    this.scale(ctx, d, current, old, replicas);
    this.pruneHistory(ctx, d, old);
    return this.report(ctx, d, ctx.api.find(rsType, key.namespace, current.metadata.name!), owned(ctx, rsType, d).filter((rs) => rs.metadata.name !== current.metadata.name), replicas);
  }

  private createReplicaSet(ctx: ControllerContext, d: KubeObject, hash: string, old: KubeObject[], replicas: number): KubeObject {
    const spec = d.spec as Json;
    const revision = Math.max(0, ...old.map((rs) => Number(rs.metadata.annotations?.[REVISION] ?? 0))) + 1;
    const recreate = spec.strategy?.type === 'Recreate';
    const template = structuredClone(spec.template ?? {}) as Json;
    template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), 'pod-template-hash': hash } };
    const selector = structuredClone(spec.selector ?? {}) as Json;
    selector.matchLabels = { ...(selector.matchLabels ?? {}), 'pod-template-hash': hash };
    const maxSurge = intOrPercent(spec.strategy?.rollingUpdate?.maxSurge ?? '25%', replicas, true);
    const rs: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `${d.metadata.name}-${hash}`,
        labels: { ...(template.metadata.labels as Record<string, string>) },
        annotations: { 'deployment.kubernetes.io/desired-replicas': String(replicas), 'deployment.kubernetes.io/max-replicas': String(replicas + (recreate ? 0 : maxSurge)), [REVISION]: String(revision) },
        ownerReferences: [controllerRef(d)],
      },
      spec: { replicas: old.length && recreate ? 0 : replicas, selector, template },
    };
    const created = ctx.api.create(ctx.resource('apps', 'replicasets'), d.metadata.namespace!, rs, CONTROLLER_WRITE);
    scaled(ctx, d, created, 0);
    if (d.metadata.annotations?.[REVISION] !== String(revision)) {
      // Through /status, as the deployment controller does (UpdateStatus): an annotation written
      // through the main resource would bump the Deployment's generation.
      ctx.api.update(ctx.resource('apps', 'deployments'), d.metadata.namespace!, d.metadata.name!, { ...d, metadata: { ...d.metadata, annotations: { ...d.metadata.annotations, [REVISION]: String(revision) } } }, CONTROLLER_WRITE, 'status');
    }
    return created;
  }

  /** New ReplicaSet to full size; old ones drained once the new pods are available (or first, for Recreate). */
  private scale(ctx: ControllerContext, d: KubeObject, current: KubeObject, old: KubeObject[], replicas: number): void {
    const rsType = ctx.resource('apps', 'replicasets');
    const recreate = (d.spec as Json).strategy?.type === 'Recreate';
    const setReplicas = (rs: KubeObject, n: number): void => {
      if ((rs.spec as Json).replicas === n) return;
      const annotations = { ...rs.metadata.annotations, 'deployment.kubernetes.io/desired-replicas': String(replicas) };
      const updated = ctx.api.update(rsType, rs.metadata.namespace!, rs.metadata.name!, { ...rs, metadata: { ...rs.metadata, annotations }, spec: { ...(rs.spec as Json), replicas: n } }, CONTROLLER_WRITE);
      scaled(ctx, d, updated, Number((rs.spec as Json).replicas ?? 0));
    };
    const oldPods = old.reduce((n, rs) => n + Number((rs.status as Json | undefined)?.replicas ?? 0), 0);
    if (recreate) {
      for (const rs of old) setReplicas(rs, 0);
      if (oldPods === 0) setReplicas(current, replicas);
      return;
    }
    setReplicas(current, replicas);
    const available = Number((current.status as Json | undefined)?.availableReplicas ?? 0);
    if (available >= replicas) for (const rs of old) setReplicas(rs, 0);
  }

  private pruneHistory(ctx: ControllerContext, d: KubeObject, old: KubeObject[]): void {
    const limit = Number((d.spec as Json).revisionHistoryLimit ?? 10);
    const idle = old.filter((rs) => (rs.spec as Json).replicas === 0 && !Number((rs.status as Json | undefined)?.replicas ?? 0));
    idle.sort((a, b) => Number(a.metadata.annotations?.[REVISION] ?? 0) - Number(b.metadata.annotations?.[REVISION] ?? 0));
    for (const rs of idle.slice(0, Math.max(0, idle.length - limit))) ctx.api.delete(ctx.resource('apps', 'replicasets'), rs.metadata.namespace!, rs.metadata.name!, CONTROLLER_WRITE);
  }

  private report(ctx: ControllerContext, d: KubeObject, current: KubeObject | undefined, old: KubeObject[], replicas: number): number | void {
    const st = (rs: KubeObject | undefined, k: string): number => Number((rs?.status as Json | undefined)?.[k] ?? 0);
    const all = current ? [current, ...old] : old;
    const sum = (k: string): number => all.reduce((n, rs) => n + st(rs, k), 0);
    const total = sum('replicas');
    const updated = st(current, 'replicas');
    const available = sum('availableReplicas');
    const spec = d.spec as Json;
    const now = kubeNow(ctx);
    const maxUnavailable = intOrPercent(spec.strategy?.rollingUpdate?.maxUnavailable ?? '25%', replicas, false);
    let conditions = ((d.status as Json | undefined)?.conditions ?? []) as Condition[];
    conditions = setCondition(
      conditions,
      available >= replicas - (spec.strategy?.type === 'Recreate' ? 0 : maxUnavailable)
        ? { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' }
        : { type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' },
      now,
      true,
    );
    const rsName = current?.metadata.name ?? d.metadata.name!;
    const complete = updated === replicas && st(current, 'availableReplicas') === replicas && total === replicas;
    const uid = d.metadata.uid!;
    const progressKey = `${rsName}|${updated}|${st(current, 'readyReplicas')}|${available}|${total}`;
    const seen = this.progress.get(uid);
    if (!seen || seen.key !== progressKey) this.progress.set(uid, { key: progressKey, at: Date.now() });
    const stalledMs = Date.now() - (this.progress.get(uid)?.at ?? Date.now());
    const deadlineMs = Number(spec.progressDeadlineSeconds ?? 600) * 1000;
    let progressing: Condition;
    if (spec.paused) progressing = { type: 'Progressing', status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' };
    else if (complete) progressing = { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${rsName}" has successfully progressed.` };
    else if (stalledMs >= deadlineMs) progressing = { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${rsName}" has timed out progressing.` };
    else progressing = { type: 'Progressing', status: 'True', reason: updated ? 'ReplicaSetUpdated' : 'NewReplicaSetCreated', message: updated ? `ReplicaSet "${rsName}" is progressing.` : `Created new replica set "${rsName}"` };
    const prevProgressing = conditions.find((c) => c.type === 'Progressing');
    const keepUpdateTime = prevProgressing?.reason === progressing.reason && progressing.reason === 'ReplicaSetUpdated' && seen?.key === progressKey;
    conditions = setCondition(conditions, progressing, now, true);
    if (keepUpdateTime && prevProgressing) conditions = conditions.map((c) => (c.type === 'Progressing' ? { ...c, lastUpdateTime: prevProgressing.lastUpdateTime } : c));
    const status: Json = {
      availableReplicas: available,
      conditions: ['Available', 'Progressing'].map((t) => conditions.find((c) => c.type === t)).filter(Boolean),
      observedGeneration: d.metadata.generation,
      readyReplicas: sum('readyReplicas'),
      replicas: total,
      updatedReplicas: updated,
    };
    if (replicas - available > 0) status.unavailableReplicas = replicas - available;
    for (const k of ['availableReplicas', 'readyReplicas', 'replicas', 'updatedReplicas']) if (!status[k]) delete status[k];
    writeStatus(ctx, ctx.resource('apps', 'deployments'), ctx.api.find(ctx.resource('apps', 'deployments'), d.metadata.namespace!, d.metadata.name!)!, status);
    if (!complete && !spec.paused && stalledMs < deadlineMs) return Math.min(deadlineMs - stalledMs + 10, 5000);
  }
}

/** The deployment controller's ScalingReplicaSet Event (sync.go: scaleReplicaSet). */
function scaled(ctx: ControllerContext, d: KubeObject, rs: KubeObject, from: number): void {
  const to = Number((rs.spec as Json).replicas ?? 0);
  if (to === from) return;
  const events = eventsOf(ctx);
  const message = events.dialect.scaled(to > from ? 'up' : 'down', rs.metadata.name!, from, to);
  events.record({ component: 'deployment-controller' }, d, { type: 'Normal', reason: 'ScalingReplicaSet', message });
}
