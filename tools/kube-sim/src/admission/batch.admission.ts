import { StatusCause } from '../api/status-error';
import { canonicalJson } from '../cluster/object-meta';
import { KubeObject } from '../store/kube-object';
import { KindAdmission } from './admission';
import { cronScheduleError } from './cron-schedule.validation';
import { goLabelSelector, goMap, immutable, invalid, nonNegative, notSupported, quote, required, shortValue } from './field-errors';
import { defaultPodTemplate } from './pod-spec.defaults';
import { validatePodSpec, validateTemplateRestartPolicy } from './pod-spec.validation';
import { sameSelector, selectorMatches } from './selector.validation';

type Json = Record<string, any>;

const UID_LABEL = 'batch.kubernetes.io/controller-uid';
const NAME_LABEL = 'batch.kubernetes.io/job-name';
const LEGACY_UID_LABEL = 'controller-uid';
const LEGACY_NAME_LABEL = 'job-name';
const JOB_RESTART_POLICIES = ['OnFailure', 'Never'];

/** SetDefaults_Job (batch/v1, 1.32 feature gates) on a JobSpec. */
function defaultJobSpec(spec: Json): void {
  if (spec.completions == null && spec.parallelism == null) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  spec.parallelism ??= 1;
  spec.backoffLimit ??= spec.backoffLimitPerIndex != null ? 2147483647 : 6;
  spec.completionMode ??= 'NonIndexed';
  spec.suspend ??= false;
  spec.podReplacementPolicy ??= spec.podFailurePolicy ? 'Failed' : 'TerminatingOrFailed';
  defaultPodTemplate(spec);
}

/** The Job strategy's generateSelector: the Job's uid selects its pods, which carry uid and name labels. */
function generateSelector(job: KubeObject, spec: Json): void {
  const labels = (spec.template.metadata.labels ??= {}) as Record<string, string>;
  for (const key of [LEGACY_NAME_LABEL, NAME_LABEL]) labels[key] ??= job.metadata.name!;
  for (const key of [LEGACY_UID_LABEL, UID_LABEL]) labels[key] ??= job.metadata.uid!;
  const selector = (spec.selector ??= {});
  const matchLabels = (selector.matchLabels ??= {});
  matchLabels[UID_LABEL] ??= job.metadata.uid!;
}

function hasLabel(labels: Record<string, string> | undefined, key: string, expected: string): StatusCause[] {
  const field = `spec.template.metadata.labels[${key}]`;
  if (!labels || !(key in labels)) return [required(field, expected)];
  return labels[key] === expected ? [] : [invalid(field, goMap(labels), `must be '${expected}'`)];
}

/** ValidateGeneratedSelector: the generated labels are present and the selector is exactly the generated one. */
function validateGeneratedSelector(job: KubeObject, spec: Json): StatusCause[] {
  const labels = spec.template?.metadata?.labels as Record<string, string> | undefined;
  if (spec.manualSelector === true || !labels) return [];
  if (!spec.selector) return [required('spec.selector')];
  const { uid = '', name = '' } = job.metadata;
  const causes = [...hasLabel(labels, LEGACY_UID_LABEL, uid), ...hasLabel(labels, LEGACY_NAME_LABEL, name), ...hasLabel(labels, UID_LABEL, uid), ...hasLabel(labels, NAME_LABEL, name)];
  if (!sameSelector(spec.selector, { matchLabels: { [UID_LABEL]: uid } })) causes.push(invalid('spec.selector', goLabelSelector(spec.selector), '`selector` not auto-generated'));
  return causes;
}

/** validateJobSpec's common part, shared by Jobs and CronJob job templates. */
function validateJobSpecCommon(spec: Json, path: string): StatusCause[] {
  const causes: StatusCause[] = [];
  for (const f of ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished']) causes.push(...nonNegative(spec[f], `${path}.${f}`));
  if (!['NonIndexed', 'Indexed'].includes(spec.completionMode ?? 'NonIndexed')) causes.push(notSupported(`${path}.completionMode`, spec.completionMode, ['NonIndexed', 'Indexed']));
  const podSpec = spec.template?.spec as Json | undefined;
  causes.push(...validatePodSpec(podSpec, `${path}.template.spec`));
  causes.push(...validateTemplateRestartPolicy(podSpec, `${path}.template.spec`, JOB_RESTART_POLICIES));
  return causes;
}

function validateJobUpdate(spec: Json, old: Json): StatusCause[] {
  const causes: StatusCause[] = [];
  if (!sameSelector(spec.selector, old.selector)) causes.push(immutable('spec.selector', spec.selector ? goLabelSelector(spec.selector) : quote('null')));
  if (spec.completions !== old.completions && spec.completionMode !== 'Indexed') causes.push(immutable('spec.completions', spec.completions ?? quote('null')));
  if (spec.completionMode !== old.completionMode) causes.push(immutable('spec.completionMode', quote(spec.completionMode)));
  if (canonicalJson(spec.template) !== canonicalJson(old.template)) causes.push(immutable('spec.template', shortValue(spec.template)));
  return causes;
}

export const jobAdmission: KindAdmission = {
  defaults(obj, _ctx, old) {
    const spec = (obj.spec ??= {}) as Json;
    defaultJobSpec(spec);
    if (!old && spec.manualSelector !== true) generateSelector(obj, spec);
    // Job labels default to the template's; Go shares the map, so generated labels land on the Job too.
    const templateLabels = spec.template.metadata.labels as Record<string, string> | undefined;
    if (templateLabels && !Object.keys(obj.metadata.labels ?? {}).length) obj.metadata.labels = { ...templateLabels };
  },
  validate(obj, old) {
    const spec = (obj.spec ?? {}) as Json;
    const causes = [...validateGeneratedSelector(obj, spec), ...validateJobSpecCommon(spec, 'spec')];
    if (!spec.selector) causes.push(required('spec.selector'));
    else if (!selectorMatches(spec.selector, spec.template?.metadata?.labels)) {
      causes.push(invalid('spec.template.metadata.labels', goMap(spec.template?.metadata?.labels), '`selector` does not match template `labels`'));
    }
    if (old) causes.push(...validateJobUpdate(spec, (old.spec ?? {})));
    return causes;
  },
};

function validateSchedule(spec: Json, old: Json | undefined): StatusCause[] {
  const schedule = spec.schedule as string | undefined;
  if (!schedule) return [required('spec.schedule')];
  const causes: StatusCause[] = [];
  const error = cronScheduleError(schedule);
  if (error) causes.push(invalid('spec.schedule', quote(schedule), error));
  if (schedule.includes('TZ') && !String(old?.schedule ?? '').includes('TZ')) {
    causes.push(invalid('spec.schedule', quote(schedule), 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
  }
  return causes;
}

export const cronJobAdmission: KindAdmission = {
  defaults(obj) {
    const spec = (obj.spec ??= {}) as Json;
    if (!spec.concurrencyPolicy) spec.concurrencyPolicy = 'Allow';
    spec.suspend ??= false;
    spec.successfulJobsHistoryLimit ??= 3;
    spec.failedJobsHistoryLimit ??= 1;
    // A JobTemplateSpec is not a Job: SetDefaults_Job does not run, only the pod template's defaults.
    const jobTemplate = (spec.jobTemplate ??= {});
    jobTemplate.metadata ??= {};
    if (!('creationTimestamp' in jobTemplate.metadata)) jobTemplate.metadata.creationTimestamp = null;
    defaultPodTemplate((jobTemplate.spec ??= {}));
  },
  validate(obj, old) {
    const spec = (obj.spec ?? {}) as Json;
    const causes: StatusCause[] = [];
    const name = obj.metadata.name ?? '';
    if (name.length > 52) causes.push(invalid('metadata.name', quote(name), 'must be no more than 52 characters'));
    causes.push(...validateSchedule(spec, old?.spec as Json | undefined));
    if (!['Allow', 'Forbid', 'Replace'].includes(spec.concurrencyPolicy)) causes.push(notSupported('spec.concurrencyPolicy', String(spec.concurrencyPolicy ?? ''), ['Allow', 'Forbid', 'Replace']));
    for (const f of ['startingDeadlineSeconds', 'successfulJobsHistoryLimit', 'failedJobsHistoryLimit']) causes.push(...nonNegative(spec[f], `spec.${f}`));
    if (spec.timeZone != null && !validTimeZone(String(spec.timeZone))) causes.push(invalid('spec.timeZone', quote(spec.timeZone), `unknown time zone ${String(spec.timeZone)}`));
    const jobSpec = (spec.jobTemplate?.spec ?? {}) as Json;
    causes.push(...validateJobSpecCommon(jobSpec, 'spec.jobTemplate.spec'));
    if (jobSpec.selector) causes.push(invalid('spec.jobTemplate.spec.selector', goLabelSelector(jobSpec.selector), '`selector` will be auto-generated'));
    return causes;
  },
};

function validTimeZone(zone: string): boolean {
  if (zone === 'UTC' || zone === 'Local') return zone === 'UTC';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
