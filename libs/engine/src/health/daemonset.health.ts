// apps/DaemonSet (gitops-engine pkg/health/health_daemonset.go).
import type { HealthStatus, KubeObject } from '@flotilla/api-types';
import { countOf, getIn } from '../object/json-value';
import { health } from './health-check';
import { requireVersion } from './served-versions';

export function daemonSetHealth(obj: KubeObject): HealthStatus {
  requireVersion(obj, 'DaemonSet', ['v1']);
  const name = obj.metadata?.name ?? '';
  if ((obj.metadata?.generation ?? 0) > countOf(obj, 'status', 'observedGeneration')) {
    return health('Progressing', 'Waiting for rollout to finish: observed daemon set generation less than desired generation');
  }
  const desired = countOf(obj, 'status', 'desiredNumberScheduled');
  const updated = countOf(obj, 'status', 'updatedNumberScheduled');
  const available = countOf(obj, 'status', 'numberAvailable');
  if (getIn(obj, 'spec', 'updateStrategy', 'type') === 'OnDelete') {
    return health('Healthy', `daemon set ${updated} out of ${desired} new pods have been updated`);
  }
  if (updated < desired) {
    return health(
      'Progressing',
      `Waiting for daemon set "${name}" rollout to finish: ${updated} out of ${desired} new pods have been updated...`,
    );
  }
  if (available < desired) {
    return health(
      'Progressing',
      `Waiting for daemon set "${name}" rollout to finish: ${available} of ${desired} updated pods are available...`,
    );
  }
  return health('Healthy');
}
