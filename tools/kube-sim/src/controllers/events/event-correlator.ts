/**
 * client-go's EventCorrelator (tools/record/events_cache.go), reduced to what a simulated
 * cluster needs: a spam filter per source and object, and the key that folds a repeated
 * event into one object whose `count` grows.
 */

/** What identifies an occurrence for folding: every field but the timestamps and count. */
export interface EventIdentity {
  component: string;
  host: string;
  kind: string;
  namespace: string;
  name: string;
  uid: string;
  apiVersion: string;
  type: string;
  reason: string;
  message: string;
  fieldPath: string;
}

/** client-go: `defaultSpamBurst` 25 and `defaultSpamQPS` 1/300 per source and object. */
const SPAM_BURST = 25;
const SPAM_REFILL_MS = 300_000;
/** client-go's `maxLruCacheEntries`: the correlator forgets the least recently used keys beyond it. */
const CACHE_ENTRIES = 4096;

interface Bucket {
  tokens: number;
  at: number;
}

export class EventCorrelator {
  private readonly buckets = new Map<string, Bucket>();
  private readonly folded = new Map<string, string>();

  /** False once a source has written more than the burst about one object, until tokens refill. */
  allow(e: EventIdentity, nowMs: number): boolean {
    const key = [e.component, e.host, e.kind, e.namespace, e.name, e.uid, e.apiVersion].join('\u0000');
    const prev = this.buckets.get(key) ?? { tokens: SPAM_BURST, at: nowMs };
    const tokens = Math.min(SPAM_BURST, prev.tokens + (nowMs - prev.at) / SPAM_REFILL_MS);
    const allowed = tokens >= 1;
    touch(this.buckets, key, { tokens: allowed ? tokens - 1 : tokens, at: nowMs });
    return allowed;
  }

  /** The name of the Event a previous identical occurrence was written to, if remembered. */
  previous(e: EventIdentity): string | undefined {
    const name = this.folded.get(foldKey(e));
    if (name !== undefined) touch(this.folded, foldKey(e), name);
    return name;
  }

  remember(e: EventIdentity, eventName: string): void {
    touch(this.folded, foldKey(e), eventName);
  }
}

function foldKey(e: EventIdentity): string {
  return [e.component, e.host, e.kind, e.namespace, e.name, e.uid, e.apiVersion, e.fieldPath, e.type, e.reason, e.message].join('\u0000');
}

/** Re-inserts a key so Map order is least-recently-used first, and drops the oldest past the bound. */
function touch<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > CACHE_ENTRIES) map.delete(map.keys().next().value as string);
}
