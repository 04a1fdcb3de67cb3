// Readers shared by the built-in checks of custom resources: their status.conditions and the
// common "Ready condition decides" shape many operators follow.
import type { HealthStatus, KubeObject } from '@flotilla/api-types';
import { asRecords, asString, getIn, isRecord, type JsonRecord } from '../../object/json-value';
import { health } from '../health-check';

/** The conditions of a status (or of a sub-object holding `conditions`, such as a Gateway listener). */
export const conditionsOf = (holder: unknown): JsonRecord[] => asRecords(getIn(holder, 'conditions'));

export const statusConditions = (obj: KubeObject): JsonRecord[] => conditionsOf(getIn(obj, 'status'));

/** The first condition of a type among `conditions`. */
export const findCondition = (conditions: JsonRecord[], type: string): JsonRecord | undefined => conditions.find((c) => c.type === type);

/** A condition field as text ('' when absent). */
export const field = (c: JsonRecord | undefined, name: 'type' | 'status' | 'reason' | 'message'): string => asString(c?.[name]) ?? '';

export const isTrue = (c: JsonRecord | undefined): boolean => field(c, 'status') === 'True';
export const isFalse = (c: JsonRecord | undefined): boolean => field(c, 'status') === 'False';

/** Whether the object has a status with at least one field. */
export const hasStatus = (obj: KubeObject): boolean => {
  const status = getIn(obj, 'status');
  return isRecord(status) && Object.keys(status).length > 0;
};

/** spec.suspend === true, the switch Flux and KEDA-style controllers read. */
export const specSuspended = (obj: KubeObject): boolean => getIn(obj, 'spec', 'suspend') === true;

/**
 * The Ready condition decides: True is Healthy and False Degraded, both with the condition's message;
 * without a decided Ready condition the object is still Progressing with `waiting`.
 */
export function readyConditionHealth(obj: KubeObject, waiting: string, type = 'Ready'): HealthStatus {
  const ready = findCondition(statusConditions(obj), type);
  if (isTrue(ready)) return health('Healthy', field(ready, 'message'));
  if (isFalse(ready)) return health('Degraded', field(ready, 'message'));
  return health('Progressing', waiting);
}
