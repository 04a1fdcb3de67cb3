// autoscaling/HorizontalPodAutoscaler (gitops-engine pkg/health/health_hpa.go), v1 reads the conditions annotation.
import type { HealthStatus, KubeObject } from '@flotilla/api-types';
import { asRecords, getIn, isRecord, type JsonRecord } from '../object/json-value';
import { health, textOf } from './health-check';

const WAITING = health('Progressing', 'Waiting to Autoscale');
const DEGRADED = new Set([
  'AbleToScale/FailedGetScale',
  'AbleToScale/FailedUpdateScale',
  'ScalingActive/FailedGetResourceMetric',
  'ScalingActive/InvalidSelector',
]);
const HEALTHY_TYPES = new Set(['AbleToScale', 'ScalingLimited']);

function v1Conditions(obj: KubeObject): JsonRecord[] | HealthStatus {
  const text = obj.metadata?.annotations?.['autoscaling.alpha.kubernetes.io/conditions'];
  if (text === undefined) return [];
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.filter(isRecord) : [];
  } catch (err) {
    return health('Unknown', `failed to convert conditions annotation to typed: ${(err as Error).message}`);
  }
}

export function horizontalPodAutoscalerHealth(obj: KubeObject): HealthStatus {
  const conditions = obj.apiVersion === 'autoscaling/v1' ? v1Conditions(obj) : asRecords(getIn(obj, 'status', 'conditions'));
  if (!Array.isArray(conditions)) return conditions;
  for (const c of conditions) {
    if (DEGRADED.has(`${textOf(c, 'type')}/${textOf(c, 'reason')}`)) return health('Degraded', textOf(c, 'message'));
    if (HEALTHY_TYPES.has(textOf(c, 'type')) && c.status === 'True') return health('Healthy', textOf(c, 'message'));
  }
  return WAITING;
}
