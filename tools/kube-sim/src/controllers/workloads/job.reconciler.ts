import { ControllerContext, ObjectKey, Reconciler } from '../controller-runtime';
import { eventsOf } from '../events/event.recorder';
import { Condition, CONTROLLER_WRITE, isActive, isPodReady, Json, kubeNow, owned, podFromTemplate, randomSuffix, setCondition, writeStatus } from './workload-kit';

/** The Job controller: runs pods to `completions`, counting failures against `backoffLimit`. */
export class JobReconciler implements Reconciler {
  readonly name = 'job';
  readonly primary = { group: 'batch', plural: 'jobs' };
  readonly owns = [{ group: '', plural: 'pods' }];

  reconcile(key: ObjectKey, ctx: ControllerContext): void {
    const jobType = ctx.resource('batch', 'jobs');
    const job = ctx.api.find(jobType, key.namespace, key.name);
    if (!job || job.metadata.deletionTimestamp) return;
    const spec = (job.spec ?? {}) as Json;
    const status = (job.status ?? {}) as Json;
    let conditions = (status.conditions ?? []) as Condition[];
    const finished = conditions.some((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
    const podType = ctx.resource('', 'pods');
    const pods = owned(ctx, podType, job);
    const succeeded = pods.filter((p) => (p.status as Json | undefined)?.phase === 'Succeeded').length;
    const failed = pods.filter((p) => (p.status as Json | undefined)?.phase === 'Failed').length;
    let active = pods.filter(isActive);
    const completions = typeof spec.completions === 'number' ? spec.completions : 1;
    const parallelism = typeof spec.parallelism === 'number' ? spec.parallelism : 1;
    const backoffLimit = typeof spec.backoffLimit === 'number' ? spec.backoffLimit : 6;
    const now = kubeNow(ctx);
    const record = (type: 'Normal' | 'Warning', reason: string, message: string): void => eventsOf(ctx).record({ component: 'job-controller' }, job, { type, reason, message });
    if (!finished && !spec.suspend) {
      if (failed > backoffLimit) {
        for (const p of active) {
          ctx.api.delete(podType, key.namespace, p.metadata.name!, CONTROLLER_WRITE);
          record('Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`);
        }
        active = [];
        conditions = setCondition(conditions, { type: 'FailureTarget', status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' }, now);
        conditions = setCondition(conditions, { type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' }, now);
        record('Warning', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit');
      } else if (succeeded >= completions) {
        conditions = setCondition(conditions, { type: 'SuccessCriteriaMet', status: 'True', reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' }, now);
        conditions = setCondition(conditions, { type: 'Complete', status: 'True', reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' }, now);
        record('Normal', 'Completed', 'Job completed');
      } else {
        const want = Math.min(parallelism, completions - succeeded);
        const labels = { 'batch.kubernetes.io/controller-uid': job.metadata.uid!, 'batch.kubernetes.io/job-name': key.name, 'controller-uid': job.metadata.uid!, 'job-name': key.name };
        for (let i = active.length; i < want; i++) {
          const pod = ctx.api.create(podType, key.namespace, podFromTemplate(job, spec.template, `${key.name}-${randomSuffix()}`, labels), CONTROLLER_WRITE);
          active.push(pod);
          record('Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`);
        }
      }
    }
    const done = conditions.some((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
    const next: Json = {
      ...(active.length ? { active: active.length } : {}),
      ...(done && conditions.some((c) => c.type === 'Complete') ? { completionTime: status.completionTime ?? now } : {}),
      ...(conditions.length ? { conditions } : {}),
      ...(failed ? { failed } : {}),
      ready: active.filter(isPodReady).length,
      startTime: status.startTime ?? now,
      ...(succeeded ? { succeeded } : {}),
      terminating: 0,
      uncountedTerminatedPods: {},
    };
    writeStatus(ctx, jobType, job, next);
  }
}
