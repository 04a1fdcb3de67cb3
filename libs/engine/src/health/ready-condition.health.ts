// The generic rule for kinds listed in argocd-cm's flotilla.health.readyCondition.kinds: the Kubernetes
// API conventions' observedGeneration (the spec the controller last acted on) and a `Ready` condition.
import type { HealthStatus, KubeObject } from '@flotilla/api-types';
import { asNumber, getIn } from '../object/json-value';
import { health } from './health-check';
import { field, findCondition, isFalse, isTrue, statusConditions } from './crds/conditions';

export function configuredReadyConditionHealth(obj: KubeObject): HealthStatus {
  const generation = obj.metadata?.generation;
  const ready = findCondition(statusConditions(obj), 'Ready');
  const observed = asNumber(getIn(obj, 'status', 'observedGeneration')) ?? asNumber(ready?.observedGeneration);
  if (generation !== undefined && observed !== undefined && observed < generation) {
    return health('Progressing', `waiting for the controller to observe generation ${generation}`);
  }
  if (isTrue(ready)) return health('Healthy', field(ready, 'message'));
  if (isFalse(ready)) return health('Degraded', [field(ready, 'reason'), field(ready, 'message')].filter(Boolean).join(': '));
  if (ready) return health('Progressing', field(ready, 'message') || 'waiting for the Ready condition to be decided');
  return health('Progressing', 'waiting for a Ready condition');
}
