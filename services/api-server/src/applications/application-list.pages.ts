import type { Application } from '@flotilla/api-types';
import { invalidArgument } from '../rpc/rpc-error';

/**
 * Pages of the application list (beyond Argo CD, argo-cd issue 14947). Apps are ordered by
 * (namespace, name) and a continue token carries the last key a page held, never an offset, so an
 * app created or deleted between two pages neither shifts the next page nor appears twice.
 */
export interface ListKey {
  namespace: string;
  name: string;
}

export interface ListPage<T> {
  items: T[];
  /** Where the next page starts; absent on the last page. */
  continue?: string;
  /** How many items come after this page, when there are any. */
  remainingItemCount?: number;
}

/** Marks the tokens this server issues, so a Kubernetes token or another list's is told apart. */
const TOKEN_KIND = 'flotilla.applications/v1';

export const keyOf = (app: Application): ListKey => ({ namespace: app.metadata.namespace ?? '', name: app.metadata.name });

/** Code-unit order on (namespace, name), the order Go's string comparison gives and every page keeps. */
export function compareKeys(a: ListKey, b: ListKey): number {
  if (a.namespace !== b.namespace) return a.namespace < b.namespace ? -1 : 1;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return 0;
}

export function encodeContinue(key: ListKey): string {
  return Buffer.from(JSON.stringify({ kind: TOKEN_KIND, ns: key.namespace, name: key.name })).toString('base64url');
}

/** The key a continue token names; a token this server did not issue is the caller's error, said precisely. */
export function decodeContinue(token: string): ListKey {
  const invalid = (why: string) => invalidArgument(`invalid continue token: ${why}`);
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(token)) throw invalid('it is not base64url text');
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalid('it does not decode to JSON');
  }
  const fields = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  if (fields.kind !== TOKEN_KIND) throw invalid('it was not issued by an application list of this server');
  if (typeof fields.ns !== 'string' || typeof fields.name !== 'string' || fields.name === '')
    throw invalid('it names no application to continue after');
  return { namespace: fields.ns, name: fields.name };
}

/** A `limit` from the wire (int64 arrives as text): 0 or absent means every item. */
export function parseLimit(limit: string | number | undefined): number {
  const text = String(limit ?? 0);
  if (!/^\d+$/.test(text)) throw invalidArgument(`invalid limit ${text}: must be a whole number, 0 or more`);
  // Any int64 is a valid limit; one beyond what a list can hold is simply no bound.
  return Math.min(Number(text), Number.MAX_SAFE_INTEGER);
}

/**
 * The page after `after` of items already sorted by key, at most `limit` of them (0: all). `visible`
 * is asked of items in order only until the page is full, then of the rest to count them.
 */
export function pageOf<T>(sorted: T[], key: (item: T) => ListKey, opts: { limit: number; after?: ListKey }, visible: (item: T) => boolean): ListPage<T> {
  const start = opts.after ? firstAfter(sorted, key, opts.after) : 0;
  const items: T[] = [];
  let remaining = 0;
  for (let i = start; i < sorted.length; i++) {
    if (!visible(sorted[i])) continue;
    if (opts.limit === 0 || items.length < opts.limit) items.push(sorted[i]);
    else remaining++;
  }
  if (remaining === 0) return { items };
  return { items, continue: encodeContinue(key(items[items.length - 1])), remainingItemCount: remaining };
}

/** Binary search: the index of the first item whose key is greater than `after`. */
function firstAfter<T>(sorted: T[], key: (item: T) => ListKey, after: ListKey): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareKeys(key(sorted[mid]), after) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
