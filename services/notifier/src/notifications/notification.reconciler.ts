import { createHash } from 'node:crypto';
import type { Application } from '@flotilla/api-types';
import type { Logger } from 'pino';
import type { NotificationsConfigStore } from '../config/notifications-config.store';
import type { NotificationJob } from '../delivery/notification-delivery.processor';
import { type NotificationSenderRegistry, type Subscriber, NotificationPlan, planNotifications, PlannedNotification } from '@flotilla/notifications';

/** What the reconciler needs of the hub's API for Applications. */
export interface ApplicationAccess {
  /** The Application as stored now (not a cached copy), or undefined when it is gone. */
  get(namespace: string, name: string): Promise<Application | undefined>;
  /** Writes (or, with undefined, removes) the notified annotation with a merge patch. */
  patchNotified(namespace: string, name: string, value: string | undefined): Promise<void>;
}

/** Adds a delivery job; a job id that already exists makes it a no-op. */
export type EnqueueDelivery = (job: NotificationJob, jobId: string) => Promise<void>;

export interface NotificationReconcilerDeps {
  readonly store: NotificationsConfigStore;
  readonly registry: NotificationSenderRegistry;
  readonly apps: ApplicationAccess;
  readonly project: (name: string) => Subscriber | undefined;
  readonly enqueue: EnqueueDelivery;
  /** Whether this replica is responsible for the Application now (all of them when absent). */
  readonly owns?: (app: Application) => boolean;
  readonly logger: Logger;
  readonly now?: () => Date;
}

/**
 * Evaluates an Application's subscriptions whenever it changes, queues the notifications that are
 * due, and records them in its notified annotation. One Application is handled at a time, latest
 * version wins, so a burst of updates costs one evaluation after the current one.
 */
export class NotificationReconciler {
  private readonly running = new Map<string, Promise<void>>();
  private readonly pending = new Map<string, Application>();
  private readonly reported = new Set<string>();
  private readonly now: () => Date;

  constructor(private readonly deps: NotificationReconcilerDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /** Schedules an evaluation of `app` (an informer's cached copy); resolves when it and any queued behind it have run. */
  submit(app: Application): Promise<void> {
    const key = `${app.metadata.namespace ?? ''}/${app.metadata.name}`;
    const active = this.running.get(key);
    if (active) {
      this.pending.set(key, app);
      return active;
    }
    const run = this.reconcile(app)
      .catch((err: Error) => this.deps.logger.error({ err, app: key }, `notifications for ${key} failed: ${err.message}`))
      .finally(() => {
        this.running.delete(key);
        const next = this.pending.get(key);
        this.pending.delete(key);
        // Chained, so whoever waits for this evaluation (a partition hand-over) also waits for the next.
        return next ? this.submit(next) : undefined;
      });
    this.running.set(key, run);
    return run;
  }

  /** Resolves once nothing is being evaluated (for shutdown and tests). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running.values()]);
  }

  private async reconcile(cached: Application): Promise<void> {
    // Its partition moved to another replica meanwhile: that replica evaluates it now.
    if (this.deps.owns && !this.deps.owns(cached)) return;
    // Most updates change nothing for notifications; only those that do pay for a fresh read, which
    // also sees our own last annotation write even when the cache has not caught up with it.
    const cachedPlan = this.plan(cached);
    this.report(cached, cachedPlan);
    if (!this.hasWork(cachedPlan)) return;
    const fresh = await this.deps.apps.get(cached.metadata.namespace ?? '', cached.metadata.name);
    if (!fresh) return;
    const plan = this.plan(fresh);
    if (!this.hasWork(plan)) return;
    // Enqueue, then mark: a crash in between re-plans the same event on restart, and its job id
    // (derived from the event) makes BullMQ drop the second copy, so the event is delivered once.
    for (const delivery of plan.deliveries) await this.deps.enqueue(toJob(fresh, delivery), jobId(fresh, delivery));
    if (plan.changed) await this.deps.apps.patchNotified(fresh.metadata.namespace ?? '', fresh.metadata.name, plan.notified);
  }

  private plan(app: Application): NotificationPlan {
    const { config } = this.deps.store.snapshot;
    return planNotifications({
      app,
      project: this.deps.project(app.spec?.project ?? 'default'),
      config,
      now: this.now,
      undeliverable: (service) => this.deps.registry.undeliverable(config, service),
    });
  }

  private hasWork(plan: NotificationPlan): boolean {
    return plan.deliveries.length > 0 || plan.changed;
  }

  // Problems repeat on every update of the Application; each distinct one is logged once.
  private report(app: Application, plan: NotificationPlan): void {
    const name = `${app.metadata.namespace ?? ''}/${app.metadata.name}`;
    const messages = [...plan.problems, ...plan.skipped.map((s) => `${s.reason} (trigger ${s.trigger})`)];
    for (const message of messages) {
      const key = `${name}: ${message}`;
      if (this.reported.has(key)) continue;
      if (this.reported.size > 10_000) this.reported.clear();
      this.reported.add(key);
      this.deps.logger.warn({ app: name }, `notifications for ${name}: ${message}`);
    }
  }
}

function toJob(app: Application, delivery: PlannedNotification): NotificationJob {
  const { managedFields: _managedFields, ...metadata } = app.metadata;
  const snapshot: Record<string, unknown> = { ...app, metadata };
  return { app: snapshot, trigger: delivery.trigger, templates: delivery.templates, destination: delivery.destination };
}

// BullMQ job ids may not contain ':'; a hash of the Application and the event is stable and short.
function jobId(app: Application, delivery: PlannedNotification): string {
  const identity = `${app.metadata.namespace ?? ''}/${app.metadata.name}/${app.metadata.uid ?? ''}|${delivery.eventId}`;
  return `notify-${createHash('sha1').update(identity).digest('hex')}`;
}
