// ManagedResources items with the unified diff `app diff` prints: the CLI may not use the engine
// (DESIGN.md §2), so the api-server renders it from the states the controller recorded.
import { hideSecretData, unifiedResourceDiff } from '@flotilla/engine';

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

const states = (target: JsonRecord | undefined, live: JsonRecord | undefined, targetField: string, liveField: string): JsonRecord => ({
  ...(target ? { [targetField]: JSON.stringify(target) } : {}),
  ...(live ? { [liveField]: JSON.stringify(live) } : {}),
});

/**
 * A Secret's states masked once more, each pair together: the controller masks them, but an entry
 * written by a controller from before it masked the last-applied annotation lives on until it expires.
 */
function withSecretsMasked(item: JsonRecord): JsonRecord {
  if (item.kind !== 'Secret' || (text(item.group) ?? '') !== '') return item;
  const shown = hideSecretData(state(item, 'targetState'), state(item, 'liveState'));
  const diffed = hideSecretData(state(item, 'predictedLiveState'), state(item, 'normalizedLiveState'));
  return { ...item, ...states(shown.target, shown.live, 'targetState', 'liveState'), ...states(diffed.target, diffed.live, 'predictedLiveState', 'normalizedLiveState') };
}

/** One item, Secret values masked, with `unifiedDiff` set when the resource would change: created, updated or pruned. */
export function withUnifiedDiff(recorded: JsonRecord): JsonRecord {
  const item = withSecretsMasked(recorded);
  const sides = sidesOf(item);
  if (!sides || (!sides.live && !sides.target)) return item;
  const ref = { group: text(item.group), kind: text(item.kind) ?? '', namespace: text(item.namespace), name: text(item.name) ?? '' };
  const diff = unifiedResourceDiff({ ref, ...sides });
  return diff ? { ...item, unifiedDiff: diff } : item;
}

/** The ManagedResources answer, Secret values masked, with a unified diff on every item that differs. */
export function withUnifiedDiffs(managed: JsonRecord): JsonRecord {
  const items: unknown = managed.items;
  return Array.isArray(items) ? { ...managed, items: items.map((i: unknown) => (isRecord(i) ? withUnifiedDiff(i) : i)) } : managed;
}

/** What ManagedResources may be narrowed to; an empty or absent filter matches everything. */
export interface ResourceFilter {
  group?: string | null;
  kind?: string | null;
  namespace?: string | null;
  name?: string | null;
  version?: string | null;
}

/** The version of an item, from the apiVersion of its live or target state. */
function versionOfItem(item: JsonRecord): string | undefined {
  const apiVersion = (state(item, 'liveState') ?? state(item, 'targetState'))?.apiVersion;
  return typeof apiVersion === 'string' ? apiVersion.split('/').pop() : undefined;
}

/** The ManagedResources answer with only the items matching every filter given; hooks are never in it, as in Argo CD (they run, they are not managed). */
export function matchingResources(managed: JsonRecord, filter: ResourceFilter): JsonRecord {
  const items: unknown = managed.items;
  if (!Array.isArray(items)) return managed;
  const wanted = (value: unknown, f: string | null | undefined) => !f || (text(value) ?? '') === f;
  return {
    ...managed,
    items: items.filter(
      (i: unknown) =>
        isRecord(i) &&
        i.hook !== true &&
        wanted(i.group, filter.group) &&
        wanted(i.kind, filter.kind) &&
        wanted(i.namespace, filter.namespace) &&
        wanted(i.name, filter.name) &&
        (!filter.version || versionOfItem(i) === filter.version),
    ),
  };
}
