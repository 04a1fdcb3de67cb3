// argoproj.io/Application, for app-of-apps: the child's own reported health (Argo's documented Lua
// customisation), and Progressing while the child's own sync runs. The child's health is refreshed
// during its sync (as Argo's status processors do) and leaves out its hooks, so it can read Healthy
// before its PostSync hooks ran; a parent's next wave waits for the child's sync to end too.
import type { HealthStatus, HealthStatusCode, KubeObject } from '@flotilla/api-types';
import { asString, getIn } from '../object/json-value';
import { health } from './health-check';

const CODES = new Set<string>(['Healthy', 'Progressing', 'Degraded', 'Suspended', 'Missing', 'Unknown']);
const UNFINISHED = new Set(['Running', 'Terminating']);

export function applicationHealth(obj: KubeObject): HealthStatus {
  const phase = asString(getIn(obj, 'status', 'operationState', 'phase'));
  if (getIn(obj, 'operation') !== undefined || (phase !== undefined && UNFINISHED.has(phase))) return health('Progressing', 'the application is syncing');
  const status = asString(getIn(obj, 'status', 'health', 'status'));
  if (status === undefined || !CODES.has(status)) return health('Progressing');
  return health(status as HealthStatusCode, asString(getIn(obj, 'status', 'health', 'message')));
}
