import { KubeObject } from '../../store/kube-object';
import { humanDuration, since, timestampMs } from './human-duration';
import {
  AGE_COLUMN,
  at,
  col,
  CONTAINERS_COLUMN,
  containerCells,
  IMAGES_COLUMN,
  int,
  KindPrinter,
  list,
  NAME_COLUMN,
  PrintContext,
  str,
} from './printer-kit';
import { formatLabelSelector } from './selector-format';

const SELECTOR_COLUMN = col('Selector', 'string', 'A label query over pods that should match the pod count.', 1);

/** kube's hasJobCondition: the first condition of that type decides. */
function jobCondition(job: KubeObject, type: string): boolean {
  const c = list(at(job, 'status', 'conditions')).find((x) => at(x, 'type') === type);
  return c !== undefined && at(c, 'status') === 'True';
}

function jobStatus(job: KubeObject): string {
  if (jobCondition(job, 'Complete')) return 'Complete';
  if (jobCondition(job, 'Failed')) return 'Failed';
  if (job.metadata.deletionTimestamp) return 'Terminating';
  if (jobCondition(job, 'Suspended')) return 'Suspended';
  if (jobCondition(job, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

function completions(job: KubeObject): string {
  const succeeded = int(at(job, 'status', 'succeeded'));
  const wanted = at(job, 'spec', 'completions');
  if (typeof wanted === 'number') return `${succeeded}/${wanted}`;
  const parallelism = int(at(job, 'spec', 'parallelism'));
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

function jobDuration(job: KubeObject, now: number): string {
  const start = timestampMs(at(job, 'status', 'startTime'));
  if (start === undefined) return '';
  const end = timestampMs(at(job, 'status', 'completionTime'));
  return humanDuration((end ?? now) - start);
}

function jobCells(job: KubeObject, { now }: PrintContext): unknown[] {
  const [names, images] = containerCells(at(job, 'spec', 'template', 'spec'));
  return [
    job.metadata.name,
    jobStatus(job),
    completions(job),
    jobDuration(job, now),
    since(job.metadata.creationTimestamp, now),
    names,
    images,
    formatLabelSelector(at(job, 'spec', 'selector')),
  ];
}

/** printBoolPtr: the Suspend column is typed boolean but kube sends `True`, `False` or `<unset>`. */
const boolPtr = (v: unknown): string => (typeof v === 'boolean' ? (v ? 'True' : 'False') : '<unset>');

function cronJobCells(cj: KubeObject, { now }: PrintContext): unknown[] {
  const jobSpec = at(cj, 'spec', 'jobTemplate', 'spec');
  const [names, images] = containerCells(at(jobSpec, 'template', 'spec'));
  const last = at(cj, 'status', 'lastScheduleTime');
  return [
    cj.metadata.name,
    str(at(cj, 'spec', 'schedule')),
    str(at(cj, 'spec', 'timeZone'), '<none>'),
    boolPtr(at(cj, 'spec', 'suspend')),
    list(at(cj, 'status', 'active')).length,
    last ? since(last, now) : '<none>',
    since(cj.metadata.creationTimestamp, now),
    names,
    images,
    formatLabelSelector(at(jobSpec, 'selector')),
  ];
}

export const batchPrinters: Record<string, KindPrinter> = {
  Job: {
    columns: [
      NAME_COLUMN,
      col('Status', 'string', 'Status of the job.'),
      col('Completions', 'string', 'The number of pods which reached phase Succeeded.'),
      col('Duration', 'string', 'Time required to complete the job.'),
      AGE_COLUMN,
      CONTAINERS_COLUMN,
      IMAGES_COLUMN,
      SELECTOR_COLUMN,
    ],
    cells: jobCells,
  },
  CronJob: {
    columns: [
      NAME_COLUMN,
      col('Schedule', 'string', 'The schedule in Cron format, see https://en.wikipedia.org/wiki/Cron.'),
      col(
        'Timezone',
        'string',
        'The time zone name for the given schedule, see https://en.wikipedia.org/wiki/List_of_tz_database_time_zones.',
      ),
      col(
        'Suspend',
        'boolean',
        'This flag tells the controller to suspend subsequent executions, it does not apply to already started executions.',
      ),
      col('Active', 'integer', 'A list of pointers to currently running jobs.'),
      col('Last Schedule', 'string', 'Information when was the last time the job was successfully scheduled.'),
      AGE_COLUMN,
      CONTAINERS_COLUMN,
      IMAGES_COLUMN,
      SELECTOR_COLUMN,
    ],
    cells: cronJobCells,
  },
};
