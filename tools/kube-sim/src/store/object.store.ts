import { FieldRequirement, matchesFields } from './field-selector';
import { KubeObject } from './kube-object';
import { matchesLabels, Requirement } from './label-selector';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** An object as kept: serialised once, so lists and watch fan-out never re-encode it. */
export interface StoredObject {
  namespace: string;
  name: string;
  rv: number;
  labels?: Record<string, string>;
  json: string;
}

export interface StoreEvent {
  type: WatchEventType;
  resource: string;
  rv: number;
  object: StoredObject;
  previous?: StoredObject;
}

export interface Filter {
  namespace?: string;
  labels?: Requirement[];
  fields?: FieldRequirement[];
}

export interface ListOptions extends Filter {
  limit?: number;
  continueToken?: string;
}

export interface ListResult {
  items: StoredObject[];
  resourceVersion: number;
  continueToken?: string;
  remainingItemCount?: number;
}

/** Thrown when a watch or continue token asks for history that has been compacted. */
export class ResourceVersionTooOldError extends Error {
  constructor(readonly requested: number, readonly oldest: number) {
    super(`too old resource version: ${requested} (${oldest})`);
  }
}

export class InvalidContinueError extends Error {}

export interface Subscription {
  unsubscribe(): void;
}

interface Table {
  objects: Map<string, StoredObject>;
  sortedKeys?: string[];
  history: StoreEvent[];
  /** Highest rv whose event is no longer in history; watches from before it get 410. */
  compactedRv: number;
  watchers: Set<(e: StoreEvent) => void>;
}

const keyOf = (ns: string, name: string): string => (ns ? `${ns}/${name}` : name);

/**
 * The storage of one simulated cluster, like etcd behind kube-apiserver's watch cache:
 * one global resourceVersion, per-resource tables, a bounded event history for watches.
 */
export class ObjectStore {
  private rv = 1;
  private readonly tables = new Map<string, Table>();
  private readonly listeners = new Set<(e: StoreEvent) => void>();

  constructor(private readonly historyLimit = 10_000) {}

  get resourceVersion(): number {
    return this.rv;
  }

  /** Moves the revision forward (persistence restores it this way). */
  advanceTo(rv: number): void {
    this.rv = Math.max(this.rv, rv);
  }

  get(resource: string, namespace: string, name: string): StoredObject | undefined {
    return this.tables.get(resource)?.objects.get(keyOf(namespace, name));
  }

  getObject(resource: string, namespace: string, name: string): KubeObject | undefined {
    const s = this.get(resource, namespace, name);
    return s ? (JSON.parse(s.json) as KubeObject) : undefined;
  }

  count(resource: string): number {
    return this.tables.get(resource)?.objects.size ?? 0;
  }

  resources(): string[] {
    return [...this.tables.keys()];
  }

  list(resource: string, opts: ListOptions = {}): ListResult {
    const table = this.tables.get(resource);
    const rvNow = this.rv;
    if (!table) return { items: [], resourceVersion: rvNow };
    const start = opts.continueToken ? decodeContinue(opts.continueToken) : undefined;
    const keys = this.sortedKeys(table);
    let i = start ? upperBound(keys, start.start) : 0;
    const items: StoredObject[] = [];
    const limit = opts.limit && opts.limit > 0 ? opts.limit : Infinity;
    for (; i < keys.length && items.length < limit; i++) {
      const o = table.objects.get(keys[i])!;
      if (matches(o, opts)) items.push(o);
    }
    const listRv = start?.rv ?? rvNow;
    if (items.length < limit || !hasMore(table, keys, i, opts)) return { items, resourceVersion: listRv };
    const last = items[items.length - 1];
    const continueToken = encodeContinue(listRv, keyOf(last.namespace, last.name));
    const filtered = !!(opts.labels?.length || opts.fields?.length);
    const remainingItemCount = filtered ? undefined : countFrom(table, keys, i, opts);
    return { items, resourceVersion: listRv, continueToken, remainingItemCount };
  }

  /** Stores an object, stamping the next resourceVersion into it. */
  put(resource: string, obj: KubeObject): StoredObject {
    const table = this.table(resource);
    const ns = obj.metadata.namespace ?? '';
    const name = obj.metadata.name!;
    const key = keyOf(ns, name);
    const previous = table.objects.get(key);
    const stored = this.stamp(obj, ns, name);
    table.objects.set(key, stored);
    if (!previous) table.sortedKeys = undefined;
    this.emit(table, { type: previous ? 'MODIFIED' : 'ADDED', resource, rv: stored.rv, object: stored, previous });
    return stored;
  }

  remove(resource: string, namespace: string, name: string): StoredObject | undefined {
    const table = this.tables.get(resource);
    const previous = table?.objects.get(keyOf(namespace, name));
    if (!table || !previous) return undefined;
    table.objects.delete(keyOf(namespace, name));
    table.sortedKeys = undefined;
    const stored = this.stamp(JSON.parse(previous.json) as KubeObject, namespace, name);
    this.emit(table, { type: 'DELETED', resource, rv: stored.rv, object: stored, previous });
    return stored;
  }

  /** Restores an object as persisted, without an event or a new resourceVersion. */
  restore(resource: string, stored: StoredObject): void {
    const table = this.table(resource);
    table.objects.set(keyOf(stored.namespace, stored.name), stored);
    table.sortedKeys = undefined;
    table.compactedRv = Math.max(table.compactedRv, stored.rv);
    this.advanceTo(stored.rv);
  }

  /**
   * Streams events after `fromRv` that pass the filter. Without `fromRv`, the current
   * objects come first as ADDED. Selector moves become ADDED/DELETED, as in Kubernetes.
   */
  watch(resource: string, fromRv: number | undefined, filter: Filter, send: (type: WatchEventType, o: StoredObject) => void): Subscription {
    const table = this.table(resource);
    if (fromRv === undefined) {
      for (const o of this.list(resource, filter).items) send('ADDED', o);
    } else {
      if (fromRv < table.compactedRv) throw new ResourceVersionTooOldError(fromRv, table.compactedRv + 1);
      for (const e of table.history) if (e.rv > fromRv) deliver(e, filter, send);
    }
    const watcher = (e: StoreEvent): void => deliver(e, filter, send);
    table.watchers.add(watcher);
    return { unsubscribe: () => table.watchers.delete(watcher) };
  }

  /** Every change in every resource, for in-process controllers and persistence. */
  onEvent(listener: (e: StoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private stamp(obj: KubeObject, namespace: string, name: string): StoredObject {
    const rv = ++this.rv;
    obj.metadata.resourceVersion = String(rv);
    return { namespace, name, rv, labels: obj.metadata.labels, json: JSON.stringify(obj) };
  }

  private emit(table: Table, e: StoreEvent): void {
    table.history.push(e);
    if (table.history.length > this.historyLimit) {
      const dropped = table.history.splice(0, table.history.length - this.historyLimit);
      table.compactedRv = dropped[dropped.length - 1].rv;
    }
    for (const w of table.watchers) w(e);
    for (const l of this.listeners) l(e);
  }

  private table(resource: string): Table {
    let t = this.tables.get(resource);
    if (!t) {
      t = { objects: new Map(), history: [], compactedRv: this.rv, watchers: new Set() };
      this.tables.set(resource, t);
    }
    return t;
  }

  private sortedKeys(table: Table): string[] {
    table.sortedKeys ??= [...table.objects.keys()].sort();
    return table.sortedKeys;
  }
}

function matches(o: StoredObject, f: Filter): boolean {
  if (f.namespace && o.namespace !== f.namespace) return false;
  if (f.labels?.length && !matchesLabels(f.labels, o.labels)) return false;
  if (f.fields?.length && !matchesFields(f.fields, withNameFields(o))) return false;
  return true;
}

function withNameFields(o: StoredObject): Record<string, unknown> {
  return JSON.parse(o.json) as Record<string, unknown>;
}

function deliver(e: StoreEvent, f: Filter, send: (type: WatchEventType, o: StoredObject) => void): void {
  const now = matches(e.object, f);
  if (e.type === 'MODIFIED' && e.previous) {
    const before = matches(e.previous, f);
    if (now && !before) return send('ADDED', e.object);
    if (!now && before) return send('DELETED', e.object);
  }
  if (now) send(e.type, e.object);
}

function hasMore(table: Table, keys: string[], from: number, f: Filter): boolean {
  for (let i = from; i < keys.length; i++) if (matches(table.objects.get(keys[i])!, f)) return true;
  return false;
}

function countFrom(table: Table, keys: string[], from: number, f: Filter): number {
  let n = 0;
  for (let i = from; i < keys.length; i++) if (matches(table.objects.get(keys[i])!, f)) n++;
  return n;
}

function upperBound(keys: string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid] <= key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function encodeContinue(rv: number, start: string): string {
  return Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv, start })).toString('base64url');
}

function decodeContinue(token: string): { rv: number; start: string } {
  let parsed: { v?: string; rv?: number; start?: string };
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as typeof parsed;
  } catch {
    throw new InvalidContinueError('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
  }
  if (parsed.v !== 'meta.k8s.io/v1' || typeof parsed.rv !== 'number' || typeof parsed.start !== 'string') {
    throw new InvalidContinueError('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
  }
  return { rv: parsed.rv, start: parsed.start };
}
