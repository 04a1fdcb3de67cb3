// Gateway API (gateway.networking.k8s.io) Gateway and HTTPRoute: the implementation sets Accepted,
// ResolvedRefs and Programmed on the Gateway, each listener, and each parent of a route. Accepted or
// ResolvedRefs False is Degraded, Programmed not True is Progressing, as Argo CD reads them.
import type { HealthStatus, KubeObject } from '@flotilla/api-types';
import { asNumber, asRecords, asString, getIn, isRecord, type JsonRecord } from '../../object/json-value';
import { health, type HealthCheck } from '../health-check';
import { conditionsOf, field } from './conditions';

/** Degraded or Progressing for one set of conditions, or undefined when they are fine. */
function conditionProblem(conditions: JsonRecord[], programming: string): HealthStatus | undefined {
  for (const type of ['ResolvedRefs', 'Accepted']) {
    const bad = conditions.find((c) => c.type === type && field(c, 'status') === 'False');
    if (bad) return health('Degraded', field(bad, 'message') || `Failed condition: ${type}`);
  }
  const programmed = conditions.find((c) => c.type === 'Programmed' && field(c, 'status') !== 'True');
  if (programmed) return health('Progressing', field(programmed, 'message') || programming);
  return undefined;
}

const prefixed = (prefix: string, h: HealthStatus): HealthStatus => health(h.status, `${prefix}${h.message ?? ''}`);

export function gatewayHealth(obj: KubeObject): HealthStatus {
  const status = getIn(obj, 'status');
  if (isRecord(status)) {
    const own = conditionProblem(conditionsOf(status), 'Gateway is still being programmed');
    if (own) return own;
    const listeners = asRecords(status.listeners);
    for (const listener of listeners) {
      const problem = conditionProblem(conditionsOf(listener), 'Listener is still being programmed');
      if (problem) return prefixed('Listener: ', problem);
    }
    if (status.conditions !== undefined || listeners.length > 0) return health('Healthy', 'Gateway is healthy');
  }
  return health('Progressing', 'Waiting for Gateway status');
}

/**
 * A parent's conditions count once they are about the route's current generation; a parent with a
 * stale condition is skipped until its implementation catches up.
 */
function parentObserved(obj: KubeObject, parent: JsonRecord): boolean {
  const generation = obj.metadata?.generation;
  if (generation === undefined) return true;
  const conditions = conditionsOf(parent);
  return (
    conditions.length > 0 && conditions.every((c) => asNumber(c.observedGeneration) === undefined || c.observedGeneration === generation)
  );
}

export function httpRouteHealth(obj: KubeObject): HealthStatus {
  const parents = asRecords(getIn(obj, 'status', 'parents'));
  for (const parent of parents) {
    if (!parentObserved(obj, parent)) continue;
    const problem = conditionProblem(conditionsOf(parent), 'Route is still being programmed');
    if (problem) return prefixed(`Parent ${asString(getIn(parent, 'parentRef', 'name')) ?? ''}: `, problem);
  }
  if (parents.some((p) => conditionsOf(p).length > 0 && parentObserved(obj, p))) return health('Healthy', 'HTTPRoute is healthy');
  return health('Progressing', 'Waiting for HTTPRoute status');
}

export const gatewayApiHealthChecks: Record<string, HealthCheck> = {
  'gateway.networking.k8s.io/Gateway': gatewayHealth,
  'gateway.networking.k8s.io/HTTPRoute': httpRouteHealth,
};
