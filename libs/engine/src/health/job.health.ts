// batch/Job (gitops-engine pkg/health/health_job.go): Failed → Degraded, suspended → Suspended with the Suspended
// condition's message, any other Complete or Suspended condition → Healthy, otherwise Progressing.
import type { HealthStatus, KubeObject } from '@flotilla/api-types';
import { asRecords, getIn } from '../object/json-value';
import { health, textOf } from './health-check';
import { requireVersion } from './served-versions';

export function jobHealth(obj: KubeObject): HealthStatus {
  requireVersion(obj, 'Job', ['v1']);
  let failed = false;
  let complete = false;
  let suspended = false;
  let failMessage = '';
  let message = '';
  for (const cond of asRecords(getIn(obj, 'status', 'conditions'))) {
    if (cond.type === 'Failed') {
      [failed, complete, failMessage] = [true, true, textOf(cond, 'message')];
    } else if (cond.type === 'Complete') {
      [complete, message] = [true, textOf(cond, 'message')];
    } else if (cond.type === 'Suspended') {
      [complete, message] = [true, textOf(cond, 'message')];
      suspended = suspended || cond.status === 'True';
    }
  }
  if (!complete) return health('Progressing', message);
  if (failed) return health('Degraded', failMessage);
  if (suspended) return health('Suspended', message);
  return health('Healthy', message);
}
