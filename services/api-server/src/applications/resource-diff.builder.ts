// ManagedResources items with the unified diff `app diff` prints: the CLI may not use the engine
// (DESIGN.md §2), so the api-server renders it from the states the controller recorded.
import { unifiedResourceDiff } from '@flotilla/engine';

type JsonRecord = Record<string, unknown>;

const isRecord = (v: unknown): v is JsonRecord => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function state(item: JsonRecord, field: string): JsonRecord | undefined {
  const raw = text(item[field]);
  if (!raw) return undefined;
  const parsed: unknown = JSON.parse(raw);
  return isRecord(parsed) ? parsed : undefined;
}

/** What an item's diff compares: normalised live with predicted live, or one side against nothing. */
function sidesOf(item: JsonRecord): { live?: JsonRecord; target?: JsonRecord } | undefined {
  if (item.hook === true) return undefined; // hooks run, they are not diffed (as argocd app diff)
  const live = state(item, 'liveState');
  const target = state(item, 'targetState');
  if (live && target) return item.modified === true ? { live: state(item, 'normalizedLiveState'), target: state(item, 'predictedLiveState') } : undefined;
  if (live || target) return { live, target };
  return undefined;
}

/** One item with `unifiedDiff` set when the resource would change: created, updated or pruned. */
export function withUnifiedDiff(item: JsonRecord): JsonRecord {
  const sides = sidesOf(item);
  if (!sides || (!sides.live && !sides.target)) return item;
  const ref = { group: text(item.group), kind: text(item.kind) ?? '', namespace: text(item.namespace), name: text(item.name) ?? '' };
  const diff = unifiedResourceDiff({ ref, ...sides });
  return diff ? { ...item, unifiedDiff: diff } : item;
}

/** The ManagedResources answer with a unified diff on every item that differs. */
export function withUnifiedDiffs(managed: JsonRecord): JsonRecord {
  const items: unknown = managed.items;
  return Array.isArray(items) ? { ...managed, items: items.map((i: unknown) => (isRecord(i) ? withUnifiedDiff(i) : i)) } : managed;
}
