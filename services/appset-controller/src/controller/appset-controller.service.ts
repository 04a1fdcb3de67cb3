// Keeps every ApplicationSet reconciled: watches ApplicationSets, the Applications they own, cluster
// Secrets and AppProjects on the hub, and queues one coalesced reconcile per affected ApplicationSet.
// Replicas share the ApplicationSets: each is hashed to a partition, partitions are leased to the
// live replicas through Redis (WorkPartitions), and a replica queues and reconciles only the
// ApplicationSets of the partitions it holds, on a queue of its own. A partition moves only once its
// running reconciles have finished, so no ApplicationSet is ever reconciled by two replicas at once.
import { Application, ApplicationSet, ARGO_API_VERSION, KubeObject, SECRET_TYPE_CLUSTER, SECRET_TYPE_LABEL } from '@flotilla/api-types';
import { defineQueue, enqueueCoalesced, Informer, KubeClient, QueueFactory, TypedQueue, WorkPartitions } from '@flotilla/platform';
import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { AppSetMetrics } from '../reconcile/appset.metrics';
import type { AppSetReconciler } from '../reconcile/appset.reconciler';
import { rolloutMoved } from '../reconcile/rolling-sync.events';
import { rollingSyncEnabled } from '../reconcile/rolling-sync.plan';
import { appSetChanged, applicationChanged, controllingAppSet, FailureBackoff, requeueAfterMs, usesClusters } from './requeue.rules';

export interface AppSetReconcileJob {
  name: string;
}
const queueSafe = (replica: string): string => replica.replace(/[^A-Za-z0-9_-]/g, '_');
/** Each replica's own reconcile queue: jobs only for the ApplicationSets of its partitions. */
export const appSetReconcileQueue = (replica: string) => defineQueue<AppSetReconcileJob>(`appset-reconcile-${queueSafe(replica)}`);

/** A failed reconcile is retried after this, doubling on each failure of the same generation up to the max. */
const DEFAULT_RETRY = { baseMs: 10_000, maxMs: 300_000 };
const CONCURRENCY = 4;

export interface AppSetControllerOptions {
  namespace: string;
  resyncMs: number;
  /** How long a silent replica keeps its partitions: the longest its ApplicationSets wait after it dies. */
  leaseMs: number;
  /** Redis key prefix the replicas share their partitions under. */
  partitionsPrefix: string;
  /** How many partitions the ApplicationSets are hashed into; 1 runs them all on one replica (Argo's leader election). */
  partitions: number;
  /** This replica's name among the others (random by default). */
  identity?: string;
  /** Backoff after failed reconciles (default 10 s doubling up to 5 min). */
  retry?: { baseMs: number; maxMs: number };
}

export class AppSetController implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly appSets: Informer<ApplicationSet>;
  private readonly informers: Informer<KubeObject>[];
  private readonly queueDef: ReturnType<typeof appSetReconcileQueue>;
  private readonly queue: TypedQueue<AppSetReconcileJob>;
  private readonly partitions: WorkPartitions;
  private resync: NodeJS.Timeout | undefined;
  /** One pending retry per failing ApplicationSet. */
  private readonly retries = new Map<string, NodeJS.Timeout>();
  private readonly backoff: FailureBackoff;
  /** One pending `requeueAfterSeconds` reconcile per ApplicationSet. */
  private readonly requeues = new Map<string, NodeJS.Timeout>();
  private starting: Promise<void> | undefined;
  private stopped = false;

  constructor(
    kube: KubeClient,
    private readonly queues: QueueFactory,
    redis: Redis,
    private readonly reconciler: AppSetReconciler,
    private readonly metrics: AppSetMetrics,
    private readonly logger: Logger,
    private readonly opts: AppSetControllerOptions,
  ) {
    const ns = opts.namespace;
    const retry = opts.retry ?? DEFAULT_RETRY;
    this.backoff = new FailureBackoff(retry.baseMs, retry.maxMs);
    this.appSets = new Informer<ApplicationSet>(kube, { apiVersion: ARGO_API_VERSION, kind: 'ApplicationSet', namespace: ns });
    const apps = new Informer<Application>(kube, { apiVersion: ARGO_API_VERSION, kind: 'Application', namespace: ns });
    const secrets = new Informer<KubeObject>(kube, {
      apiVersion: 'v1',
      kind: 'Secret',
      namespace: ns,
      labelSelector: `${SECRET_TYPE_LABEL}=${SECRET_TYPE_CLUSTER}`,
    });
    const projects = new Informer<KubeObject>(kube, { apiVersion: ARGO_API_VERSION, kind: 'AppProject', namespace: ns });
    this.informers = [this.appSets, apps, secrets, projects] as Informer<KubeObject>[];
    this.partitions = new WorkPartitions(redis, logger, {
      prefix: opts.partitionsPrefix,
      identity: opts.identity,
      partitions: opts.partitions,
      ttlMs: opts.leaseMs,
    });
    this.queueDef = appSetReconcileQueue(this.partitions.identity);
    this.queue = queues.queue(this.queueDef);
    this.partitions.on('acquired', (partition) => this.enqueueWhere((s) => this.partitions.partitionOf(this.keyOf(s.metadata.name)) === partition));
    this.partitions.on('departed', (replicas) => void this.dropQueuesOf(replicas));

    this.appSets.on('add', (s) => this.enqueue(s.metadata.name));
    this.appSets.on('update', (before, after) => appSetChanged(before, after) && this.enqueue(after.metadata.name));
    this.appSets.on('delete', (s) => this.enqueue(s.metadata.name));
    apps.on('update', (before, after) => (applicationChanged(before, after) || this.rolloutMoved(before, after)) && this.enqueueOwner(after));
    apps.on('delete', (app) => this.enqueueOwner(app));
    // A new, changed or removed cluster Secret can change what any clusters generator yields.
    const clustersChanged = (): void => this.enqueueWhere(usesClusters);
    secrets.on('add', clustersChanged);
    secrets.on('update', clustersChanged);
    secrets.on('delete', clustersChanged);
    // Validation needs the project to exist; when it appears, retry at once rather than at the next resync.
    projects.on('add', () => this.enqueueWhere(() => true));
  }

  /** Nest hook: watches start in the background so an unreachable hub delays readiness, not start-up. */
  onApplicationBootstrap(): void {
    this.starting = this.start().catch((err: Error) => this.logger.error({ err }, `starting the hub watches failed: ${err.message}`));
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
    await this.starting;
  }

  async start(): Promise<void> {
    await Promise.all(this.informers.map((i) => i.start()));
    if (this.stopped) return;
    this.queues.worker(this.queueDef, (job) => this.process(job.name), { concurrency: CONCURRENCY });
    this.resync = setInterval(() => this.enqueueWhere(() => true), this.opts.resyncMs);
    this.partitions.start();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.resync);
    // Waits for the reconciles running here, then gives the partitions up so the others take over at once.
    await this.partitions.stop();
    for (const t of this.retries.values()) clearTimeout(t);
    for (const t of this.requeues.values()) clearTimeout(t);
    await Promise.all(this.informers.map((i) => i.stop()));
  }

  /** For /readyz: fails until every hub watch holds a full list. */
  checkSynced(): Promise<void> {
    const pending = this.informers.filter((i) => !i.synced).map((i) => i.options.kind);
    return pending.length ? Promise.reject(new Error(`waiting for the first list of ${pending.join(', ')}`)) : Promise.resolve();
  }

  /** This replica's name among the replicas sharing the ApplicationSets. */
  get identity(): string {
    return this.partitions.identity;
  }

  /** Whether this replica reconciles the ApplicationSet now. */
  owns(name: string): boolean {
    return this.partitions.owns(this.keyOf(name));
  }

  private keyOf(name: string): string {
    return `${this.opts.namespace}/${name}`;
  }

  /** Queued before its partition moved to another replica: that replica reconciles it, not this one. */
  private async process(name: string): Promise<void> {
    await this.partitions.run(this.keyOf(name), () => this.reconcile(name));
  }

  private async reconcile(name: string): Promise<void> {
    const generation = this.appSets.get(name, this.opts.namespace)?.metadata.generation;
    // A failing generation runs again when its backoff says, not on every event or resync meanwhile.
    if (this.backoff.waiting(name, generation)) return;
    const started = process.hrtime.bigint();
    let result: Awaited<ReturnType<AppSetReconciler['reconcile']>> = 'error';
    try {
      result = await this.reconciler.reconcile(name);
    } catch (err) {
      this.logger.error({ applicationset: name, err }, `reconcile failed: ${(err as Error).message}`);
    } finally {
      this.metrics.observe(result, Number(process.hrtime.bigint() - started) / 1e9);
    }
    if (result === 'error') return this.retryLater(name, generation);
    this.backoff.forget(name);
    clearTimeout(this.retries.get(name));
    this.retries.delete(name);
    if (result === 'success') this.requeueAfter(name);
  }

  /** A generator's requeueAfterSeconds (or Argo's default for it) shorter than the resync brings the next reconcile forward. */
  private requeueAfter(name: string): void {
    const appSet = this.appSets.get(name, this.opts.namespace);
    const ms = appSet && requeueAfterMs(appSet);
    if (ms === undefined || ms >= this.opts.resyncMs || this.stopped) return;
    clearTimeout(this.requeues.get(name));
    const timer = setTimeout(() => {
      this.requeues.delete(name);
      this.enqueue(name);
    }, ms);
    this.requeues.set(name, timer);
  }

  private retryLater(name: string, generation: number | undefined): void {
    const delay = this.backoff.failed(name, generation);
    clearTimeout(this.retries.get(name));
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.retries.delete(name);
      this.backoff.due(name);
      this.enqueue(name);
    }, delay);
    this.retries.set(name, timer);
    this.logger.info({ applicationset: name, retryInMs: delay }, 'reconcile failed; retrying with backoff');
  }

  /** Sync operations matter only to an owner rolling out with RollingSync (generators may call rate-limited APIs). */
  private rolloutMoved(before: Application, after: Application): boolean {
    const owner = controllingAppSet(after);
    const appSet = owner ? this.appSets.get(owner, this.opts.namespace) : undefined;
    return appSet !== undefined && rollingSyncEnabled(appSet) && rolloutMoved(before, after);
  }

  private enqueueOwner(app: Application): void {
    const owner = controllingAppSet(app);
    if (owner) this.enqueue(owner);
  }

  private enqueueWhere(match: (s: ApplicationSet) => boolean): void {
    for (const s of this.appSets.list()) if (match(s)) this.enqueue(s.metadata.name);
  }

  private enqueue(name: string): void {
    if (this.stopped || !this.owns(name)) return;
    enqueueCoalesced(this.queue, name, { name }).catch((err: Error) =>
      this.logger.error({ applicationset: name, err }, `queueing reconcile failed: ${err.message}`),
    );
  }

  /** The queues of replicas that left without stopping cleanly: their ApplicationSets are queued again by their new owners. */
  private async dropQueuesOf(replicas: string[]): Promise<void> {
    for (const replica of replicas) {
      const queue = this.queues.queue(appSetReconcileQueue(replica));
      await queue.raw
        .obliterate({ force: true })
        .then(() => this.logger.info(`removed the queue ${queue.name} of departed appset-controller replica ${replica}`))
        .catch((err: Error) => this.logger.warn({ err }, `removing the queue ${queue.name} of ${replica} failed: ${err.message}`));
    }
  }
}
