import { StatusCause } from '../api/status-error';
import { KubeObject } from '../store/kube-object';
import { KindAdmission } from './admission';
import { defaultPodSpec } from './pod-spec.defaults';
import { validatePodSpec } from './pod-spec.validation';

type Json = Record<string, any>;

const required = (field: string, message = 'Required value'): StatusCause => ({ reason: 'FieldValueRequired', field, message });
const immutable = (field: string, value: unknown): StatusCause => ({ reason: 'FieldValueInvalid', field, message: `Invalid value: ${goMap(value)}: field is immutable` });

/** How kube prints a Go value in messages: `v1.LabelSelector{...}` is too much; a label map is enough. */
function goMap(value: unknown): string {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return `map[string]string{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `"${k}":${JSON.stringify(v)}`).join(', ')}}`;
  }
  return JSON.stringify(value);
}

function selectorMatches(selector: Json | undefined, labels: Record<string, string> = {}): boolean {
  if (!selector) return false;
  for (const [k, v] of Object.entries((selector.matchLabels ?? {}) as Record<string, string>)) if (labels[k] !== v) return false;
  for (const e of (selector.matchExpressions ?? []) as Json[]) {
    const has = e.key in labels;
    const v = labels[e.key];
    if (e.operator === 'In' && !(has && (e.values as string[]).includes(v))) return false;
    if (e.operator === 'NotIn' && has && (e.values as string[]).includes(v)) return false;
    if (e.operator === 'Exists' && !has) return false;
    if (e.operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

/** Selector present, non-empty, matching the template labels, and immutable (apps/v1 rules). */
function validateSelectorAndTemplate(obj: KubeObject, old: KubeObject | undefined, allowedRestart: string[]): StatusCause[] {
  const spec = (obj.spec ?? {}) as Json;
  const causes: StatusCause[] = [];
  const selector = spec.selector as Json | undefined;
  const labels = spec.template?.metadata?.labels as Record<string, string> | undefined;
  if (!selector) causes.push(required('spec.selector'));
  else if (!Object.keys(selector.matchLabels ?? {}).length && !(selector.matchExpressions ?? []).length) {
    causes.push({ reason: 'FieldValueInvalid', field: 'spec.selector', message: `Invalid value: "null": empty selector is invalid for ${obj.kind}` });
  } else if (!selectorMatches(selector, labels)) {
    causes.push({ reason: 'FieldValueInvalid', field: 'spec.template.metadata.labels', message: `Invalid value: ${goMap(labels ?? {})}: \`selector\` does not match template \`labels\`` });
  }
  if (old && selector && JSON.stringify((old.spec as Json)?.selector) !== JSON.stringify(selector)) causes.push(immutable('spec.selector', selector.matchLabels ?? selector));
  if (typeof spec.replicas === 'number' && spec.replicas < 0) causes.push({ reason: 'FieldValueInvalid', field: 'spec.replicas', message: `Invalid value: ${spec.replicas}: must be greater than or equal to 0` });
  causes.push(...validatePodSpec(spec.template?.spec, 'spec.template.spec', allowedRestart));
  return causes;
}

export const deploymentAdmission: KindAdmission = {
  defaults(obj) {
    const spec = (obj.spec ??= {}) as Json;
    spec.replicas ??= 1;
    spec.revisionHistoryLimit ??= 10;
    spec.progressDeadlineSeconds ??= 600;
    spec.strategy ??= {};
    spec.strategy.type ??= 'RollingUpdate';
    if (spec.strategy.type === 'RollingUpdate') {
      spec.strategy.rollingUpdate ??= {};
      spec.strategy.rollingUpdate.maxUnavailable ??= '25%';
      spec.strategy.rollingUpdate.maxSurge ??= '25%';
    }
    defaultPodSpec(spec.template?.spec);
  },
  validate: (obj, old) => validateSelectorAndTemplate(obj, old, ['Always']),
};

export const replicaSetAdmission: KindAdmission = {
  defaults(obj) {
    const spec = (obj.spec ??= {}) as Json;
    spec.replicas ??= 1;
    defaultPodSpec(spec.template?.spec);
  },
  validate: (obj, old) => validateSelectorAndTemplate(obj, old, ['Always']),
};

export const statefulSetAdmission: KindAdmission = {
  defaults(obj) {
    const spec = (obj.spec ??= {}) as Json;
    spec.replicas ??= 1;
    spec.podManagementPolicy ??= 'OrderedReady';
    spec.revisionHistoryLimit ??= 10;
    spec.updateStrategy ??= {};
    spec.updateStrategy.type ??= 'RollingUpdate';
    if (spec.updateStrategy.type === 'RollingUpdate') {
      spec.updateStrategy.rollingUpdate ??= {};
      spec.updateStrategy.rollingUpdate.partition ??= 0;
    }
    spec.persistentVolumeClaimRetentionPolicy ??= {};
    spec.persistentVolumeClaimRetentionPolicy.whenDeleted ??= 'Retain';
    spec.persistentVolumeClaimRetentionPolicy.whenScaled ??= 'Retain';
    for (const pvc of (spec.volumeClaimTemplates ?? []) as Json[]) {
      pvc.apiVersion ??= 'v1';
      pvc.kind ??= 'PersistentVolumeClaim';
      pvc.spec ??= {};
      pvc.spec.volumeMode ??= 'Filesystem';
      pvc.status ??= { phase: 'Pending' };
    }
    defaultPodSpec(spec.template?.spec);
  },
  validate(obj, old) {
    const causes = validateSelectorAndTemplate(obj, old, ['Always']);
    if (old) {
      const strip = (s: Json): string => {
        const rest = { ...s };
        for (const k of ['replicas', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy', 'minReadySeconds', 'ordinals', 'revisionHistoryLimit']) delete rest[k];
        return JSON.stringify(rest);
      };
      if (strip((obj.spec ?? {})) !== strip((old.spec ?? {}))) {
        causes.push({ reason: 'FieldValueForbidden', field: 'spec', message: "Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden" });
      }
    }
    return causes;
  },
};

export const daemonSetAdmission: KindAdmission = {
  defaults(obj) {
    const spec = (obj.spec ??= {}) as Json;
    spec.revisionHistoryLimit ??= 10;
    spec.updateStrategy ??= {};
    spec.updateStrategy.type ??= 'RollingUpdate';
    if (spec.updateStrategy.type === 'RollingUpdate') {
      spec.updateStrategy.rollingUpdate ??= {};
      spec.updateStrategy.rollingUpdate.maxUnavailable ??= 1;
      spec.updateStrategy.rollingUpdate.maxSurge ??= 0;
    }
    defaultPodSpec(spec.template?.spec);
  },
  validate: (obj, old) => validateSelectorAndTemplate(obj, old, ['Always']),
};

function defaultJobSpec(spec: Json): void {
  if (spec.completions === undefined && spec.parallelism === undefined) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  spec.parallelism ??= 1;
  spec.backoffLimit ??= 6;
  spec.completionMode ??= 'NonIndexed';
  spec.suspend ??= false;
  spec.podReplacementPolicy ??= 'TerminatingOrFailed';
  defaultPodSpec(spec.template?.spec, 'Never');
}

export const jobAdmission: KindAdmission = {
  defaults(obj, _ctx, old) {
    const spec = (obj.spec ??= {}) as Json;
    defaultJobSpec(spec);
    if (old || spec.manualSelector === true) return;
    // The job controller's generated selector: the Job's own uid, mirrored into the pod template labels.
    const uid = obj.metadata.uid!;
    spec.selector ??= { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } };
    const meta = ((spec.template ??= {}).metadata ??= {});
    meta.labels = { 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': obj.metadata.name, 'controller-uid': uid, 'job-name': obj.metadata.name, ...(meta.labels ?? {}) };
  },
  validate(obj, old) {
    const spec = (obj.spec ?? {}) as Json;
    const causes = validatePodSpec(spec.template?.spec, 'spec.template.spec', ['OnFailure', 'Never']);
    if (spec.template?.spec && !spec.template.spec.restartPolicy) causes.push(required('spec.template.spec.restartPolicy'));
    if (old && JSON.stringify((old.spec as Json)?.template) !== JSON.stringify(spec.template)) {
      causes.push({ reason: 'FieldValueInvalid', field: 'spec.template', message: 'Invalid value: ...: field is immutable' });
    }
    return causes;
  },
};

const SCHEDULE_MACROS = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);

export const cronJobAdmission: KindAdmission = {
  defaults(obj) {
    const spec = (obj.spec ??= {}) as Json;
    spec.concurrencyPolicy ??= 'Allow';
    spec.suspend ??= false;
    spec.successfulJobsHistoryLimit ??= 3;
    spec.failedJobsHistoryLimit ??= 1;
    const jobSpec = ((spec.jobTemplate ??= {}).spec ??= {});
    defaultJobSpec(jobSpec);
  },
  validate(obj) {
    const spec = (obj.spec ?? {}) as Json;
    const causes: StatusCause[] = [];
    const schedule = spec.schedule as string | undefined;
    if (!schedule) causes.push(required('spec.schedule'));
    else if (!SCHEDULE_MACROS.has(schedule) && !schedule.startsWith('@every ') && schedule.trim().split(/\s+/).length !== 5) {
      causes.push({ reason: 'FieldValueInvalid', field: 'spec.schedule', message: `Invalid value: "${schedule}": expected exactly 5 fields, found ${schedule.trim().split(/\s+/).length}: ${schedule}` });
    }
    causes.push(...validatePodSpec(spec.jobTemplate?.spec?.template?.spec, 'spec.jobTemplate.spec.template.spec', ['OnFailure', 'Never']));
    return causes;
  },
};
