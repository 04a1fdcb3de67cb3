// How lists of objects are matched between desired and live: by merge key (as strategic merge patch), not index.
import { isRecord, type JsonRecord } from '../object/json-value';

export type ItemKey = (item: JsonRecord) => string | undefined;

const field =
  (name: string): ItemKey =>
  (item) => {
    const v = item[name];
    return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
  };

// Ports can repeat a number over TCP and UDP, so the protocol is part of the key.
const portKey =
  (name: string): ItemKey =>
  (item) => {
    const port = field(name)(item);
    return port === undefined ? undefined : `${port}/${typeof item.protocol === 'string' ? item.protocol : 'TCP'}`;
  };

/** Candidate keys per list field, tried in order; other lists try `name`. */
const CANDIDATES: Record<string, ItemKey[]> = {
  volumeMounts: [field('mountPath')],
  volumeDevices: [field('devicePath')],
  ports: [portKey('containerPort'), portKey('port'), field('name')],
  hostAliases: [field('ip')],
  conditions: [field('type')],
  tolerations: [],
  args: [],
  command: [],
};

function keysAreUnique(items: unknown[], key: ItemKey): boolean {
  const seen = new Set<string>();
  for (const item of items) {
    const k = isRecord(item) ? key(item) : undefined;
    if (k === undefined || seen.has(k)) return false;
    seen.add(k);
  }
  return true;
}

/** The key for matching items of list `fieldName`, when every item on both sides has a unique one. */
export function listMergeKey(fieldName: string | number | undefined, desired: unknown[], live: unknown[]): ItemKey | undefined {
  if (desired.length === 0) return undefined;
  const candidates = (typeof fieldName === 'string' ? CANDIDATES[fieldName] : undefined) ?? [field('name')];
  return candidates.find((key) => keysAreUnique(desired, key) && keysAreUnique(live, key));
}
