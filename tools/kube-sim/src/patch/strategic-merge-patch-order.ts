import { errors, goFormat, has, isMap, Json, PATCH, SET_ORDER, StrategicMergePatchError } from './strategic-merge-patch-values';

/** How list items are identified: by their merge key value, or (primitives) by themselves. */
export interface ItemIdentity {
  mergeKey?: string;
  maps: boolean;
}

const identity = (item: unknown, id: ItemIdentity): unknown => (id.maps ? (isMap(item) ? item[id.mergeKey ?? ''] : undefined) : item);

function indexIn(list: unknown[], item: unknown, id: ItemIdentity): number {
  const wanted = identity(item, id);
  return list.findIndex((v) => identity(v, id) === wanted);
}

/** Splits merged items into those the `by` list names (in merged order) and the server-only rest. */
export function partitionByPresence(merged: unknown[], by: unknown[], id: ItemIdentity): { named: unknown[]; serverOnly: unknown[] } {
  const named: unknown[] = [];
  const serverOnly: unknown[] = [];
  for (const v of merged) (indexIn(by, v, id) >= 0 ? named : serverOnly).push(v);
  return { named, serverOnly };
}

/**
 * apimachinery's normalizeElementOrder: the named items sorted by `namedOrder` (the patch list or
 * `$setElementOrder`), the server-only items sorted by the live list, then interleaved so each
 * server-only item stays in front of the first named item that followed it in the live list.
 */
export function normalizeElementOrder(
  named: unknown[],
  serverOnly: unknown[],
  namedOrder: unknown[],
  liveOrder: unknown[],
  id: ItemIdentity,
): unknown[] {
  return mergeSorted(sortByOrder(serverOnly, liveOrder, id), sortByOrder(named, namedOrder, id), liveOrder, id);
}

function sortByOrder(items: unknown[], order: unknown[], id: ItemIdentity): unknown[] {
  if (id.maps) {
    for (const v of [...items, ...order]) if (isMap(v) && !has(v, id.mergeKey ?? '')) throw errors.noMergeKey(v, id.mergeKey ?? '');
  }
  const toDelete = id.maps ? items.filter((v) => isMap(v) && v[PATCH] === 'delete') : [];
  const keep = items.filter((v) => !toDelete.includes(v));
  const ranked = keep.map((v, i) => ({ v, i, rank: indexIn(order, v, id) }));
  ranked.sort((a, b) => (a.rank >= 0 && b.rank >= 0 ? a.rank - b.rank : a.i - b.i));
  return [...ranked.map((r) => r.v), ...toDelete];
}

/** Inserts each `left` item before the first `right` item it preceded in the live list. */
function mergeSorted(left: unknown[], right: unknown[], liveOrder: unknown[], id: ItemIdentity): unknown[] {
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (j >= right.length) out.push(left[i++]);
    else if (i >= left.length) out.push(right[j++]);
    else {
      const li = indexIn(liveOrder, left[i], id);
      const ri = indexIn(liveOrder, right[j], id);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++]);
      else out.push(right[j++]);
    }
  }
  return out;
}

/**
 * `$setElementOrder` must name every (non-deleted) patch item, in the patch's relative order;
 * anything else is the error apimachinery's validatePatchWithSetOrderList gives.
 */
export function validateSetElementOrder(patchList: unknown[], order: unknown[], mergeKey: string | undefined): void {
  if (!order.length || !patchList.length) return;
  const items = mergeKey ? patchList.filter((p) => !isDeleteItem(p)) : patchList;
  let p = 0;
  let o = 0;
  while (p < items.length && o < order.length) {
    if (isMap(items[p]) && has(items[p] as Json, PATCH)) {
      p++;
      continue;
    }
    if (sameItem(items[p], order[o], mergeKey)) p++;
    o++;
  }
  if (p < items.length) {
    throw new StrategicMergePatchError(
      `The order in patch list:\n${goFormat(patchList)}\n doesn't match ${SET_ORDER} list:\n${goFormat(order)}\n`,
    );
  }
}

function isDeleteItem(item: unknown): boolean {
  if (!isMap(item)) throw errors.badArgType('map[string]interface {}', item);
  return item[PATCH] === 'delete';
}

function sameItem(a: unknown, b: unknown, mergeKey: string | undefined): boolean {
  if (!mergeKey) return a === b;
  if (!isMap(a)) throw errors.badArgType('map[string]interface {}', a);
  if (!isMap(b)) throw errors.badArgType('map[string]interface {}', b);
  if (!has(a, mergeKey)) throw errors.noMergeKey(a, mergeKey);
  if (!has(b, mergeKey)) throw errors.noMergeKey(b, mergeKey);
  return a[mergeKey] === b[mergeKey];
}
