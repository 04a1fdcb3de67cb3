import { StatusCause } from '../api/status-error';
import { canonicalJson } from '../cluster/object-meta';
import { KindAdmission } from './admission';
import { forbidden, goIntOrString, invalid, nonNegative, notSupported, quote, required } from './field-errors';
import { defaultClaimTemplate, defaultPodTemplate } from './pod-spec.defaults';
import { validatePodSpec, validateTemplateRestartPolicy } from './pod-spec.validation';
import { validateSelectorForTemplate, validateSelectorUnchanged } from './selector.validation';

type Json = Record<string, any>;

const isZero = (v: unknown): boolean => v === undefined || v === null || v === 0 || v === '0%' || v === '0';

/** ValidatePodTemplateSpecForReplicaSet and the selector rules every apps/v1 workload shares. */
function validateWorkload(spec: Json, kindLower: string): StatusCause[] {
  return [
    ...validateSelectorForTemplate(spec, kindLower),
    ...validatePodSpec(spec.template?.spec, 'spec.template.spec'),
    ...validateTemplateRestartPolicy(spec.template?.spec, 'spec.template.spec', ['Always']),
  ];
}

function validateDeploymentStrategy(strategy: Json | undefined): StatusCause[] {
  const s = strategy ?? {};
  if (s.type === 'Recreate') {
    return s.rollingUpdate ? [forbidden('spec.strategy.rollingUpdate', "may not be specified when strategy `type` is 'Recreate'")] : [];
  }
  if (s.type !== 'RollingUpdate') return [notSupported('spec.strategy.type', String(s.type ?? ''), ['Recreate', 'RollingUpdate'])];
  const ru = (s.rollingUpdate ?? {}) as Json;
  if (isZero(ru.maxUnavailable) && isZero(ru.maxSurge)) {
    return [invalid('spec.strategy.rollingUpdate.maxUnavailable', goIntOrString(ru.maxUnavailable), 'may not be 0 when `maxSurge` is 0')];
  }
  return [];
}

export const deploymentAdmission: KindAdmission = {
  defaults(obj) {
    const spec = (obj.spec ??= {}) as Json;
    spec.replicas ??= 1;
    const strategy = (spec.strategy ??= {});
    if (!strategy.type) strategy.type = 'RollingUpdate';
    if (strategy.type === 'RollingUpdate') {
      strategy.rollingUpdate ??= {};
      strategy.rollingUpdate.maxUnavailable ??= '25%';
      strategy.rollingUpdate.maxSurge ??= '25%';
    }
    spec.revisionHistoryLimit ??= 10;
    spec.progressDeadlineSeconds ??= 600;
    defaultPodTemplate(spec);
  },
  validate(obj, old) {
    const spec = (obj.spec ?? {}) as Json;
    const causes = [...nonNegative(spec.replicas, 'spec.replicas'), ...validateWorkload(spec, 'deployment'), ...validateDeploymentStrategy(spec.strategy)];
    causes.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'), ...nonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
    if (typeof spec.progressDeadlineSeconds === 'number' && spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0)) {
      causes.push(invalid('spec.progressDeadlineSeconds', spec.progressDeadlineSeconds, 'must be greater than minReadySeconds'));
    }
    if (old) causes.push(...validateSelectorUnchanged(spec, (old.spec ?? {})));
    return causes;
  },
};

export const replicaSetAdmission: KindAdmission = {
  defaults(obj) {
    const spec = (obj.spec ??= {}) as Json;
    spec.replicas ??= 1;
    defaultPodTemplate(spec);
  },
  validate(obj, old) {
    const spec = (obj.spec ?? {}) as Json;
    const causes = [...nonNegative(spec.replicas, 'spec.replicas'), ...validateWorkload(spec, 'deployment')];
    if (old) causes.push(...validateSelectorUnchanged(spec, (old.spec ?? {})));
    return causes;
  },
};

const STS_MUTABLE = ['replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy', 'minReadySeconds'];
const STS_UPDATE_MESSAGE =
  "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden";

function defaultStatefulSetSpec(spec: Json): void {
  if (!spec.podManagementPolicy) spec.podManagementPolicy = 'OrderedReady';
  const strategy = (spec.updateStrategy ??= {});
  if (!strategy.type) {
    strategy.type = 'RollingUpdate';
    strategy.rollingUpdate ??= {};
  }
  if (strategy.type === 'RollingUpdate' && strategy.rollingUpdate) strategy.rollingUpdate.partition ??= 0;
  const retention = (spec.persistentVolumeClaimRetentionPolicy ??= {});
  if (!retention.whenDeleted) retention.whenDeleted = 'Retain';
  if (!retention.whenScaled) retention.whenScaled = 'Retain';
  spec.replicas ??= 1;
  spec.revisionHistoryLimit ??= 10;
  // serviceName has no omitempty before 1.33, so an absent one is served as "".
  spec.serviceName ??= '';
  for (const pvc of (spec.volumeClaimTemplates ?? []) as Json[]) {
    pvc.apiVersion ??= 'v1';
    pvc.kind ??= 'PersistentVolumeClaim';
    defaultClaimTemplate(pvc);
    pvc.status ??= {};
    if (!pvc.status.phase) pvc.status.phase = 'Pending';
  }
  defaultPodTemplate(spec);
}

function validateStatefulSetSpec(spec: Json): StatusCause[] {
  const causes: StatusCause[] = [];
  if (!['OrderedReady', 'Parallel'].includes(spec.podManagementPolicy)) {
    causes.push(invalid('spec.podManagementPolicy', quote(spec.podManagementPolicy), "must be 'OrderedReady' or 'Parallel'"));
  }
  const strategy = (spec.updateStrategy ?? {}) as Json;
  if (strategy.type === 'OnDelete' && strategy.rollingUpdate) {
    causes.push(invalid('spec.updateStrategy.rollingUpdate', JSON.stringify(strategy.rollingUpdate), "only allowed for updateStrategy 'RollingUpdate'"));
  } else if (!['OnDelete', 'RollingUpdate'].includes(strategy.type)) {
    causes.push(invalid('spec.updateStrategy', JSON.stringify(strategy), "must be 'RollingUpdate' or 'OnDelete'"));
  }
  causes.push(...nonNegative(spec.replicas, 'spec.replicas'), ...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  causes.push(...validateWorkload(spec, 'statefulset'));
  ((spec.volumeClaimTemplates ?? []) as Json[]).forEach((pvc, i) => {
    if (!pvc.metadata?.name) causes.push(required(`spec.volumeClaimTemplates[${i}].metadata.name`, 'name or generateName is required'));
  });
  return causes;
}

function statefulSetSpecChanged(spec: Json, old: Json): boolean {
  const strip = (s: Json) => canonicalJson(Object.fromEntries(Object.entries(s).filter(([k]) => !STS_MUTABLE.includes(k))));
  return strip(spec) !== strip(old);
}

export const statefulSetAdmission: KindAdmission = {
  defaults: (obj) => defaultStatefulSetSpec((obj.spec ??= {})),
  validate(obj, old) {
    const spec = (obj.spec ?? {}) as Json;
    const causes = validateStatefulSetSpec(spec);
    if (old && statefulSetSpecChanged(spec, (old.spec ?? {}))) causes.push(forbidden('spec', STS_UPDATE_MESSAGE));
    return causes;
  },
};

export const daemonSetAdmission: KindAdmission = {
  defaults(obj) {
    const spec = (obj.spec ??= {}) as Json;
    const strategy = (spec.updateStrategy ??= {});
    if (!strategy.type) strategy.type = 'RollingUpdate';
    if (strategy.type === 'RollingUpdate') {
      strategy.rollingUpdate ??= {};
      strategy.rollingUpdate.maxUnavailable ??= 1;
      strategy.rollingUpdate.maxSurge ??= 0;
    }
    spec.revisionHistoryLimit ??= 10;
    defaultPodTemplate(spec);
  },
  validate(obj, old) {
    const spec = (obj.spec ?? {}) as Json;
    const causes = validateWorkload(spec, 'daemonset');
    const strategy = (spec.updateStrategy ?? {}) as Json;
    if (!['OnDelete', 'RollingUpdate'].includes(strategy.type)) causes.push(notSupported('spec.updateStrategy.type', String(strategy.type ?? ''), ['OnDelete', 'RollingUpdate']));
    if (old) causes.push(...validateSelectorUnchanged(spec, (old.spec ?? {})));
    return causes;
  },
};
