import { EventEmitter } from 'node:events';
import type { KubeObject } from '@flotilla/api-types';
import { KubeApiError } from './kube-api.error';
import type { KubeClient } from './kube.client';
import type { Typed, WatchHandle } from './kube.types';

export interface InformerOptions {
  apiVersion: string;
  kind: string;
  /** Omit to watch every namespace (or a cluster-scoped kind). */
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  /** Server-side watch timeout; the informer re-watches when it ends. Default 5 minutes. */
  watchTimeoutSeconds?: number;
}

type Listener<T> = {
  add: (obj: T) => void;
  update: (before: T, after: T) => void;
  delete: (obj: T) => void;
  /** A list or watch failed; the informer retries on its own. */
  error: (err: Error) => void;
  /** The store holds a full list again (first start, or after a relist). */
  synced: () => void;
  /**
   * The server no longer serves the kind (its CRD was deleted): the informer has stopped, its
   * objects were reported deleted, and a new informer is needed once the kind is served again.
   */
  unserved: (err: Error) => void;
};

const MIN_BACKOFF_MS = 200;
const MAX_BACKOFF_MS = 10_000;

/**
 * A list-then-watch cache of one kind, as client-go's informers keep: it lists, serves the objects
 * from memory, follows the watch from the list's resourceVersion, relists when the watch expires
 * (410) or fails, and tells listeners what was added, updated or deleted — including what changed
 * while it was disconnected.
 */
export class Informer<T extends Typed = KubeObject> {
  private readonly store = new Map<string, T>();
  private readonly events = new EventEmitter();
  private running = false;
  private watch?: WatchHandle;
  private resourceVersion?: string;
  private hasSynced = false;
  private gone = false;
  private retryTimer?: NodeJS.Timeout;
  private firstSync?: Promise<void>;
  private loop?: Promise<void>;

  constructor(
    private readonly kube: KubeClient,
    readonly options: InformerOptions,
  ) {
    this.events.setMaxListeners(0);
  }

  on<E extends keyof Listener<T>>(event: E, listener: Listener<T>[E]): this {
    this.events.on(event, listener as (...args: unknown[]) => void);
    return this;
  }

  off<E extends keyof Listener<T>>(event: E, listener: Listener<T>[E]): this {
    this.events.off(event, listener as (...args: unknown[]) => void);
    return this;
  }

  /** True once the server answered that it does not serve the kind; the informer has stopped. */
  get unserved(): boolean {
    return this.gone;
  }

  /** The last resourceVersion the list or watch reported (undefined before the first list). */
  get version(): string | undefined {
    return this.resourceVersion;
  }

  /** True once the first full list is in the store. */
  get synced(): boolean {
    return this.hasSynced;
  }

  list(): T[] {
    return [...this.store.values()];
  }

  get(name: string, namespace?: string): T | undefined {
    return this.store.get(keyOf(namespace, name));
  }

  /** Starts listing and watching; resolves after the first full list, retrying until then. */
  start(): Promise<void> {
    if (this.firstSync) return this.firstSync;
    this.running = true;
    this.firstSync = new Promise<void>((resolve) => {
      const onSynced = (): void => {
        this.events.off('synced', onSynced);
        resolve();
      };
      this.events.on('synced', onSynced);
      this.stopResolvers.push(resolve);
    });
    this.loop = this.run();
    return this.firstSync;
  }

  private readonly stopResolvers: (() => void)[] = [];

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.retryTimer);
    this.retryWake?.();
    this.watch?.stop();
    for (const resolve of this.stopResolvers.splice(0)) resolve();
    await this.loop;
  }

  private retryWake?: () => void;

  private async run(): Promise<void> {
    let backoff = MIN_BACKOFF_MS;
    let needList = true;
    while (this.running) {
      try {
        if (needList) {
          await this.relist();
          needList = false;
        }
        const { apiVersion, kind, namespace, labelSelector, fieldSelector } = this.options;
        const timeoutSeconds = this.options.watchTimeoutSeconds ?? 300;
        this.watch = await this.kube.watch<T>(
          apiVersion,
          kind,
          { namespace, labelSelector, fieldSelector, resourceVersion: this.resourceVersion, timeoutSeconds },
          (event) => {
            backoff = MIN_BACKOFF_MS;
            const rv = event.object?.metadata?.resourceVersion;
            if (rv) this.resourceVersion = rv;
            if (event.type === 'BOOKMARK') return;
            if (event.type === 'DELETED') this.remove(event.object);
            else this.upsert(event.object);
          },
        );
        if (!this.running) this.watch.stop();
        await this.watch.done;
      } catch (err) {
        if (!this.running) break;
        if (err instanceof KubeApiError && err.code === 410) {
          needList = true;
          continue;
        }
        // A list or watch of the collection itself answered 404: the kind is gone (client-go's
        // reflector would relist forever; Argo's cluster cache stops the watch with the CRD).
        if (err instanceof KubeApiError && err.code === 404) {
          this.stopUnserved(err);
          break;
        }
        needList = true;
        this.emitError(err as Error);
        await this.sleep(backoff);
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      }
    }
  }

  private stopUnserved(err: Error): void {
    this.running = false;
    this.gone = true;
    this.hasSynced = false;
    for (const obj of [...this.store.values()]) this.remove(obj);
    this.events.emit('unserved', err);
    for (const resolve of this.stopResolvers.splice(0)) resolve();
  }

  private async relist(): Promise<void> {
    const { apiVersion, kind, namespace, labelSelector, fieldSelector } = this.options;
    const list = await this.kube.listAll<T>(apiVersion, kind, { namespace, labelSelector, fieldSelector });
    if (!this.running) return;
    const seen = new Set<string>();
    for (const obj of list.items) {
      seen.add(keyOfObject(obj));
      this.upsert(obj);
    }
    for (const [key, obj] of [...this.store]) if (!seen.has(key)) this.remove(obj);
    this.resourceVersion = list.metadata.resourceVersion;
    this.hasSynced = true;
    this.events.emit('synced');
  }

  private upsert(obj: T): void {
    const key = keyOfObject(obj);
    const before = this.store.get(key);
    this.store.set(key, obj);
    if (!before) this.emit('add', obj);
    else if (before.metadata?.resourceVersion !== obj.metadata?.resourceVersion) this.emit('update', before, obj);
  }

  private remove(obj: T): void {
    const key = keyOfObject(obj);
    const before = this.store.get(key);
    if (!before) return;
    this.store.delete(key);
    this.emit('delete', obj.metadata?.resourceVersion ? obj : before);
  }

  private emit(event: 'add' | 'update' | 'delete', ...args: T[]): void {
    try {
      this.events.emit(event, ...args);
    } catch (err) {
      this.emitError(err as Error);
    }
  }

  private emitError(err: Error): void {
    if (this.events.listenerCount('error') > 0) this.events.emit('error', err);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.retryWake = resolve;
      this.retryTimer = setTimeout(resolve, ms);
    });
  }
}

const keyOf = (namespace: string | undefined, name: string): string => (namespace ? `${namespace}/${name}` : name);
const keyOfObject = (obj: Typed): string => keyOf(obj.metadata?.namespace, obj.metadata?.name ?? '');
