// Kyverno (kyverno.io) Policy and ClusterPolicy: Ready True with reason Succeeded (and Kyverno's message
// "Ready") once the policy's webhooks are registered; until then it is not yet enforced, which Argo CD
// shows as Progressing whatever the reason, and so does Flotilla.
import type { HealthStatus, KubeObject } from '@flotilla/api-types';
import { health, type HealthCheck } from '../health-check';
import { field, findCondition, isTrue, statusConditions } from './conditions';

export function kyvernoPolicyHealth(obj: KubeObject): HealthStatus {
  const ready = findCondition(statusConditions(obj), 'Ready');
  if (isTrue(ready) && field(ready, 'reason') === 'Succeeded' && field(ready, 'message') === 'Ready')
    return health('Healthy', 'Policy is ready');
  return health('Progressing', 'Waiting for Policy to be ready');
}

export const kyvernoHealthChecks: Record<string, HealthCheck> = {
  'kyverno.io/Policy': kyvernoPolicyHealth,
  'kyverno.io/ClusterPolicy': kyvernoPolicyHealth,
};
