// The shape every per-kind health check has.
import type { HealthStatus, HealthStatusCode, KubeObject } from '@flotilla/api-types';
import { asRecords, asString, getIn, type JsonRecord } from '../object/json-value';

export type HealthCheck = (obj: KubeObject) => HealthStatus;

/** A HealthStatus without an empty message, as Argo's JSON omits it. */
export const health = (status: HealthStatusCode, message?: string): HealthStatus => (message ? { status, message } : { status });

/** The first status condition of a type. */
export const conditionOf = (obj: KubeObject, type: string): JsonRecord | undefined =>
  asRecords(getIn(obj, 'status', 'conditions')).find((c) => c.type === type);

export const textOf = (rec: JsonRecord | undefined, field: string): string => asString(rec?.[field]) ?? '';
