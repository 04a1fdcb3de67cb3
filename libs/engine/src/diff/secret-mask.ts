// Secret values never leave the engine: diffs show `++++++++` placeholders, as Argo's HideSecretData does.
import type { KubeObject } from '@flotilla/api-types';
import { clone, isRecord, type JsonRecord } from '../object/json-value';

export const SECRET_MASK = '++++++++';

const isSecret = (obj: JsonRecord | undefined): boolean =>
  obj?.kind === 'Secret' && (obj.apiVersion === 'v1' || obj.apiVersion === undefined);

/** A copy of a Secret with every `data`/`stringData` value replaced by the mask; other kinds unchanged. */
export function maskSecretData<T extends KubeObject | JsonRecord>(obj: T): T {
  if (!isSecret(obj)) return obj;
  const out = clone(obj);
  for (const field of ['data', 'stringData'] as const) {
    const values = out[field];
    if (isRecord(values)) for (const k of Object.keys(values)) values[k] = SECRET_MASK;
  }
  return out;
}

/** Masks a pair so values that differ get different masks and still show up as a change. */
export function maskSecretPair(live: JsonRecord, predicted: JsonRecord): { live: JsonRecord; predicted: JsonRecord } {
  if (!isSecret(live) && !isSecret(predicted)) return { live, predicted };
  const l = maskSecretData(live);
  const p = maskSecretData(predicted);
  const liveData = isRecord(live.data) ? live.data : {};
  const predictedData = isRecord(predicted.data) ? predicted.data : {};
  if (isRecord(p.data)) {
    for (const k of Object.keys(p.data)) if (k in liveData && liveData[k] !== predictedData[k]) p.data[k] = `${SECRET_MASK}+`;
  }
  return { live: l, predicted: p };
}
