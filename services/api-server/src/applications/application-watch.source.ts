import type { Application } from '@flotilla/api-types';
import { ARGO_API_VERSION } from '@flotilla/api-types';
import { Informer, KubeClient } from '@flotilla/platform';
import type { OnModuleDestroy } from '@nestjs/common';
import type { Logger } from 'pino';
import type { OwnWrite } from '../hub/kube-resource.store';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';
export type AppListener = (type: WatchEventType, app: Application) => void;

/**
 * The hub's Applications in the api-server's namespace as one shared watch (Argo's app informer and
 * broadcaster): started as the api-server starts, so a UI's first Watch finds every app listed already
 * (10,000 take the hub a second or more to list), then every change reaches each subscriber at once.
 * Listeners must not block: each stream queues what it cannot send yet on its own.
 */
export class ApplicationWatchSource implements OnModuleDestroy {
  private informer?: Informer<Application>;
  private started?: Promise<void>;
  private readonly listeners = new Set<AppListener>();

  constructor(
    private readonly hub: KubeClient,
    readonly namespace: string,
    private readonly logger?: Logger,
  ) {}

  /** Starts listing now (once the CRDs are in the hub); the informer retries until its first list is in, and the first Watch awaits it. */
  warm(): void {
    void this.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.informer?.stop();
  }

  /** Subscribes, after the first full list is in (so `list()` is complete); returns the unsubscribe. */
  async subscribe(listener: AppListener): Promise<() => void> {
    await this.start();
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Every Application as of the watch. */
  list(): Application[] {
    return this.informer?.list() ?? [];
  }

  /**
   * Every Application as of the watch, when the watch is listed and shows each of this process's own
   * `writes` (which it then forgets); undefined when the hub must be asked instead. Argo's api-server
   * lists from its informer too; the writes make a create or delete show in the next list at once.
   */
  snapshot(writes: Map<string, OwnWrite>): { items: Application[]; resourceVersion?: string } | undefined {
    const informer = this.informer;
    if (!informer?.synced || informer.unserved) return undefined;
    for (const [name, write] of writes) {
      if (!shows(informer.get(name, this.namespace), write)) return undefined;
      writes.delete(name);
    }
    return { items: informer.list(), resourceVersion: informer.version };
  }

  private start(): Promise<void> {
    if (this.started) return this.started;
    const informer = new Informer<Application>(this.hub, { apiVersion: ARGO_API_VERSION, kind: 'Application', namespace: this.namespace });
    informer.on('add', (app) => this.publish('ADDED', app));
    informer.on('update', (_before, app) => this.publish('MODIFIED', app));
    informer.on('delete', (app) => this.publish('DELETED', app));
    informer.on('error', (err) => this.logger?.warn({ err }, 'watching Applications in the hub failed; retrying'));
    this.informer = informer;
    this.started = informer.start();
    return this.started;
  }

  private publish(type: WatchEventType, app: Application): void {
    for (const listener of this.listeners) {
      try {
        listener(type, app);
      } catch (err) {
        this.logger?.error({ err }, 'an Application watch listener failed');
      }
    }
  }
}

/** Whether the watched object reflects a write: at its version or later (versions compared as the hub's numbers), or gone. */
function shows(live: Application | undefined, write: OwnWrite): boolean {
  if (write.deleted) return live === undefined;
  if (!live) return false;
  const [seen, written] = [live.metadata.resourceVersion ?? '', write.version ?? ''];
  if (!/^\d+$/.test(seen) || !/^\d+$/.test(written)) return seen === written;
  return BigInt(seen) >= BigInt(written);
}
