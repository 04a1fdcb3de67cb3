import { AppProject, Application, ARGO_API_VERSION, KubeObject, NOTIFICATIONS_CM, NOTIFICATIONS_SECRET } from '@flotilla/api-types';
import { defineQueue, Informer, KubeClient, QueueFactory, WorkPartitions } from '@flotilla/platform';
import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { NotificationsConfigStore } from '../config/notifications-config.store';
import { DeliveryClaims } from '../delivery/delivery-claims.store';
import { RedisSenderStore, type NotificationSenderRegistry } from '@flotilla/notifications';
import { DeliveriesCounter, deliveryBackoff, NotificationDeliveryProcessor, NotificationJob } from '../delivery/notification-delivery.processor';
import { ApplicationEventsClient } from '../hub/application-events.client';
import { ApplicationHubClient } from '../hub/application-hub.client';
import { NotificationReconciler } from './notification.reconciler';

export const NOTIFICATIONS_QUEUE = defineQueue<NotificationJob>('notifications');
/** Delivery attempts before giving up (backing off exponentially from 1 s, or as long as a 429's Retry-After asks). */
export const DELIVERY_ATTEMPTS = 5;

export interface NotificationControllerOptions {
  readonly namespace: string;
  /** Redis key prefix the replicas share their partitions and delivery claims under. */
  readonly keyPrefix: string;
  /** How many partitions the Applications are hashed into; 1 evaluates them all on one replica (Argo's leader election). */
  readonly partitions: number;
  /** How long a silent replica keeps its partitions: the longest its Applications go unwatched after it dies. */
  readonly leaseMs: number;
  /** How long a delivery in progress keeps others from sending the same notification (longer than any send takes). */
  readonly deliveryClaimMs: number;
  /** This replica's name among the others (random by default). */
  readonly identity?: string;
  /** Time-based triggers (`time.Now()…`) need evaluating without an event; this is how often. */
  readonly resyncMs?: number;
  readonly deliveryConcurrency?: number;
}

/**
 * Runs the notifier: every replica watches the notifications ConfigMap/Secret and delivers queued
 * notifications. The Applications are shared: each is hashed to a partition, partitions are leased
 * to the live replicas through Redis, and a replica evaluates (on each change, on config edits and
 * periodically) and queues what is due only for the Applications of its partitions. A partition
 * moves only once its running evaluations have ended, and every delivery is claimed in Redis by its
 * event before it is sent, so a notification goes out once however the work moves.
 */
export class NotificationController implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly apps: Informer<Application>;
  private readonly projects: Informer<AppProject>;
  private readonly configMaps: Informer<KubeObject>;
  private readonly secrets: Informer<KubeObject>;
  private readonly partitions: WorkPartitions;
  private readonly claims: DeliveryClaims;
  private readonly reconciler: NotificationReconciler;
  private readonly events: ApplicationEventsClient;
  private resync: NodeJS.Timeout | undefined;
  private synced = false;

  constructor(
    kube: KubeClient,
    private readonly queues: QueueFactory,
    private readonly redisClient: Redis,
    private readonly store: NotificationsConfigStore,
    private readonly registry: NotificationSenderRegistry,
    private readonly deliveries: DeliveriesCounter,
    private readonly logger: Logger,
    private readonly opts: NotificationControllerOptions,
  ) {
    const namespace = opts.namespace;
    this.events = new ApplicationEventsClient(kube, logger);
    this.apps = new Informer<Application>(kube, { apiVersion: ARGO_API_VERSION, kind: 'Application', namespace });
    this.projects = new Informer<AppProject>(kube, { apiVersion: ARGO_API_VERSION, kind: 'AppProject', namespace });
    this.configMaps = new Informer<KubeObject>(kube, { apiVersion: 'v1', kind: 'ConfigMap', namespace, fieldSelector: `metadata.name=${NOTIFICATIONS_CM}` });
    this.secrets = new Informer<KubeObject>(kube, { apiVersion: 'v1', kind: 'Secret', namespace, fieldSelector: `metadata.name=${NOTIFICATIONS_SECRET}` });
    this.partitions = new WorkPartitions(redisClient, logger, { prefix: `${opts.keyPrefix}:partitions`, identity: opts.identity, partitions: opts.partitions, ttlMs: opts.leaseMs });
    this.partitions.on('acquired', (partition) => {
      for (const app of this.apps.list()) if (this.partitions.partitionOf(keyOf(app)) === partition) this.evaluate(app);
    });
    this.claims = new DeliveryClaims(redisClient, `${opts.keyPrefix}:delivery`, this.partitions.identity, opts.deliveryClaimMs);
    const queue = queues.queue(NOTIFICATIONS_QUEUE);
    this.reconciler = new NotificationReconciler({
      store,
      registry,
      apps: new ApplicationHubClient(kube),
      project: (name) => this.projects.list().find((p) => p.metadata.name === name),
      enqueue: async (job, jobId) => void (await queue.add(job, { jobId, attempts: DELIVERY_ATTEMPTS, backoff: 'worker' })),
      owns: (app) => this.partitions.owns(keyOf(app)),
      logger,
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    this.watchConfig(this.configMaps, NOTIFICATIONS_CM, (obj) => this.store.setConfigMap(obj as { data?: Record<string, string> } | undefined));
    this.watchConfig(this.secrets, NOTIFICATIONS_SECRET, (obj) => this.store.setSecret(obj as { data?: Record<string, string> } | undefined));
    this.store.onChange(() => this.evaluateAll());
    this.apps.on('add', (app) => this.evaluate(app));
    this.apps.on('update', (_before, app) => this.evaluate(app));
    await Promise.all([this.configMaps, this.secrets, this.projects, this.apps].map((i) => (i as Informer<KubeObject>).start()));
    this.synced = true;
    const senderState = (service: string) => new RedisSenderStore(this.redisClient, `${this.opts.keyPrefix}:senders:${service}`);
    const processor = new NotificationDeliveryProcessor(this.store, this.registry, this.deliveries, this.logger, { claims: this.claims, stores: senderState, events: this.events });
    this.queues.worker(NOTIFICATIONS_QUEUE, (data, job) => processor.process(data, job), {
      concurrency: this.opts.deliveryConcurrency ?? 4,
      // A delivery cut off by its replica dying is retried elsewhere once its claim could have lapsed.
      lockDurationMs: this.opts.deliveryClaimMs,
      backoff: deliveryBackoff,
    });
    this.resync = setInterval(() => this.evaluateAll(), this.opts.resyncMs ?? 60_000);
    this.partitions.start();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.resync);
    // Waits for the evaluations running here, then gives the partitions up so the others take over at once.
    await this.partitions.stop();
    await Promise.all([this.apps, this.projects, this.configMaps, this.secrets].map((i) => (i as Informer<KubeObject>).stop()));
    await this.reconciler.idle();
  }

  /** Readiness: the watches have listed the hub once. */
  checkSynced(): Promise<void> {
    return this.synced ? Promise.resolve() : Promise.reject(new Error('watches on the hub have not synced yet'));
  }

  /** This replica's name among the replicas sharing the Applications. */
  get identity(): string {
    return this.partitions.identity;
  }

  /** Whether this replica evaluates the Application's notifications now. */
  owns(app: Application): boolean {
    return this.partitions.owns(keyOf(app));
  }

  private watchConfig(informer: Informer<KubeObject>, name: string, apply: (obj: KubeObject | undefined) => void): void {
    const matches = (obj: KubeObject) => obj.metadata?.name === name;
    informer.on('add', (obj) => matches(obj) && apply(obj));
    informer.on('update', (_before, obj) => matches(obj) && apply(obj));
    informer.on('delete', (obj) => matches(obj) && apply(undefined));
  }

  private evaluate(app: Application): void {
    void this.partitions.run(keyOf(app), () => this.reconciler.submit(app));
  }

  private evaluateAll(): void {
    for (const app of this.apps.list()) this.evaluate(app);
  }
}

const keyOf = (app: Application): string => `${app.metadata.namespace ?? ''}/${app.metadata.name}`;
