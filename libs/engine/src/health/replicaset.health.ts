// apps/ReplicaSet (gitops-engine pkg/health/health_replicaset.go).
import type { HealthStatus, KubeObject } from '@flotilla/api-types';
import { asNumber, countOf, getIn } from '../object/json-value';
import { conditionOf, health, textOf } from './health-check';
import { requireVersion } from './served-versions';

export function replicaSetHealth(obj: KubeObject): HealthStatus {
  requireVersion(obj, 'ReplicaSet', ['v1']);
  if ((obj.metadata?.generation ?? 0) > countOf(obj, 'status', 'observedGeneration')) {
    return health('Progressing', 'Waiting for rollout to finish: observed replica set generation less than desired generation');
  }
  const failure = conditionOf(obj, 'ReplicaFailure');
  if (failure && failure.status === 'True') return health('Degraded', textOf(failure, 'message'));
  const wanted = asNumber(getIn(obj, 'spec', 'replicas'));
  const available = countOf(obj, 'status', 'availableReplicas');
  if (wanted !== undefined && available < wanted) {
    return health('Progressing', `Waiting for rollout to finish: ${available} out of ${wanted} new replicas are available...`);
  }
  return health('Healthy');
}
