// KEDA (keda.sh): ScaledObject and ScaledJob report Ready (the scaler and its HPA or jobs are set up),
// Active, Fallback (the scaler failed and fallback replicas apply) and Paused (the autoscaling.keda.sh/paused
// annotations).
import type { HealthStatus, KubeObject } from '@flotilla/api-types';
import { health, type HealthCheck } from '../health-check';
import { field, findCondition, isFalse, isTrue, statusConditions } from './conditions';

/**
 * Ready False is Degraded; so is an active Fallback for a ScaledObject, and (as Argo CD reads it) a
 * ScaledJob whose Ready is Unknown. A Ready one that is paused is Suspended.
 */
const kedaHealth =
  (waiting: string, degradedWhenUnknown: boolean): HealthCheck =>
  (obj: KubeObject): HealthStatus => {
    const conditions = statusConditions(obj);
    const ready = findCondition(conditions, 'Ready');
    const fallback = findCondition(conditions, 'Fallback');
    const paused = findCondition(conditions, 'Paused');
    if (isFalse(ready) || (degradedWhenUnknown && field(ready, 'status') === 'Unknown')) return health('Degraded', field(ready, 'message'));
    if (!degradedWhenUnknown && isTrue(fallback)) return health('Degraded', field(fallback, 'message'));
    if (isTrue(ready) && isTrue(paused)) return health('Suspended', field(paused, 'message'));
    if (isTrue(ready)) return health('Healthy', field(ready, 'message'));
    return health('Progressing', waiting);
  };

export const kedaHealthChecks: Record<string, HealthCheck> = {
  'keda.sh/ScaledObject': kedaHealth('Creating HorizontalPodAutoscaler Object', false),
  'keda.sh/ScaledJob': kedaHealth('Waiting for ScaledJob', true),
};
