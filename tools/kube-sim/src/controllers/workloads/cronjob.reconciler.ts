import { KubeObject } from '../../store/kube-object';
import { ControllerContext, ObjectKey, Reconciler } from '../controller-runtime';
import { eventsOf } from '../events/event.recorder';
import { nextRun, parseCron } from './cron-schedule';
import { CONTROLLER_WRITE, controllerRef, Json, owned, writeStatus } from './workload-kit';

const jobDone = (j: KubeObject, type: string): boolean => (((j.status as Json | undefined)?.conditions ?? []) as Json[]).some((c) => c.type === type && c.status === 'True');

/** The CronJob controller: a Job per scheduled minute, concurrency policy, history limits. */
export class CronJobReconciler implements Reconciler {
  readonly name = 'cronjob';
  readonly primary = { group: 'batch', plural: 'cronjobs' };
  readonly owns = [{ group: 'batch', plural: 'jobs' }];

  reconcile(key: ObjectKey, ctx: ControllerContext): number | void {
    const cjType = ctx.resource('batch', 'cronjobs');
    const cj = ctx.api.find(cjType, key.namespace, key.name);
    if (!cj || cj.metadata.deletionTimestamp) return;
    const spec = (cj.spec ?? {}) as Json;
    const status = (cj.status ?? {}) as Json;
    let schedule;
    try {
      schedule = parseCron(String(spec.schedule ?? ''));
    } catch {
      return;
    }
    const jobType = ctx.resource('batch', 'jobs');
    let jobs = owned(ctx, jobType, cj);
    const now = ctx.now();
    const since = new Date(Date.parse(status.lastScheduleTime ?? cj.metadata.creationTimestamp ?? now.toISOString()) - 1);
    const due = nextRun(schedule, since);
    let lastScheduleTime = status.lastScheduleTime as string | undefined;
    if (!spec.suspend && due <= now) {
      const active = jobs.filter((j) => !jobDone(j, 'Complete') && !jobDone(j, 'Failed'));
      const policy = spec.concurrencyPolicy ?? 'Allow';
      if (policy === 'Replace') for (const j of active) this.deleteJob(ctx, cj, j);
      if (policy !== 'Forbid' || !active.length) {
        const name = `${key.name}-${Math.floor(due.getTime() / 60_000)}`;
        const tpl = (spec.jobTemplate ?? {}) as Json;
        const stamp = due.toISOString().replace(/\.\d{3}Z$/, 'Z');
        if (!ctx.api.find(jobType, key.namespace, name)) {
          ctx.api.create(jobType, key.namespace, { apiVersion: 'batch/v1', kind: 'Job', metadata: { name, labels: tpl.metadata?.labels, annotations: { ...(tpl.metadata?.annotations ?? {}), 'batch.kubernetes.io/cronjob-scheduled-timestamp': stamp }, ownerReferences: [controllerRef(cj)] }, spec: structuredClone(tpl.spec ?? {}) }, CONTROLLER_WRITE);
          eventsOf(ctx).record({ component: 'cronjob-controller' }, cj, { type: 'Normal', reason: 'SuccessfulCreate', message: `Created job ${name}` });
        }
        lastScheduleTime = stamp;
        jobs = owned(ctx, jobType, cj);
      }
    }
    this.pruneHistory(ctx, cj, jobs, Number(spec.successfulJobsHistoryLimit ?? 3), 'Complete');
    this.pruneHistory(ctx, cj, jobs, Number(spec.failedJobsHistoryLimit ?? 1), 'Failed');
    const active = jobs.filter((j) => !jobDone(j, 'Complete') && !jobDone(j, 'Failed'));
    const succeededTimes = jobs.filter((j) => jobDone(j, 'Complete')).map((j) => String((j.status as Json).completionTime ?? '')).sort();
    writeStatus(ctx, cjType, cj, {
      ...(active.length ? { active: active.map((j) => ({ apiVersion: 'batch/v1', kind: 'Job', name: j.metadata.name, namespace: key.namespace, uid: j.metadata.uid, resourceVersion: j.metadata.resourceVersion })) } : {}),
      ...(lastScheduleTime ? { lastScheduleTime } : {}),
      ...(succeededTimes.length ? { lastSuccessfulTime: succeededTimes[succeededTimes.length - 1] } : status.lastSuccessfulTime ? { lastSuccessfulTime: status.lastSuccessfulTime } : {}),
    });
    return Math.max(nextRun(schedule, lastScheduleTime ? new Date(lastScheduleTime) : now).getTime() - now.getTime(), 100);
  }

  private pruneHistory(ctx: ControllerContext, cj: KubeObject, jobs: KubeObject[], keep: number, type: string): void {
    const done = jobs.filter((j) => jobDone(j, type)).sort((a, b) => String(a.metadata.creationTimestamp).localeCompare(String(b.metadata.creationTimestamp)));
    for (const j of done.slice(0, Math.max(0, done.length - keep))) this.deleteJob(ctx, cj, j);
  }

  private deleteJob(ctx: ControllerContext, cj: KubeObject, job: KubeObject): void {
    ctx.api.delete(ctx.resource('batch', 'jobs'), job.metadata.namespace!, job.metadata.name!, { ...CONTROLLER_WRITE, propagationPolicy: 'Background' });
    eventsOf(ctx).record({ component: 'cronjob-controller' }, cj, { type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted job ${job.metadata.name}` });
  }
}
