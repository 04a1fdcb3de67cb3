// Every Application the user may see, listed in pages and then kept current by the watch stream. One
// store for the whole page: components subscribe and re-render at most once per animation frame.
import type { Application } from '@flotilla/api-types';
import { applicationsApi, STREAM_FIELDS } from '../api/applications.api';
import { withQuery } from '../api/api.client';
import { openStream, type StreamState } from './event-stream';

export interface AppsSnapshot {
  apps: readonly Application[];
  loading: boolean;
  error?: string;
  stream: StreamState;
}

interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  application: Application;
}

const keyOf = (app: Application): string => `${app.metadata.namespace ?? ''}/${app.metadata.name}`;

export class ApplicationsStore {
  private readonly byKey = new Map<string, Application>();
  private snapshot: AppsSnapshot = { apps: [], loading: true, stream: 'connecting' };
  private readonly listeners = new Set<() => void>();
  private frame: number | undefined;
  private closeStream: (() => void) | undefined;
  private abort = new AbortController();
  private started = false;

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    if (!this.started) this.start();
    return () => this.listeners.delete(fn);
  };

  getSnapshot = (): AppsSnapshot => this.snapshot;

  stop(): void {
    this.abort.abort();
    this.closeStream?.();
    this.started = false;
  }

  private start(): void {
    this.started = true;
    this.abort = new AbortController();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      let cont: string | undefined;
      let resourceVersion: string | undefined;
      do {
        const page = await applicationsApi.page(cont, this.abort.signal);
        for (const app of page.items ?? []) this.byKey.set(keyOf(app), app);
        resourceVersion ??= page.metadata?.resourceVersion;
        cont = page.metadata?.continue || undefined;
        // The first page is on screen before the rest arrive.
        this.publish({ loading: cont !== undefined });
      } while (cont);
      this.watch(resourceVersion);
    } catch (err) {
      if (this.abort.signal.aborted) return;
      this.publish({ loading: false, error: (err as Error).message });
    }
  }

  private watch(resourceVersion: string | undefined): void {
    this.closeStream = openStream<WatchEvent>({
      resourceVersion,
      url: (rv) => withQuery('/api/v1/stream/applications', { resourceVersion: rv, fields: STREAM_FIELDS.join(',') }),
      versionOf: (e) => e.application?.metadata?.resourceVersion,
      onState: (stream) => this.publish({ stream }),
      onEvent: (e) => {
        if (!e.application?.metadata?.name) return;
        if (e.type === 'DELETED') this.byKey.delete(keyOf(e.application));
        else this.byKey.set(keyOf(e.application), e.application);
        this.publish({});
      },
    });
  }

  private publish(change: Partial<AppsSnapshot>): void {
    this.pending = { ...this.pending, ...change };
    if (this.frame !== undefined) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = undefined;
      const apps = [...this.byKey.values()].sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
      this.snapshot = { ...this.snapshot, ...this.pending, apps };
      this.pending = {};
      for (const fn of this.listeners) fn();
    });
  }
  private pending: Partial<AppsSnapshot> = {};
}

export const applicationsStore = new ApplicationsStore();
