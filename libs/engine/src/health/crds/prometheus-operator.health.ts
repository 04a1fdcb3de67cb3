// Prometheus Operator (monitoring.coreos.com): Prometheus and Alertmanager report Available, True when
// every replica is up, False with reason SomePodsNotReady while some are not (still rolling out) or
// NoPodReady / other reasons when none are. Argo CD checks Prometheus; Alertmanager has the same
// condition and is read the same way.
import type { HealthStatus, KubeObject } from '@flotilla/api-types';
import { health, type HealthCheck } from '../health-check';
import { field, findCondition, isTrue, statusConditions } from './conditions';

export function prometheusOperatorHealth(obj: KubeObject): HealthStatus {
  const available = findCondition(statusConditions(obj), 'Available');
  if (!available) return health('Progressing', 'Waiting for initialization');
  if (isTrue(available)) return health('Healthy', 'All instances are available');
  const message = field(available, 'message') || field(available, 'reason');
  return health(field(available, 'reason') === 'SomePodsNotReady' ? 'Progressing' : 'Degraded', message);
}

export const prometheusOperatorHealthChecks: Record<string, HealthCheck> = {
  'monitoring.coreos.com/Prometheus': prometheusOperatorHealth,
  'monitoring.coreos.com/Alertmanager': prometheusOperatorHealth,
};
