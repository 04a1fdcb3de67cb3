// argoproj.io/Application, for app-of-apps: the child's own reported health (Argo's documented Lua customisation).
import type { HealthStatus, HealthStatusCode, KubeObject } from '@flotilla/api-types';
import { asString, getIn } from '../object/json-value';
import { health } from './health-check';

const CODES = new Set<string>(['Healthy', 'Progressing', 'Degraded', 'Suspended', 'Missing', 'Unknown']);

export function applicationHealth(obj: KubeObject): HealthStatus {
  const status = asString(getIn(obj, 'status', 'health', 'status'));
  if (status === undefined || !CODES.has(status)) return health('Progressing');
  return health(status as HealthStatusCode, asString(getIn(obj, 'status', 'health', 'message')));
}
