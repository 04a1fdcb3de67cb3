// core/PersistentVolumeClaim: by claim phase.
import type { HealthStatus, KubeObject } from '@flotilla/api-types';
import { getIn } from '../object/json-value';
import { health } from './health-check';
import { requireVersion } from './served-versions';

export function persistentVolumeClaimHealth(obj: KubeObject): HealthStatus {
  requireVersion(obj, 'PersistentVolumeClaim', ['v1']);
  switch (getIn(obj, 'status', 'phase')) {
    case 'Lost':
      return health('Degraded');
    case 'Pending':
      return health('Progressing');
    case 'Bound':
      return health('Healthy');
    default:
      return health('Unknown');
  }
}
