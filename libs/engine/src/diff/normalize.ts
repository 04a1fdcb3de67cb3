// Removes what the server owns before comparing, and rewrites desired into the form the server stores.
import type { KubeObject } from '@flotilla/api-types';
import { asString, clone, isRecord, type JsonRecord } from '../object/json-value';

export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

const SERVER_METADATA = [
  'managedFields',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'selfLink',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
];

/** A copy without status, server-written metadata and the last-applied annotation. */
export function stripServerFields(obj: KubeObject): JsonRecord {
  const out: JsonRecord = clone(obj);
  delete out.status;
  const meta = out.metadata;
  if (isRecord(meta)) {
    for (const f of SERVER_METADATA) delete meta[f];
    const annotations = meta.annotations;
    if (isRecord(annotations)) {
      delete annotations[LAST_APPLIED_ANNOTATION];
      if (Object.keys(annotations).length === 0) delete meta.annotations;
    }
  }
  return out;
}

/** Secrets store `stringData` as base64 `data`; desired is rewritten so the two compare. */
export function secretStringDataToData(obj: JsonRecord): JsonRecord {
  if (obj.kind !== 'Secret' || obj.apiVersion !== 'v1') return obj;
  return foldStringData(obj);
}

/** `stringData` merged into `data` as base64, as the API server stores it (stringData wins a shared key). */
export function foldStringData(obj: JsonRecord): JsonRecord {
  if (!isRecord(obj.stringData)) return obj;
  const data: JsonRecord = isRecord(obj.data) ? { ...obj.data } : {};
  for (const [k, v] of Object.entries(obj.stringData)) {
    if (typeof v === 'string') data[k] = Buffer.from(v, 'utf8').toString('base64');
  }
  const { stringData: _ignored, ...rest } = obj;
  return { ...rest, data };
}

/** The configuration last applied with `kubectl apply`, read from live's annotation. */
export function lastAppliedOf(live: KubeObject | undefined): JsonRecord | undefined {
  const text = asString(live?.metadata?.annotations?.[LAST_APPLIED_ANNOTATION]);
  if (!text) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return isRecord(parsed) ? parsed : undefined;
  } catch {
    return undefined; // a corrupt annotation only loses removal detection, like kubectl
  }
}
