// Knative Serving (serving.knative.dev) Service: Ready, ConfigurationsReady and RoutesReady all True is
// Healthy; any condition False is Degraded and Unknown ones are still Progressing, each listed with its
// reason and message, as Argo CD reports them.
import type { HealthStatus, KubeObject } from '@flotilla/api-types';
import { getIn } from '../../object/json-value';
import { health, type HealthCheck } from '../health-check';
import { field, statusConditions } from './conditions';

const READY_TYPES = ['Ready', 'ConfigurationsReady', 'RoutesReady'];

export function knativeServiceHealth(obj: KubeObject): HealthStatus {
  if (getIn(obj, 'status', 'conditions') === undefined) return health('Progressing', 'Waiting for status update.');
  const conditions = statusConditions(obj);
  const notReady = conditions.filter((c) => field(c, 'status') === 'False' || field(c, 'status') === 'Unknown');
  const ready = conditions.filter((c) => field(c, 'status') === 'True' && READY_TYPES.includes(field(c, 'type')));
  if (notReady.length === 0 && ready.length === READY_TYPES.length) return health('Healthy', 'Knative Service is healthy.');
  const lines = notReady.map((c) => {
    const reason = field(c, 'reason') ? `, since ${field(c, 'reason')}.` : '';
    const message = field(c, 'message') ? ` ${field(c, 'message')}` : '';
    return `${field(c, 'type')} is ${field(c, 'status')}${reason}${message}\n`;
  });
  return health(notReady.some((c) => field(c, 'status') === 'False') ? 'Degraded' : 'Progressing', lines.join(''));
}

export const knativeHealthChecks: Record<string, HealthCheck> = { 'serving.knative.dev/Service': knativeServiceHealth };
