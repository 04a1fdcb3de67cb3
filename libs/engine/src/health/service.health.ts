// core/Service: a LoadBalancer is Progressing until the cloud gives it an ingress point.
import type { HealthStatus, KubeObject } from '@flotilla/api-types';
import { asArray, getIn } from '../object/json-value';
import { health } from './health-check';
import { requireVersion } from './served-versions';

export function serviceHealth(obj: KubeObject): HealthStatus {
  requireVersion(obj, 'Service', ['v1']);
  if (getIn(obj, 'spec', 'type') !== 'LoadBalancer') return health('Healthy');
  return health(asArray(getIn(obj, 'status', 'loadBalancer', 'ingress')).length > 0 ? 'Healthy' : 'Progressing');
}
