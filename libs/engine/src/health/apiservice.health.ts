// apiregistration.k8s.io/APIService: by its Available condition.
import type { HealthStatus, KubeObject } from '@flotilla/api-types';
import { conditionOf, health, textOf } from './health-check';
import { requireVersion } from './served-versions';

export function apiServiceHealth(obj: KubeObject): HealthStatus {
  requireVersion(obj, 'APIService', ['v1', 'v1beta1']);
  const available = conditionOf(obj, 'Available');
  if (!available) return health('Progressing', 'Waiting to be processed');
  const message = `${textOf(available, 'reason')}: ${textOf(available, 'message')}`;
  return health(available.status === 'True' ? 'Healthy' : 'Progressing', message);
}
