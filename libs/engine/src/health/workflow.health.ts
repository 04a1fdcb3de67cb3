// argoproj.io/Workflow: by workflow phase, as gitops-engine does for Argo Workflows.
import type { HealthStatus, KubeObject } from '@flotilla/api-types';
import { asString, getIn } from '../object/json-value';
import { health } from './health-check';

export function workflowHealth(obj: KubeObject): HealthStatus {
  const message = asString(getIn(obj, 'status', 'message'));
  switch (asString(getIn(obj, 'status', 'phase')) ?? '') {
    case '':
    case 'Pending':
    case 'Running':
      return health('Progressing', message);
    case 'Succeeded':
      return health('Healthy', message);
    case 'Failed':
    case 'Error':
      return health('Degraded', message);
    default:
      return health('Unknown', message);
  }
}
