// Runs the app-controller: watches Applications, cluster and repository Secrets on the hub, feeds
// the app-refresh queue (one coalesced job per Application) from their changes, from live changes
// on the destination clusters and from the periodic resync, and reports each cluster to Redis.
// Replicas split the clusters (sharding/): each one queues, watches and reconciles only the
// Applications whose cluster it holds, on queues of its own. As Argo's status and operation
// processors, comparisons (app-refresh) and operations (app-operation) have separate queues, so an
// app is compared while a sync of it runs; each queue still holds one job per app at a time.
import { ARGO_API_VERSION, clusterInfoKey, REFRESH_ANNOTATION, type Application, type ApplicationSource } from '@flotilla/api-types';
import { defineQueue, enqueueCoalesced, Informer, type KubeClient, type QueueFactory, type ShardCoordinator, type TypedQueue } from '@flotilla/platform';
import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { ClusterRegistry } from '../clusters/cluster.registry';
import { matchDestination } from '../clusters/destination.matcher';
import type { AppProjectStore } from '../projects/app-project.store';
import type { RepositoryCredentialsStore } from '../repositories/repository-credentials.store';
import type { ResourceCustomizationsStore } from '../settings/resource-customizations.store';
import { childReport, parentOf } from '../reconcile/child-application.builder';
import { strongerLevel, type CompareLevel } from '../reconcile/compare-level';
import { readableDestination } from '../reconcile/application-spec.validation';
import { jsonEqual } from '../status/merge-patch';
import type { AppOperationProcessor, OperationJob } from './app-operation.processor';
import type { AppRefreshProcessor, RefreshJob } from './app-refresh.processor';

const queueSafe = (replica: string): string => replica.replace(/[^A-Za-z0-9_-]/g, '_');
/** Each replica's own refresh queue: jobs only for the clusters it holds. */
export const appRefreshQueue = (replica: string) => defineQueue<RefreshJob>(`app-refresh-${queueSafe(replica)}`);
/** Each replica's own operation queue, beside its refresh queue. */
export const appOperationQueue = (replica: string) => defineQueue<OperationJob>(`app-operation-${queueSafe(replica)}`);

const CLUSTER_INFO_INTERVAL_MS = 10_000;
const CLUSTER_INFO_TTL_SECONDS = 300;
const ERROR_RETRY_MS = 5_000;

export interface AppControllerOptions {
  namespace: string;
  resyncMs: number;
  concurrency: number;
  /** Operations run at once (Argo's --operation-processors); the comparison concurrency when absent. */
  operationConcurrency?: number;
  /** FLOTILLA_QUEUE_PREFIX: the installation's Redis key prefix (cluster info for the api-server). */
  keyPrefix?: string;
  /** AppProjects (their signatureKeys), listed before the first comparison. */
  projects?: Pick<AppProjectStore, 'start' | 'stop' | 'synced'>;
}

/** The app's sources as far as they can be read; a malformed spec has none worth matching. */
function sourcesOf(app: Application): Partial<ApplicationSource>[] {
  const spec = app.spec as Partial<Application['spec']> | undefined;
  const sources = Array.isArray(spec?.sources) ? spec.sources : [];
  return [spec?.source, ...sources].filter((s): s is ApplicationSource => typeof s === 'object' && s !== null);
}

/** Changes that need a new comparison; status-only writes (mostly our own) do not. */
function needsRefresh(before: Application, after: Application): boolean {
  return (
    !jsonEqual(before.spec, after.spec) ||
    !jsonEqual(before.operation, after.operation) ||
    after.metadata.annotations?.[REFRESH_ANNOTATION] !== undefined ||
    before.metadata.deletionTimestamp !== after.metadata.deletionTimestamp ||
    (after.status?.operationState?.phase === 'Terminating' && before.status?.operationState?.phase !== 'Terminating')
  );
}

export class AppController implements OnApplicationBootstrap, OnModuleDestroy {
  readonly apps: Informer<Application>;
  private readonly queueDef: ReturnType<typeof appRefreshQueue>;
  private readonly queue: TypedQueue<RefreshJob>;
  private readonly operationQueueDef: ReturnType<typeof appOperationQueue>;
  private readonly operationQueue: TypedQueue<OperationJob>;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private resync?: NodeJS.Timeout;
  private infoTimer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    hub: KubeClient,
    private readonly queues: QueueFactory,
    private readonly redis: Redis,
    private readonly clusters: ClusterRegistry,
    private readonly repositories: RepositoryCredentialsStore,
    private readonly settings: ResourceCustomizationsStore,
    private readonly processor: AppRefreshProcessor,
    private readonly operations: AppOperationProcessor,
    private readonly shards: ShardCoordinator,
    private readonly logger: Logger,
    private readonly opts: AppControllerOptions,
  ) {
    this.apps = new Informer<Application>(hub, { apiVersion: ARGO_API_VERSION, kind: 'Application', namespace: opts.namespace });
    this.queueDef = appRefreshQueue(shards.identity);
    this.queue = queues.queue(this.queueDef);
    this.operationQueueDef = appOperationQueue(shards.identity);
    this.operationQueue = queues.queue(this.operationQueueDef);
  }

  /** The clusters and how many Applications each has, for the split between replicas. */
  clusterWeights(): { key: string; weight: number }[] {
    const clusters = this.clusters.clusters();
    const counts = new Map(clusters.map((c) => [c.server, 0]));
    for (const app of this.apps.list()) {
      const server = this.clusters.serverOf(readableDestination(app), clusters);
      if (server !== undefined) counts.set(server, (counts.get(server) ?? 0) + 1);
    }
    return [...counts].map(([server, apps]) => ({ key: server, weight: apps + 1 }));
  }

  /** Whether this replica handles the app: it holds the app's cluster, or leads when no cluster matches. */
  owns(app: Application): boolean {
    const server = this.clusters.serverOf(readableDestination(app));
    return server === undefined ? this.shards.isLeader : this.shards.owns(server);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.apps.on('add', (app) => {
      this.enqueue(app, 'recent');
      this.enqueueParentOf(app);
    });
    this.apps.on('update', (before, after) => {
      if (needsRefresh(before, after)) this.enqueue(after, 'recent');
      if (!jsonEqual(childReport(before), childReport(after))) this.enqueueParentOf(after);
    });
    this.apps.on('delete', (app) => {
      this.enqueue(app, 'recent');
      this.enqueueParentOf(app);
    });
    // argocd-cm first too: the first comparisons already use its health checks and ignore rules.
    await Promise.all([this.clusters.start(), this.repositories.start(), this.settings.start(), this.opts.projects?.start()]);
    await this.apps.start();
    this.shards.on('acquired', (server) => {
      for (const app of this.apps.list()) if (this.clusters.serverOf(readableDestination(app)) === server) this.enqueue(app, 'latest');
    });
    this.shards.on('released', (server) => void this.clusters.release(server));
    this.shards.on('leading', () => {
      for (const app of this.apps.list()) if (this.clusters.serverOf(readableDestination(app)) === undefined) this.enqueue(app, 'latest');
    });
    this.shards.on('departed', (replicas) => void this.dropQueuesOf(replicas));
    this.shards.start();
    this.queues.worker(this.queueDef, (job) => this.handle(job), { concurrency: this.opts.concurrency });
    this.queues.worker(this.operationQueueDef, (job) => this.handleOperation(job), { concurrency: this.opts.operationConcurrency ?? this.opts.concurrency });
    this.resync = setInterval(() => this.enqueueAll('latest'), this.opts.resyncMs);
    this.infoTimer = setInterval(() => void this.writeClusterInfo(), CLUSTER_INFO_INTERVAL_MS);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    // Give the clusters up first, so the other replicas take them over at once.
    await this.shards.stop();
    clearInterval(this.resync);
    clearInterval(this.infoTimer);
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    await Promise.all([this.apps.stop(), this.repositories.stop(), this.settings.stop(), this.clusters.stop(), this.opts.projects?.stop()]);
  }

  /** Readiness: Applications, clusters, repositories and argocd-cm have been listed from the hub. */
  checkSynced(): Promise<void> {
    const pending = [['Applications', this.apps.synced], ['cluster Secrets', this.clusters.synced], ['repository Secrets', this.repositories.synced], ['argocd-cm', this.settings.synced], ['AppProjects', this.opts.projects?.synced ?? true]].filter(([, synced]) => !synced).map(([what]) => what);
    return pending.length ? Promise.reject(new Error(`watches on the hub have not synced yet: ${pending.join(', ')}`)) : Promise.resolve();
  }

  /** A live object tracked by `trackingName` changed on some cluster. */
  onLiveChange(trackingName: string): void {
    const sep = trackingName.indexOf('_');
    const [namespace, name] = sep > 0 ? [trackingName.slice(0, sep), trackingName.slice(sep + 1)] : [this.opts.namespace, trackingName];
    const app = this.apps.get(name, namespace);
    if (app) this.enqueue(app, 'recent');
  }

  /**
   * An object no app manages changed in a namespace: the apps deploying there whose project monitors
   * orphaned resources compare again, so their orphanedNodes and warning follow without waiting for
   * the resync (Argo refreshes them through its index of apps by destination namespace).
   */
  onUnmanagedChange(server: string, namespace: string, monitorsOrphans: (app: Application) => boolean): void {
    let clusters: ReturnType<ClusterRegistry['clusters']> | undefined;
    for (const app of this.apps.list()) {
      if (app.spec?.destination?.namespace !== namespace || !monitorsOrphans(app)) continue;
      clusters ??= this.clusters.clusters();
      if (this.clusters.serverOf(readableDestination(app), clusters) === server) this.enqueue(app, 'recent');
    }
  }

  /** Credentials for a repository (or a repo-creds prefix) changed: its Applications render again. */
  onRepositoryChange(urlOrPrefix: string): void {
    const prefix = urlOrPrefix.toLowerCase().replace(/\.git$/, '');
    const usesRepo = (app: Application): boolean => sourcesOf(app).some((s) => typeof s?.repoURL === 'string' && s.repoURL.toLowerCase().startsWith(prefix));
    for (const app of this.apps.list()) if (usesRepo(app)) this.enqueue(app, 'latest');
  }

  enqueueAll(level: CompareLevel): void {
    for (const app of this.apps.list()) this.enqueue(app, level);
  }

  private enqueue(app: Application, level: CompareLevel): void {
    if (this.stopped || !this.owns(app)) return;
    const job: RefreshJob = { namespace: app.metadata.namespace ?? this.opts.namespace, name: app.metadata.name, level };
    // A watch event's `recent` must not weaken a `latest` already asked for (an operation's end, a refresh).
    const stronger = (waiting: RefreshJob, next: RefreshJob): RefreshJob => ({ ...next, level: strongerLevel(waiting.level, next.level) });
    enqueueCoalesced(this.queue, `${job.namespace}/${job.name}`, job, stronger).catch((err: Error) => this.logger.warn({ err, app: job.name }, `queueing refresh of ${job.name} failed: ${err.message}`));
    // Started at once, not after the comparison (the operation processor reads the app afresh).
    if (app.operation) this.enqueueOperation({ namespace: job.namespace, name: job.name });
  }

  private enqueueOperation(job: OperationJob): void {
    if (this.stopped) return;
    enqueueCoalesced(this.operationQueue, `${job.namespace}/${job.name}`, job).catch((err: Error) => this.logger.warn({ err, app: job.name }, `queueing the operation of ${job.name} failed: ${err.message}`));
  }

  /** A child of a multi-destination app changed: its parent's status follows its children's. */
  private enqueueParentOf(app: Application): void {
    const parent = parentOf(app);
    const found = parent && this.apps.get(parent, app.metadata.namespace ?? this.opts.namespace);
    if (found) this.enqueue(found, 'recent');
  }

  private requeueLater(job: RefreshJob, delayMs: number): void {
    this.later(`refresh:${job.namespace}/${job.name}`, delayMs, () => {
      const app = this.apps.get(job.name, job.namespace);
      if (app) this.enqueue(app, job.level);
    });
  }

  private later(key: string, delayMs: number, run: () => void): void {
    clearTimeout(this.timers.get(key));
    const timer = setTimeout(() => {
      this.timers.delete(key);
      run();
    }, delayMs);
    timer.unref();
    this.timers.set(key, timer);
  }

  private async handle(job: RefreshJob): Promise<void> {
    // Queued before its cluster moved to another replica: that replica refreshes it now.
    const app = this.apps.get(job.name, job.namespace);
    if (app && !this.owns(app)) return;
    try {
      const outcome = await this.processor.process(job);
      if (outcome.operationPending) this.enqueueOperation({ namespace: job.namespace, name: job.name });
      if (outcome.requeueAfterMs !== undefined) this.requeueLater(job, outcome.requeueAfterMs);
    } catch (err) {
      // The queue keeps no failed refreshes: log, and look again shortly.
      this.logger.error({ err, app: job.name }, `refresh of ${job.namespace}/${job.name} failed: ${(err as Error).message}`);
      this.requeueLater(job, ERROR_RETRY_MS);
    }
  }

  private async handleOperation(job: OperationJob): Promise<void> {
    const app = this.apps.get(job.name, job.namespace);
    if (app && !this.owns(app)) return;
    const again = (delayMs: number): void => this.later(`operation:${job.namespace}/${job.name}`, delayMs, () => this.enqueueOperation(job));
    try {
      const outcome = await this.operations.process(job);
      if (outcome.requeueAfterMs !== undefined) again(outcome.requeueAfterMs);
      // What the operation changed is compared against the latest revision at once (and auto-sync may go on).
      const current = outcome.finished ? this.apps.get(job.name, job.namespace) : undefined;
      if (current) this.enqueue(current, 'latest');
    } catch (err) {
      this.logger.error({ err, app: job.name }, `operation of ${job.namespace}/${job.name} failed: ${(err as Error).message}`);
      again(ERROR_RETRY_MS);
    }
  }

  /** Jobs left on the queues of replicas that died: their clusters' new owners refresh those apps anyway. */
  private async dropQueuesOf(replicas: string[]): Promise<void> {
    for (const replica of replicas) {
      for (const queue of [this.queues.queue(appRefreshQueue(replica)), this.queues.queue(appOperationQueue(replica))]) {
        await queue.raw
          .obliterate({ force: true })
          .then(() => this.logger.info(`removed the queue ${queue.name} of departed controller replica ${replica}`))
          .catch((err: Error) => this.logger.warn({ err }, `removing the queue ${queue.name} of ${replica} failed: ${err.message}`));
      }
    }
  }

  /** Argo's ClusterInfo for each cluster in use, for the api-server's cluster list. */
  private async writeClusterInfo(): Promise<void> {
    const clusters = this.clusters.clusters();
    const apps = this.apps.list();
    for (const cache of this.clusters.activeCaches()) {
      const count = apps.filter((a) => matchDestination(readableDestination(a), clusters).cluster?.server === cache.server).length;
      await this.redis
        .set(clusterInfoKey(cache.server, this.opts.keyPrefix), JSON.stringify(cache.info(count)), 'EX', CLUSTER_INFO_TTL_SECONDS)
        .catch((err: Error) => this.logger.warn({ err }, `recording cluster info of ${cache.server} failed: ${err.message}`));
    }
  }
}
