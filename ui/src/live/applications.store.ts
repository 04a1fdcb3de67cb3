// Every Application the user may see, kept current by the watch stream. One store for the whole page:
// components subscribe and re-render at most once per animation frame.
//
// The watch stream opened without a resourceVersion starts with every app, from the api-server's
// watch cache and in name order, so the first tiles show as soon as its first frames arrive; a
// one-item list page counts the apps, to say when every one is in. After a lost stream, the whole
// list is read to catch up on what changed (or went) while it was down.
import type { Application } from '@flotilla/api-types';
import { applicationsApi, STREAM_FIELDS } from '../api/applications.api';
import { withQuery } from '../api/api.client';
import { openStream, type StreamState } from './event-stream';

export interface AppsSnapshot {
  /** Sorted by name (then namespace). */
  apps: readonly Application[];
  loading: boolean;
  error?: string;
  stream: StreamState;
}

interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  application: Application;
}

/** The stream's first burst is taken to pause after this long without an event. */
const QUIET_MS = 300;
/** An empty (or slow) stream: count anyway. */
const NO_EVENT_WAIT_MS = 5000;
/** A count still unmet after this long without an event: read the whole list. */
const SETTLE_MS = 2000;

const keyOf = (app: Application): string => `${app.metadata.name}\u0000${app.metadata.namespace ?? ''}`;

/** resourceVersions as numbers when they are (the hub's are etcd revisions); otherwise nothing is older. */
const versionOf = (app: Application | undefined): number => Number(app?.metadata.resourceVersion ?? NaN);
const older = (a: Application | undefined, than: number): boolean => versionOf(a) < than;

export class ApplicationsStore {
  private readonly byKey = new Map<string, Application>();
  /** Apps the stream said were deleted, by key, with the version of the deletion: a list read before it must not bring them back. */
  private readonly gone = new Map<string, number>();
  private snapshot: AppsSnapshot = { apps: [], loading: true, stream: 'connecting' };
  private readonly listeners = new Set<() => void>();
  private frame: number | undefined;
  private closeStream: (() => void) | undefined;
  private abort = new AbortController();
  private started = false;
  private lost = false;
  private pending: Partial<AppsSnapshot> = {};
  private dirty = false;
  private countTimer: ReturnType<typeof setTimeout> | undefined;
  private counting = false;
  private published = false;
  /** How many apps the list counted, once it has. */
  private expected: number | undefined;

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    if (!this.started) this.start();
    return () => this.listeners.delete(fn);
  };

  getSnapshot = (): AppsSnapshot => this.snapshot;

  stop(): void {
    this.abort.abort();
    clearTimeout(this.countTimer);
    this.closeStream?.();
    this.started = false;
  }

  private start(): void {
    this.started = true;
    this.abort = new AbortController();
    this.watch();
    this.countAfter(NO_EVENT_WAIT_MS);
  }

  /**
   * How many apps there are comes from a one-item list page (its remainingItemCount), asked once the
   * stream's first burst pauses: both are made by the one api-server, and the burst is what puts
   * tiles on screen. A whole list (every app serialised) would hold the burst up for seconds.
   */
  private countAfter(ms: number): void {
    if (this.expected !== undefined || this.counting) return;
    clearTimeout(this.countTimer);
    this.countTimer = setTimeout(() => void this.count(), ms);
  }

  private async count(): Promise<void> {
    this.counting = true;
    try {
      const page = await applicationsApi.count(this.abort.signal);
      this.expected = (page.items?.length ?? 0) + (page.metadata?.remainingItemCount ?? 0);
      this.checkLoaded();
      this.settleLater();
    } catch (err) {
      if (this.abort.signal.aborted) return;
      this.publish({ loading: false, error: (err as Error).message });
    }
  }

  /** Apps created or deleted meanwhile can leave the count unmet: once the stream is quiet a while, the whole list settles it. */
  private settleLater(): void {
    if (this.expected === undefined || !this.snapshot.loading || this.byKey.size >= this.expected) return;
    clearTimeout(this.countTimer);
    this.countTimer = setTimeout(() => this.snapshot.loading && void this.reconcile(), SETTLE_MS);
  }

  private checkLoaded(): void {
    if (this.pending.loading !== false && this.snapshot.loading && this.expected !== undefined && this.byKey.size >= this.expected) this.publish({ loading: false });
  }

  /** Reads the whole list and merges it: newer versions win, and an app the list lacks is gone unless the stream brought it later. */
  private async reconcile(): Promise<void> {
    try {
      const list = await applicationsApi.list(this.abort.signal);
      const listVersion = Number(list.metadata?.resourceVersion ?? NaN);
      const seen = new Set<string>();
      for (const app of list.items ?? []) {
        const key = keyOf(app);
        seen.add(key);
        const current = this.byKey.get(key);
        if (current && !older(current, versionOf(app))) continue;
        if ((this.gone.get(key) ?? -1) >= versionOf(app)) continue;
        this.byKey.set(key, app);
      }
      for (const [key, app] of this.byKey) if (!seen.has(key) && !(versionOf(app) > listVersion)) this.byKey.delete(key);
      this.gone.clear();
      this.dirty = true;
      this.publish({ loading: false, error: undefined });
    } catch (err) {
      if (this.abort.signal.aborted) return;
      this.publish({ loading: false, error: (err as Error).message });
    }
  }

  private watch(): void {
    this.closeStream = openStream<WatchEvent>({
      url: (rv) => withQuery('/api/v1/stream/applications', { resourceVersion: rv, fields: STREAM_FIELDS.join(',') }),
      versionOf: (e) => e.application?.metadata?.resourceVersion,
      onState: (stream) => {
        if (stream === 'lost') this.lost = true;
        if (stream === 'open' && this.lost) {
          // Resumed from the last version seen: what changed while the stream was down comes from the list.
          this.lost = false;
          void this.reconcile();
        }
        // Reconnecting after a loss is still lost to the user until the stream is back.
        this.publish({ stream: this.lost && stream === 'connecting' ? 'lost' : stream });
      },
      onEvent: (e) => {
        const app = e.application;
        if (!app?.metadata?.name) return;
        if (this.byKey.size === 0) performance.mark('flotilla:apps-first-event');
        const key = keyOf(app);
        if (e.type === 'DELETED') {
          this.byKey.delete(key);
          this.gone.set(key, versionOf(app));
        } else if (!older(app, versionOf(this.byKey.get(key)))) {
          this.byKey.set(key, app);
        }
        this.dirty = true;
        this.publish({});
        this.countAfter(QUIET_MS);
        this.checkLoaded();
        this.settleLater();
      },
    });
  }

  private publish(change: Partial<AppsSnapshot>): void {
    this.pending = { ...this.pending, ...change };
    if (this.frame !== undefined) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = undefined;
      const apps = this.dirty ? sortedByName(this.byKey) : this.snapshot.apps;
      this.dirty = false;
      this.snapshot = { ...this.snapshot, ...this.pending, apps };
      this.pending = {};
      // Marks for the UI benchmark (npm run bench:ui): when the apps first reach the page.
      if (apps.length && !this.published) performance.mark('flotilla:apps-first-publish', { detail: apps.length });
      this.published ||= apps.length > 0;
      for (const fn of this.listeners) fn();
    });
  }
}

/** Plain code-unit order of the keys: Intl's localeCompare costs ~10x more over 10,000 apps in every frame. */
function sortedByName(byKey: Map<string, Application>): Application[] {
  const keys = [...byKey.keys()].sort();
  return keys.map((k) => byKey.get(k)!);
}

export const applicationsStore = new ApplicationsStore();
