import { IncomingMessage, ServerResponse } from 'node:http';
import { errors } from '../api/status-error';
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

/** Streams watch events as newline-delimited JSON, the way client-go and kubectl read them. */
export class WatchStreamer {
  private readonly open = new Set<ServerResponse>();

  constructor(
    private readonly store: ObjectStore,
    private readonly settings: WatchSettings,
  ) {}

  stream(req: IncomingMessage, res: ServerResponse, t: ResourceType, ns: string, opts: ListOptions, query: URLSearchParams, table: TableOptions): void {
    const asTable = acceptAs(req.headers.accept) === 'Table';
    const apiVersion = apiVersionOf(t);
    const encode = (type: string, s: StoredObject): string => {
      if (!asTable) return `{"type":"${type}","object":${s.json.startsWith(`{"apiVersion":${JSON.stringify(apiVersion)},`) ? s.json : JSON.stringify({ ...(JSON.parse(s.json) as KubeObject), apiVersion })}}\n`;
      const obj = { ...(JSON.parse(s.json) as KubeObject), apiVersion };
      return JSON.stringify({ type, object: { ...toTable(t, [obj], { ...table, now: new Date() }), metadata: { resourceVersion: String(s.rv) } } }) + '\n';
    };
    const rvParam = query.get('resourceVersion') ?? '';
    const initialEvents = query.get('sendInitialEvents');
    const fromStart = rvParam === '' || rvParam === '0' || isTrue(initialEvents);
    const fromRv = fromStart ? undefined : Number(rvParam);
    if (fromRv !== undefined && !Number.isFinite(fromRv)) throw errors.badRequest(`resourceVersion: Invalid value: "${rvParam}": must be a non-negative integer`);
    res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked', 'Cache-Control': 'no-cache, private' });
    res.flushHeaders();
    this.open.add(res);
    let last = this.store.resourceVersion;
    const send = (type: WatchEventType, s: StoredObject): void => {
      last = Math.max(last, s.rv);
      res.write(encode(type, s));
    };
    let sub;
    try {
      sub = this.store.watch(resourceKey(t), fromRv, { namespace: opts.namespace, labels: opts.labels, fields: opts.fields }, send);
    } catch (e) {
      if (!(e instanceof ResourceVersionTooOldError)) throw e;
      const status = errors.gone(e.message).toStatus();
      res.end(JSON.stringify({ type: 'ERROR', object: status }) + '\n');
      this.open.delete(res);
      return;
    }
    const bookmarks = isTrue(query.get('allowWatchBookmarks'));
    const bookmark = (annotations?: Record<string, string>): void => {
      const metadata = { resourceVersion: String(Math.max(last, this.store.resourceVersion)), ...(annotations ? { annotations } : {}) };
      res.write(JSON.stringify({ type: 'BOOKMARK', object: { kind: t.kind, apiVersion, metadata } }) + '\n');
    };
    if (isTrue(initialEvents) && bookmarks) bookmark({ 'k8s.io/initial-events-end': 'true' });
    const timers: NodeJS.Timeout[] = [];
    if (bookmarks) timers.push(setInterval(() => bookmark(), this.settings.bookmarkIntervalMs));
    const requested = Number(query.get('timeoutSeconds') ?? '');
    const timeout = Number.isFinite(requested) && requested > 0 ? Math.min(requested, this.settings.maxTimeoutSeconds) : this.settings.maxTimeoutSeconds;
    timers.push(setTimeout(() => res.end(), timeout * 1000));
    const close = (): void => {
      sub.unsubscribe();
      timers.forEach((x) => clearTimeout(x));
      this.open.delete(res);
    };
    res.on('close', close);
    req.on('close', close);
  }

  /** Ends every open watch, as a restarting API server does. */
  closeAll(): void {
    for (const res of this.open) res.end();
    this.open.clear();
  }
}
