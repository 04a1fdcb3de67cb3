// ignoreDifferences.managedFieldsManagers, as Argo's managedfields.Normalize: a field that a listed
// manager owns in live (metadata.managedFields, fieldsV1) and that desired sets to another value is
// removed from both sides. A field desired leaves out is not: removing it from git still shows.
// fieldsV1 keys: `f:<name>` a field, `k:<json>` a list item by its key fields, `v:<json>` a set value, `.` the node itself.
import type { KubeObject } from '@flotilla/api-types';
import { asRecords, isRecord, jsonEqual, type JsonRecord } from '../object/json-value';

/** Where one owned node sits in a document: its parent and the key or index under it. */
type Slot = { parent: JsonRecord; key: string } | { parent: unknown[]; key: number } | undefined;

const valueAt = (slot: Slot): unknown => (slot === undefined ? undefined : Array.isArray(slot.parent) ? slot.parent[slot.key as number] : slot.parent[slot.key as string]);

function itemMatcher(fkey: string): ((item: unknown) => boolean) | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fkey.slice(2));
  } catch {
    return undefined;
  }
  if (fkey.startsWith('v:')) return (item) => jsonEqual(item, parsed);
  const key = parsed;
  return isRecord(key) ? (item) => isRecord(item) && Object.entries(key).every(([k, v]) => jsonEqual(item[k], v)) : undefined;
}

/** The slot a fieldsV1 key names under `node`, when node has it. */
function childSlot(node: unknown, fkey: string): Slot {
  if (fkey.startsWith('f:')) {
    const name = fkey.slice(2);
    return isRecord(node) && name in node ? { parent: node, key: name } : undefined;
  }
  if ((fkey.startsWith('k:') || fkey.startsWith('v:')) && Array.isArray(node)) {
    const match = itemMatcher(fkey);
    const index = match ? node.findIndex(match) : -1;
    return index < 0 ? undefined : { parent: node, key: index };
  }
  return undefined;
}

interface Walk {
  live: Slot;
  desired: Slot;
  /** The same node in every document the removal applies to (live, desired, last-applied). */
  targets: Slot[];
}

/** Owned leaves whose live and desired values differ; list items are removed last, highest index first. */
function collectRemovals(fields: JsonRecord, at: Walk, out: Slot[]): void {
  for (const [fkey, sub] of Object.entries(fields)) {
    if (fkey === '.') continue;
    const next: Walk = {
      live: childSlot(valueAt(at.live), fkey),
      desired: childSlot(valueAt(at.desired), fkey),
      targets: at.targets.map((t) => childSlot(valueAt(t), fkey)),
    };
    if (!next.live || !next.desired) continue;
    const leaf = !isRecord(sub) || Object.keys(sub).every((k) => k === '.');
    // Owning a list item's key is not owning its fields, which other managers may hold.
    if (leaf && fkey.startsWith('k:')) continue;
    if (!leaf) collectRemovals(sub, next, out);
    else if (!jsonEqual(valueAt(next.live), valueAt(next.desired))) out.push(...next.targets);
  }
}

function remove(slots: Slot[]): void {
  const items = slots.filter((s): s is { parent: unknown[]; key: number } => s !== undefined && Array.isArray(s.parent));
  for (const s of slots) if (s && !Array.isArray(s.parent)) delete s.parent[s.key as string];
  items.sort((a, b) => b.key - a.key).forEach((s) => s.parent.splice(s.key, 1));
}

/** The fieldsV1 trees of the given managers, read from live. */
export function managedFieldSets(live: KubeObject | undefined, managers: string[]): JsonRecord[] {
  return asRecords(live?.metadata?.managedFields)
    .filter((e) => typeof e.manager === 'string' && managers.includes(e.manager))
    .map((e) => e.fieldsV1)
    .filter(isRecord);
}

/** Deletes, in place from every target, the owned fields desired changes (live and desired are among targets). */
export function removeManagedFields(fieldSets: JsonRecord[], live: JsonRecord, desired: JsonRecord, targets: JsonRecord[]): void {
  const root = (doc: JsonRecord): Slot => ({ parent: { doc }, key: 'doc' });
  for (const fields of fieldSets) {
    const removals: Slot[] = [];
    collectRemovals(fields, { live: root(live), desired: root(desired), targets: targets.map(root) }, removals);
    remove(removals);
  }
}
