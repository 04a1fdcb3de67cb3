import { SpanStatusCode, trace } from '@opentelemetry/api';
import { UnrecoverableError } from 'bullmq';
import type { Logger } from 'pino';
import type { Counter } from 'prom-client';
import type { NotificationsConfigStore } from '../config/notifications-config.store';
import { type NotificationSenderRegistry, DeliveryError, type SenderStore, MemorySenderStore, maskSecrets, type Destination, TemplateRenderError } from '@flotilla/notifications';
import type { DeliveryClaims } from './delivery-claims.store';

/** Argo CD's `argocd_notifications_deliveries_total`: one per delivery, once it succeeded or failed for good. */
export type DeliveriesCounter = Counter<'trigger' | 'service' | 'succeeded'>;

export const DELIVERIES_METRIC = {
  name: 'argocd_notifications_deliveries_total',
  help: 'Notifications delivered (succeeded="true") or given up on (succeeded="false"), by trigger and service',
  labelNames: ['trigger', 'service', 'succeeded'] as const,
};

/** The Event reason on an Application whose notification failed for good. */
export const FAILED_REASON = 'NotificationFailed';

/** Where the processor reports a delivery that failed for good, besides the log and the metric. */
export interface FailureEvents {
  warning(app: Record<string, unknown>, reason: string, message: string): Promise<void>;
}

export interface DeliveryProcessorOptions {
  /** With claims, a second delivery of an event (another replica, after a stall) sends nothing. */
  readonly claims?: DeliveryClaims;
  /** Each service's durable sender state (threads, messages to update); in memory when absent. */
  readonly stores?: (service: string) => SenderStore;
  /** Kubernetes Events on the Application for failures; none when absent. */
  readonly events?: FailureEvents;
}

/** A failure the queue retries, after `retryAfterMs` when the service said how long to wait. */
export class RetryableDeliveryFailure extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'RetryableDeliveryFailure';
  }
}

/** The longest a Retry-After is honoured; beyond it the queue waits this long (a delivery an hour late is still useful). */
export const MAX_RETRY_AFTER_MS = 60 * 60 * 1000;

/** Delay before the next attempt: what the service asked for (a 429's or 503's Retry-After), else exponential from 1 s. */
export function deliveryBackoff(attemptsMade: number, err: Error): number {
  const asked = err instanceof RetryableDeliveryFailure ? err.retryAfterMs : undefined;
  if (asked !== undefined) return Math.min(Math.max(asked, 0), MAX_RETRY_AFTER_MS);
  return Math.round(2 ** (Math.max(attemptsMade, 1) - 1) * 1000);
}

/**
 * What another attempt can fix: network errors, 5xx and 429; never another 4xx (a bad token or
 * channel stays bad) unless the service named when to come back (GitHub's rate limit is a 403 with
 * a reset time), nor a template or configuration error.
 */
export function shouldRetry(err: unknown): boolean {
  if (err instanceof TemplateRenderError) return false;
  if (!(err instanceof DeliveryError)) return true;
  const status = err.statusCode;
  if (status !== undefined && status >= 400 && status < 500 && status !== 429 && err.retryAfterMs === undefined) return false;
  return err.retryable;
}

/** One notification to deliver: the Application as it was when the trigger fired. */
export interface NotificationJob {
  readonly app: Record<string, unknown>;
  readonly trigger: string;
  readonly templates: readonly string[];
  readonly destination: Destination;
}

export interface JobAttempt {
  /** The job id, derived from the event: what the delivery is claimed by. */
  readonly id?: string;
  readonly attemptsMade: number;
  readonly opts: { readonly attempts?: number };
}

/**
 * Renders and sends one notification with the configuration current at delivery time. Failures
 * that retrying can fix are thrown for BullMQ to retry; the last failure is logged with the HTTP
 * status, counted, and recorded as a Warning Event on the Application, with every secret value
 * masked. With claims, the event is claimed before sending and marked sent after, so a second
 * delivery of it (another replica, after a stall) sends nothing.
 */
export class NotificationDeliveryProcessor {
  private readonly claims?: DeliveryClaims;
  private readonly stores: (service: string) => SenderStore;
  private readonly events?: FailureEvents;

  constructor(
    private readonly store: NotificationsConfigStore,
    private readonly registry: NotificationSenderRegistry,
    private readonly deliveries: DeliveriesCounter,
    private readonly logger: Logger,
    opts: DeliveryProcessorOptions = {},
  ) {
    this.claims = opts.claims;
    this.stores = opts.stores ?? memoryStores();
    this.events = opts.events;
  }

  /** One span per delivery (service, trigger, app), a child of the queue job's span. */
  process(job: NotificationJob, attempt: JobAttempt): Promise<void> {
    const meta = job.app.metadata as { name?: string; namespace?: string } | undefined;
    const app = `${meta?.namespace ?? ''}/${meta?.name ?? ''}`;
    const attributes = { 'notification.service': job.destination.service, 'notification.trigger': job.trigger, 'flotilla.app': app, 'notification.attempt': attempt.attemptsMade + 1 };
    return trace.getTracer('flotilla-notifier').startActiveSpan(`notify ${job.destination.service}`, { attributes }, async (span) => {
      try {
        await this.deliver(job, attempt, app);
      } catch (err) {
        // The message was masked before it was thrown.
        span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error).message });
        throw err;
      } finally {
        span.end();
      }
    });
  }

  private async deliver(job: NotificationJob, attempt: JobAttempt, app: string): Promise<void> {
    const { config, renderer } = this.store.snapshot;
    const { destination, trigger } = job;
    const fields = { app, trigger, service: destination.service, recipient: destination.recipient };
    const eventId = this.claims && attempt.id;
    if (eventId && (await this.claims.claim(eventId)) === 'sent') {
      this.logger.info(fields, `notification ${trigger} to ${destination.service} was sent already; not sending it again`);
      return;
    }
    try {
      const resolved = this.registry.resolve(config, destination.service);
      if ('reason' in resolved) throw new DeliveryError(resolved.reason, false);
      const notification = renderer.render(job.templates, { app: job.app, context: config.context, secrets: config.secrets, serviceType: resolved.service.type, recipient: destination.recipient });
      await resolved.sender.send(notification, destination, resolved.service, { app: job.app, store: this.stores(destination.service), logger: this.logger });
    } catch (err) {
      if (eventId) await this.claims.release(eventId);
      const retryable = shouldRetry(err);
      const last = !retryable || attempt.attemptsMade + 1 >= (attempt.opts.attempts ?? 1);
      const message = maskSecrets((err as Error).message, config.sensitive);
      const statusCode = err instanceof DeliveryError ? err.statusCode : undefined;
      if (last) {
        this.deliveries.inc({ service: destination.service, trigger, succeeded: 'false' });
        this.logger.error({ ...fields, statusCode, attempts: attempt.attemptsMade + 1 }, `notification ${trigger} to ${destination.service} failed for good: ${message}`);
        const recipient = destination.recipient ? ` (${maskSecrets(destination.recipient, config.sensitive)})` : '';
        await this.events?.warning(job.app, FAILED_REASON, `Notification ${trigger} to ${destination.service}${recipient} failed after ${attempt.attemptsMade + 1} attempt(s): ${message}`);
      }
      if (!retryable) throw new UnrecoverableError(message);
      throw new RetryableDeliveryFailure(message, err instanceof DeliveryError ? err.retryAfterMs : undefined);
    }
    if (eventId) await this.claims.sent(eventId);
    this.deliveries.inc({ service: destination.service, trigger, succeeded: 'true' });
    this.logger.info(fields, `notification ${trigger} sent to ${destination.service}`);
  }
}

function memoryStores(): (service: string) => SenderStore {
  const stores = new Map<string, SenderStore>();
  return (service) => {
    let store = stores.get(service);
    if (!store) stores.set(service, (store = new MemorySenderStore()));
    return store;
  };
}
