// A watch cache of one destination cluster (Argo's gitops-engine clustercache): informers per kind,
// started when an Application first needs the kind, shared by every Application on the cluster.
import { groupOf, type ClusterCacheInfo, type ConnectionStatus, type KubeObject } from '@flotilla/api-types';
import { defaultIsNamespaced, resourceKeyOf, type IsNamespaced } from '@flotilla/engine';
import { Informer, KubeApiError, type ApiResource, type KubeClient } from '@flotilla/platform';
import type { Logger } from 'pino';
import { ObjectIndex } from './object.index';
import { groupKindOf, kindsToWatch, type KindRef } from './watched-kinds';

/** The cluster cannot be reached or listed: the Application gets a condition naming the cluster. */
export class ClusterUnreachableError extends Error {}

const SYNC_TIMEOUT_MS = 15_000;
const CRD_GROUP_KIND = 'apiextensions.k8s.io/CustomResourceDefinition';
const DISCOVERY_REFRESH_MS = 5_000;

export interface ClusterCacheOptions {
  server: string;
  name: string;
  kube: KubeClient;
  logger: Logger;
  /** A live object tracked by (or owned by something tracked by) this app name changed. */
  onAppChanged: (trackingName: string) => void;
  /** An object no app manages changed in a namespace of this cluster: apps monitoring orphaned resources there look again. */
  onUnmanagedChanged?: (server: string, namespace: string) => void;
  syncTimeoutMs?: number;
}

export class ClusterCache {
  readonly server: string;
  readonly name: string;
  readonly kube: KubeClient;
  private readonly informers = new Map<string, Informer>();
  private readonly synced = new Map<string, Promise<void>>();
  /** Kinds unwatched because the cluster stopped serving them, to watch again when their CRD returns. */
  private readonly unserved = new Map<string, KindRef>();
  private readonly index: ObjectIndex;
  private resources?: ApiResource[];
  private discoveredAt = 0;
  private version?: string;
  private state: ClusterCacheInfo['connectionState'] = { status: 'Unknown', attemptedAt: new Date().toISOString() };
  private lastSyncAt?: string;
  private stopped = false;

  constructor(private readonly opts: ClusterCacheOptions) {
    this.server = opts.server;
    this.name = opts.name;
    this.kube = opts.kube;
    this.index = new ObjectIndex(
      (obj) => resourceKeyOf(obj, { isNamespaced: this.isNamespaced }),
      opts.onAppChanged,
      opts.onUnmanagedChanged && ((namespace) => opts.onUnmanagedChanged?.(opts.server, namespace)),
    );
  }

  /** Discovery-backed scope of a kind; kinds discovery does not know fall back to the well-known list. */
  readonly isNamespaced: IsNamespaced = (group, kind) => {
    const found = this.resources?.find((r) => r.group === group && r.kind === kind);
    return found ? found.namespaced : defaultIsNamespaced(group, kind);
  };

  get connectionStatus(): ConnectionStatus {
    return this.state.status;
  }

  /** Connects if needed and watches these kinds (and their children); returns the kinds the cluster does not serve. */
  async ensure(kinds: Iterable<KindRef>): Promise<KindRef[]> {
    await this.connect();
    const unknown: KindRef[] = [];
    const waits: Promise<void>[] = [];
    const refs = kindsToWatch(kinds);
    for (const ref of refs) {
      const gk = groupKindOf(ref);
      const started = this.synced.get(gk);
      if (started) {
        waits.push(started);
        continue;
      }
      const resource = await this.served(ref);
      if (!resource) unknown.push(ref);
      else waits.push(this.watch(gk, resource));
    }
    await this.waitSynced(waits);
    if (this.state.status === 'Failed') throw new ClusterUnreachableError(`cluster ${this.describe()}: ${this.state.message ?? 'unreachable'}`);
    // A kind whose first list found it gone (discovery was stale) is as unknown as one discovery lacks.
    for (const ref of refs) if (!this.synced.has(groupKindOf(ref)) && !unknown.includes(ref)) unknown.push(ref);
    return unknown;
  }

  /** Live objects carrying this app's tracking id. */
  tracked(trackingName: string): KubeObject[] {
    return this.index.trackedBy(trackingName);
  }

  get(key: string): KubeObject | undefined {
    return this.index.get(key);
  }

  childrenOf(uid: string): KubeObject[] {
    return this.index.childrenOf(uid);
  }

  /** Top-level objects of a namespace, of the kinds this cache watches (it adds no watch for them). */
  topLevelIn(namespace: string): KubeObject[] {
    return this.index.topLevelIn(namespace);
  }

  info(applicationsCount: number): ClusterCacheInfo {
    return {
      ...(this.version ? { serverVersion: this.version } : {}),
      connectionState: this.state,
      cacheInfo: { resourcesCount: this.index.size, apisCount: this.informers.size, ...(this.lastSyncAt ? { lastCacheSyncTime: this.lastSyncAt } : {}) },
      applicationsCount,
    };
  }

  async stop(opts: { closeClient?: boolean } = {}): Promise<void> {
    this.stopped = true;
    await Promise.all([...this.informers.values()].map((i) => i.stop()));
    this.informers.clear();
    this.synced.clear();
    if (opts.closeClient ?? true) this.kube.close();
  }

  describe(): string {
    return this.name && this.name !== this.server ? `${this.server} (${this.name})` : this.server;
  }

  private async connect(): Promise<void> {
    if (this.state.status === 'Successful' && this.resources) return;
    try {
      const version = await this.kube.serverVersion();
      this.resources = await this.kube.resources();
      this.discoveredAt = Date.now();
      this.version = `${version.major.replace(/\D/g, '')}.${version.minor.replace(/\D/g, '')}`;
      this.setState('Successful');
    } catch (err) {
      this.setState('Failed', (err as Error).message);
      throw new ClusterUnreachableError(`cluster ${this.describe()} is unreachable: ${(err as Error).message}`);
    }
  }

  /** The served resource for a kind, refreshing discovery (throttled) for kinds added since, such as new CRDs. */
  private async served(ref: KindRef): Promise<ApiResource | undefined> {
    const find = (): ApiResource | undefined => {
      const candidates = (this.resources ?? []).filter((r) => r.group === groupOf(ref.apiVersion) && r.kind === ref.kind && r.verbs.includes('watch'));
      return candidates.find((r) => r.apiVersion === ref.apiVersion) ?? candidates[0];
    };
    const found = find();
    if (found || Date.now() - this.discoveredAt < DISCOVERY_REFRESH_MS) return found;
    this.kube.invalidateDiscovery();
    this.resources = await this.kube.resources();
    this.discoveredAt = Date.now();
    return find();
  }

  private watch(gk: string, resource: ApiResource): Promise<void> {
    const informer = new Informer(this.kube, { apiVersion: resource.apiVersion, kind: resource.kind });
    informer.on('add', (obj) => this.index.upsert(obj));
    informer.on('update', (_before, obj) => this.index.upsert(obj));
    informer.on('delete', (obj) => this.index.remove(obj));
    informer.on('synced', () => {
      this.lastSyncAt = new Date().toISOString();
      if (this.state.status !== 'Successful') this.setState('Successful');
    });
    informer.on('unserved', (err) => this.unwatch(gk, informer, err));
    if (gk === CRD_GROUP_KIND) {
      informer.on('add', (crd) => this.crdChanged(crd));
      informer.on('update', (_before, crd) => this.crdChanged(crd));
      informer.on('delete', () => (this.discoveredAt = 0));
    }
    informer.on('error', (err) => {
      if (err instanceof KubeApiError && (err.unreachable || err.code === 401 || err.code === 403)) this.setState('Failed', err.message);
      this.opts.logger.warn({ err, cluster: this.server, kind: gk }, `watch of ${gk} on ${this.describe()} failed: ${err.message}`);
    });
    this.informers.set(gk, informer);
    this.unserved.delete(gk);
    const started = informer.start();
    this.synced.set(gk, started);
    return started;
  }

  /**
   * The cluster stopped serving a watched kind (its CRD was deleted): its informer has stopped and
   * its objects left the index. Discovery is refreshed on the next ensure, which watches the kind
   * again once it is served again (its CRD created again).
   */
  private unwatch(gk: string, informer: Informer, err: Error): void {
    if (this.informers.get(gk) !== informer) return;
    this.informers.delete(gk);
    this.synced.delete(gk);
    const { apiVersion, kind } = informer.options;
    this.resources = this.resources?.filter((r) => !(r.apiVersion === apiVersion && r.kind === kind));
    this.discoveredAt = 0;
    this.kube.invalidateDiscovery();
    this.unserved.set(gk, { apiVersion, kind });
    this.opts.logger.info({ cluster: this.server, kind: gk }, `stopped watching ${gk} on ${this.describe()}: the cluster no longer serves it (${err.message})`);
  }

  /**
   * A CRD was created or changed (this cache watches CRDs when an app manages them): discovery is
   * stale, and a kind unwatched when its CRD went away is watched again once the CRD is Established,
   * as Argo's cluster cache restarts watches on CRD events.
   */
  private crdChanged(crd: KubeObject): void {
    this.discoveredAt = 0;
    const spec = crd.spec as { group?: string; names?: { kind?: string } } | undefined;
    const ref = this.unserved.get(`${spec?.group ?? ''}/${spec?.names?.kind ?? ''}`);
    if (!ref || !isEstablished(crd)) return;
    void this.watchAgain(ref);
  }

  /** Discovery may list an Established CRD's kind a moment later: a few tries, a second apart. */
  private async watchAgain(ref: KindRef): Promise<void> {
    for (let attempt = 0; attempt < 3 && !this.stopped && this.unserved.has(groupKindOf(ref)); attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, 1_000));
      this.discoveredAt = 0;
      const unknown = await this.ensure([ref]).catch((err: Error) => {
        this.opts.logger.warn({ err, cluster: this.server }, `watching ${groupKindOf(ref)} again on ${this.describe()} failed: ${err.message}`);
        return [];
      });
      if (!unknown.length) return;
    }
  }

  private async waitSynced(waits: Promise<void>[]): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeoutMs = this.opts.syncTimeoutMs ?? SYNC_TIMEOUT_MS;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new ClusterUnreachableError(`cluster ${this.describe()}: watches did not sync within ${timeoutMs / 1000} s${this.state.message ? `: ${this.state.message}` : ''}`)), timeoutMs);
    });
    try {
      await Promise.race([Promise.all(waits), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private setState(status: ConnectionStatus, message?: string): void {
    this.state = { status, ...(message ? { message } : {}), attemptedAt: new Date().toISOString() };
  }
}

const isEstablished = (crd: KubeObject): boolean =>
  ((crd.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? []).some((c) => c.type === 'Established' && c.status === 'True');
