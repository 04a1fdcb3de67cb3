import { KubeObject } from '../../store/kube-object';
import { age, humanDuration } from './human-duration';
import { ageCol, at, col, containerImages, containerNames, KindPrinter, list, num, selectorString, str } from './printer-kit';

const podSpec = (o: KubeObject): unknown => at(o, 'spec', 'template', 'spec');
const wide = [col('Containers', 'string', 'Names of each container in the template.', 1), col('Images', 'string', 'Images referenced by each container in the template.', 1), col('Selector', 'string', 'Label selector for pods.', 1)];
const wideCells = (o: KubeObject): string[] => [containerNames(podSpec(o)), containerImages(podSpec(o)), selectorString(at(o, 'spec', 'selector'))];

function jobStatus(o: KubeObject): string {
  const conditions = list(at(o, 'status', 'conditions'));
  const holds = (type: string): boolean => conditions.some((c) => at(c, 'type') === type && at(c, 'status') === 'True');
  if (holds('Complete')) return 'Complete';
  if (holds('Failed')) return 'Failed';
  if (holds('FailureTarget')) return 'FailureTarget';
  if (holds('Suspended') || at(o, 'spec', 'suspend') === true) return 'Suspended';
  if (holds('SuccessCriteriaMet')) return 'SuccessCriteriaMet';
  return 'Running';
}

function jobDuration(o: KubeObject, now: Date): string {
  const start = at(o, 'status', 'startTime');
  if (typeof start !== 'string') return '';
  const end = at(o, 'status', 'completionTime');
  return humanDuration((typeof end === 'string' ? Date.parse(end) : now.getTime()) - Date.parse(start));
}

export const workloadPrinters: Record<string, KindPrinter> = {
  Deployment: {
    columns: [col('Ready', 'string', 'Number of the pod with ready state'), col('Up-to-date', 'string', 'Total number of non-terminated pods targeted by this deployment that have the desired template spec.'), col('Available', 'string', 'Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.'), ageCol(), ...wide],
    cells: (o, { now }) => [`${num(at(o, 'status', 'readyReplicas'))}/${num(at(o, 'spec', 'replicas'))}`, num(at(o, 'status', 'updatedReplicas')), num(at(o, 'status', 'availableReplicas')), age(o.metadata.creationTimestamp, now), ...wideCells(o)],
  },
  ReplicaSet: {
    columns: [col('Desired', 'integer', 'Number of desired pods.'), col('Current', 'integer', 'Number of actual replicas.'), col('Ready', 'integer', 'The number of ready replicas.'), ageCol(), ...wide],
    cells: (o, { now }) => [num(at(o, 'spec', 'replicas')), num(at(o, 'status', 'replicas')), num(at(o, 'status', 'readyReplicas')), age(o.metadata.creationTimestamp, now), ...wideCells(o)],
  },
  StatefulSet: {
    columns: [col('Ready', 'string', 'Number of the pod with ready state'), ageCol(), wide[0], wide[1]],
    cells: (o, { now }) => [`${num(at(o, 'status', 'readyReplicas'))}/${num(at(o, 'spec', 'replicas'))}`, age(o.metadata.creationTimestamp, now), containerNames(podSpec(o)), containerImages(podSpec(o))],
  },
  DaemonSet: {
    columns: [col('Desired', 'integer', 'The number of nodes that should be running the daemon pod.'), col('Current', 'integer', 'The number of nodes running at least one daemon pod.'), col('Ready', 'integer', 'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and ready.'), col('Up-to-date', 'integer', 'The total number of nodes that are running updated daemon pod.'), col('Available', 'integer', 'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available.'), col('Node Selector', 'string', 'NodeSelector is a selector which must be true for the pod to fit on a node.'), ageCol(), ...wide],
    cells: (o, { now }) => {
      const sel = at(o, 'spec', 'template', 'spec', 'nodeSelector') as Record<string, string> | undefined;
      const nodeSelector = sel && Object.keys(sel).length ? Object.entries(sel).map(([k, v]) => `${k}=${v}`).join(',') : '<none>';
      const s = (k: string): number => num(at(o, 'status', k));
      return [s('desiredNumberScheduled'), s('currentNumberScheduled'), s('numberReady'), s('updatedNumberScheduled'), s('numberAvailable'), nodeSelector, age(o.metadata.creationTimestamp, now), ...wideCells(o)];
    },
  },
  ControllerRevision: {
    columns: [col('Controller', 'string', 'Controller of the object.'), col('Revision', 'integer', 'Revision of the ControllerRevision.'), ageCol()],
    cells: (o, { now }) => {
      const owner = (o.metadata.ownerReferences ?? []).find((r) => r.controller);
      return [owner ? `${owner.kind.toLowerCase()}.${owner.apiVersion.split('/')[0]}/${owner.name}` : '<none>', num(o.revision), age(o.metadata.creationTimestamp, now)];
    },
  },
  Job: {
    columns: [col('Status', 'string', 'Status of the job.'), col('Completions', 'string', 'The completion status of the job.'), col('Duration', 'string', 'Time required to complete the job.'), ageCol(), ...wide],
    cells: (o, { now }) => {
      const completions = at(o, 'spec', 'completions');
      const done = num(at(o, 'status', 'succeeded'));
      const total = typeof completions === 'number' ? `${done}/${completions}` : `${done}/1 of ${num(at(o, 'spec', 'parallelism')) || 1}`;
      return [jobStatus(o), total, jobDuration(o, now), age(o.metadata.creationTimestamp, now), ...wideCells(o)];
    },
  },
  CronJob: {
    columns: [col('Schedule', 'string', 'The schedule in Cron format.'), col('Timezone', 'string', 'The time zone for the schedule.'), col('Suspend', 'boolean', 'Whether later executions are suspended.'), col('Active', 'integer', 'Number of currently running jobs.'), col('Last Schedule', 'string', 'When the job was last successfully scheduled.'), ageCol(), col('Containers', 'string', 'Names of each container in the template.', 1), col('Images', 'string', 'Images referenced by each container in the template.', 1), col('Selector', 'string', 'Label selector for pods.', 1)],
    cells: (o, { now }) => {
      const tpl = at(o, 'spec', 'jobTemplate', 'spec', 'template', 'spec');
      const last = at(o, 'status', 'lastScheduleTime');
      return [str(at(o, 'spec', 'schedule'), ''), str(at(o, 'spec', 'timeZone')), at(o, 'spec', 'suspend') === true, list(at(o, 'status', 'active')).length, typeof last === 'string' ? age(last, now) : '<none>', age(o.metadata.creationTimestamp, now), containerNames(tpl), containerImages(tpl), selectorString(at(o, 'spec', 'jobTemplate', 'spec', 'selector'))];
    },
  },
};
