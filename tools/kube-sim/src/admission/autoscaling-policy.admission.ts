import { StatusCause } from '../api/status-error';
import { KindAdmission } from './admission';
import { goIntOrString, invalid, required, text } from './field-errors';

type Json = Record<string, any>;

/** GenerateHPAScaleUpRules' template. */
const scaleUpDefaults = (): Json => ({
  stabilizationWindowSeconds: 0,
  selectPolicy: 'Max',
  policies: [
    { type: 'Pods', value: 4, periodSeconds: 15 },
    { type: 'Percent', value: 100, periodSeconds: 15 },
  ],
});

/** GenerateHPAScaleDownRules' template: no stabilization window, the controller flag decides it. */
const scaleDownDefaults = (): Json => ({ selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] });

/** copyHPAScalingRules: each field the user set wins over the default. */
function scalingRules(user: Json | undefined, defaults: Json): Json {
  if (!user) return defaults;
  for (const f of ['selectPolicy', 'stabilizationWindowSeconds', 'policies']) if (user[f] != null) defaults[f] = user[f];
  return defaults;
}

/** SetDefaults_HorizontalPodAutoscaler for autoscaling/v2: a CPU 80% metric when none, behavior filled only when given. */
function defaultHpaV2(spec: Json): void {
  if (!((spec.metrics ?? []) as unknown[]).length) {
    spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }];
  }
  if (spec.behavior) {
    spec.behavior.scaleUp = scalingRules(spec.behavior.scaleUp, scaleUpDefaults());
    spec.behavior.scaleDown = scalingRules(spec.behavior.scaleDown, scaleDownDefaults());
  }
}

export const hpaAdmission: KindAdmission = {
  defaults(obj, _ctx, old) {
    const spec = (obj.spec ??= {}) as Json;
    spec.minReplicas ??= 1;
    const v1 = obj.apiVersion === 'autoscaling/v1';
    // autoscaling/v1 reads back through the stored v2 form, whose default metric is CPU at 80%.
    if (v1) spec.targetCPUUtilizationPercentage ??= 80;
    // v2beta1 (served until 1.24) words the default CPU metric without a target struct.
    else if (obj.apiVersion === 'autoscaling/v2beta1') spec.metrics ??= [{ type: 'Resource', resource: { name: 'cpu', targetAverageUtilization: 80 } }];
    else defaultHpaV2(spec);
    // desiredReplicas (and currentMetrics in v2, currentReplicas in v1) have no omitempty.
    if (!old) obj.status ??= v1 ? { currentReplicas: 0, desiredReplicas: 0 } : { currentMetrics: null, desiredReplicas: 0 };
  },
  validate(obj) {
    const spec = (obj.spec ?? {}) as Json;
    const causes: StatusCause[] = [];
    if (!spec.scaleTargetRef?.kind) causes.push(required('spec.scaleTargetRef.kind'));
    if (!spec.scaleTargetRef?.name) causes.push(required('spec.scaleTargetRef.name'));
    if (typeof spec.minReplicas === 'number' && spec.minReplicas < 1) {
      causes.push(invalid('spec.minReplicas', spec.minReplicas, 'must be greater than or equal to 1'));
    }
    if (typeof spec.maxReplicas !== 'number' || spec.maxReplicas < 1) causes.push(invalid('spec.maxReplicas', Number(spec.maxReplicas ?? 0), 'must be greater than 0'));
    else if (typeof spec.minReplicas === 'number' && spec.maxReplicas < spec.minReplicas) {
      causes.push(invalid('spec.maxReplicas', spec.maxReplicas, 'must be greater than or equal to `minReplicas`'));
    }
    return causes;
  },
};

const PERCENT = /^[0-9]+%$/;

function validateIntOrPercent(v: unknown, field: string): StatusCause[] {
  if (v === undefined || v === null) return [];
  if (typeof v === 'number') return v < 0 ? [invalid(field, v, 'must be greater than or equal to 0')] : [];
  if (!PERCENT.test(text(v))) {
    return [invalid(field, goIntOrString(v), "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')")];
  }
  return Number(text(v).slice(0, -1)) > 100 ? [invalid(field, goIntOrString(v), 'must not be greater than 100%')] : [];
}

export const pdbAdmission: KindAdmission = {
  defaults(obj, _ctx, old) {
    // The status counters have no omitempty, so a new budget is served with zeros.
    if (!old) obj.status ??= { currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 };
  },
  validate(obj) {
    const spec = (obj.spec ?? {}) as Json;
    const causes = [...validateIntOrPercent(spec.minAvailable, 'spec.minAvailable'), ...validateIntOrPercent(spec.maxUnavailable, 'spec.maxUnavailable')];
    if (spec.minAvailable != null && spec.maxUnavailable != null) causes.push(invalid('spec', JSON.stringify(spec), 'minAvailable and maxUnavailable cannot be both set'));
    return causes;
  },
};
