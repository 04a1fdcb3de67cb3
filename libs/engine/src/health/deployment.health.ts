// apps/Deployment, after kubectl rollout status (gitops-engine pkg/health/health_deployment.go).
import type { HealthStatus, KubeObject } from '@flotilla/api-types';
import { asNumber, countOf, getIn } from '../object/json-value';
import { conditionOf, health, textOf } from './health-check';
import { requireVersion } from './served-versions';

export function deploymentHealth(obj: KubeObject): HealthStatus {
  requireVersion(obj, 'Deployment', ['v1']);
  if (getIn(obj, 'spec', 'paused') === true) return health('Suspended', 'Deployment is paused');
  if ((obj.metadata?.generation ?? 0) > countOf(obj, 'status', 'observedGeneration')) {
    return health('Progressing', 'Waiting for rollout to finish: observed deployment generation less than desired generation');
  }
  const wanted = asNumber(getIn(obj, 'spec', 'replicas'));
  const replicas = countOf(obj, 'status', 'replicas');
  const updated = countOf(obj, 'status', 'updatedReplicas');
  const available = countOf(obj, 'status', 'availableReplicas');
  if (textOf(conditionOf(obj, 'Progressing'), 'reason') === 'ProgressDeadlineExceeded') {
    return health('Degraded', `Deployment "${obj.metadata?.name ?? ''}" exceeded its progress deadline`);
  }
  if (wanted !== undefined && updated < wanted) {
    return health('Progressing', `Waiting for rollout to finish: ${updated} out of ${wanted} new replicas have been updated...`);
  }
  if (replicas > updated) {
    return health('Progressing', `Waiting for rollout to finish: ${replicas - updated} old replicas are pending termination...`);
  }
  if (available < updated) {
    return health('Progressing', `Waiting for rollout to finish: ${available} of ${updated} updated replicas are available...`);
  }
  return health('Healthy');
}
