import { IncomingMessage, ServerResponse } from 'node:http';
import { errors } from '../api/status-error';
import { ResourceRegistry } from '../registry/resource.registry';
import { apiVersionOf, resourceKey, ResourceType } from '../registry/resource-type';
import { KubeObject } from '../store/kube-object';
import { ListOptions, ObjectStore, ResourceVersionTooOldError, StoredObject, WatchEventType } from '../store/object.store';
import { acceptAs } from './http-io';
import { isTrue } from './request-info';
import { TableOptions } from './table/table';
import { toTable } from './table/to-table';

export interface WatchSettings {
  /** How often BOOKMARK events go out when the client allows them. */
  bookmarkIntervalMs: number;
  /** Longest a watch stays open when the client names no timeout (kube-apiserver: 30-60 min). */
  maxTimeoutSeconds: number;
}

/** One open watch: everything it writes goes through `write`, and `close` stops it exactly once. */
class OpenWatch {
  private readonly timers: NodeJS.Timeout[] = [];
  private unsubscribe: () => void = () => undefined;
  private closed = false;

  constructor(
    readonly res: ServerResponse,
    readonly type: ResourceType,
    private readonly onClosed: (w: OpenWatch) => void,
  ) {}

  write(line: string): void {
    // A timer or store event can come after the response ended and before its 'close': drop it.
    if (this.closed || this.res.writableEnded || this.res.destroyed) return;
    this.res.write(line);
  }

  every(ms: number, fn: () => void): void {
    this.timers.push(setInterval(fn, ms));
  }

  after(ms: number, fn: () => void): void {
    this.timers.push(setTimeout(fn, ms));
  }

  subscribed(unsubscribe: () => void): void {
    if (this.closed) unsubscribe();
    else this.unsubscribe = unsubscribe;
  }

  /** Ends the response (unless gone already), clears the timers and leaves the store. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.timers.forEach((x) => clearTimeout(x));
    this.unsubscribe();
    if (!this.res.writableEnded && !this.res.destroyed) this.res.end();
    this.onClosed(this);
  }
}

/** Streams watch events as newline-delimited JSON, the way client-go and kubectl read them. */
export class WatchStreamer {
  private readonly open = new Set<OpenWatch>();

  private checkPending = false;

  constructor(
    private readonly store: ObjectStore,
    private readonly settings: WatchSettings,
    private readonly registry?: ResourceRegistry,
  ) {
    // A CRD's removal tears down its storage, which ends the watches on its resources
    // (apiextensions-apiserver customresource_handler.go: removeDeadStorage, tearDown).
    registry?.onChange(() => this.closeUnservedSoon());
  }

  stream(req: IncomingMessage, res: ServerResponse, t: ResourceType, ns: string, opts: ListOptions, query: URLSearchParams, table: TableOptions): void {
    const encode = encoder(t, acceptAs(req.headers.accept) === 'Table', table);
    const rvParam = query.get('resourceVersion') ?? '';
    const initialEvents = query.get('sendInitialEvents');
    const fromStart = rvParam === '' || rvParam === '0' || isTrue(initialEvents);
    const fromRv = fromStart ? undefined : Number(rvParam);
    if (fromRv !== undefined && !Number.isFinite(fromRv)) throw errors.badRequest(`resourceVersion: Invalid value: "${rvParam}": must be a non-negative integer`);
    res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked', 'Cache-Control': 'no-cache, private' });
    res.flushHeaders();
    const w = new OpenWatch(res, t, (x) => this.open.delete(x));
    this.open.add(w);
    res.on('close', () => w.close());
    res.on('error', () => w.close());
    req.on('close', () => w.close());
    let last = this.store.resourceVersion;
    const send = (type: WatchEventType, s: StoredObject): void => {
      last = Math.max(last, s.rv);
      w.write(encode(type, s));
    };
    try {
      const sub = this.store.watch(resourceKey(t), fromRv, { namespace: opts.namespace, labels: opts.labels, fields: opts.fields }, send);
      w.subscribed(() => sub.unsubscribe());
    } catch (e) {
      if (!(e instanceof ResourceVersionTooOldError)) throw e;
      w.write(JSON.stringify({ type: 'ERROR', object: errors.gone(e.message).toStatus() }) + '\n');
      return w.close();
    }
    if (isTrue(query.get('allowWatchBookmarks'))) {
      const apiVersion = apiVersionOf(t);
      const bookmark = (annotations?: Record<string, string>): void => {
        const metadata = { resourceVersion: String(Math.max(last, this.store.resourceVersion)), ...(annotations ? { annotations } : {}) };
        w.write(JSON.stringify({ type: 'BOOKMARK', object: { kind: t.kind, apiVersion, metadata } }) + '\n');
      };
      if (isTrue(initialEvents)) bookmark({ 'k8s.io/initial-events-end': 'true' });
      w.every(this.settings.bookmarkIntervalMs, () => bookmark());
    }
    const requested = Number(query.get('timeoutSeconds') ?? '');
    const timeout = Number.isFinite(requested) && requested > 0 ? Math.min(requested, this.settings.maxTimeoutSeconds) : this.settings.maxTimeoutSeconds;
    w.after(timeout * 1000, () => w.close());
  }

  /** Checks once the registry settles: re-serving an updated CRD removes and adds its kinds in one go. */
  private closeUnservedSoon(): void {
    if (this.checkPending) return;
    this.checkPending = true;
    queueMicrotask(() => {
      this.checkPending = false;
      for (const w of [...this.open]) if (!this.registry?.lookup(w.type.group, w.type.version, w.type.plural)) w.close();
    });
  }

  /** Ends every open watch, as a restarting API server does. */
  closeAll(): void {
    for (const w of [...this.open]) w.close();
  }
}

/** Encodes one event: the stored JSON as is where possible, or a Table row for `kubectl get -w`. */
function encoder(t: ResourceType, asTable: boolean, table: TableOptions): (type: string, s: StoredObject) => string {
  const apiVersion = apiVersionOf(t);
  return (type, s) => {
    if (!asTable) return `{"type":"${type}","object":${s.json.startsWith(`{"apiVersion":${JSON.stringify(apiVersion)},`) ? s.json : JSON.stringify({ ...(JSON.parse(s.json) as KubeObject), apiVersion })}}\n`;
    const obj = { ...(JSON.parse(s.json) as KubeObject), apiVersion };
    return JSON.stringify({ type, object: { ...toTable(t, [obj], { ...table, now: new Date() }), metadata: { resourceVersion: String(s.rv) } } }) + '\n';
  };
}
