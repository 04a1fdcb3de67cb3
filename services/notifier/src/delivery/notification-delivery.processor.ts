import { SpanStatusCode, trace } from '@opentelemetry/api';
import { UnrecoverableError } from 'bullmq';
import type { Logger } from 'pino';
import type { Counter } from 'prom-client';
import type { NotificationsConfigStore } from '../config/notifications-config.store';
import type { NotificationSenderRegistry } from '../services/notification-sender.registry';
import { DeliveryError, type SenderStore } from '../services/notification-service';
import { MemorySenderStore } from './sender.store';
import type { DeliveryClaims } from './delivery-claims.store';
import { maskSecrets } from '../services/secret.mask';
import type { Destination } from '../state/notified.state';
import { TemplateRenderError } from './notification.renderer';

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
 * status, with every secret value masked. With claims, the event is claimed before sending and
 * marked sent after, so a second delivery of it (another replica, after a stall) sends nothing.
 */
export class NotificationDeliveryProcessor {
  constructor(
    private readonly store: NotificationsConfigStore,
    private readonly registry: NotificationSenderRegistry,
    private readonly delivered: Counter<'service' | 'trigger' | 'result'>,
    private readonly logger: Logger,
    private readonly claims?: DeliveryClaims,
    /** Each service's durable sender state (threads, messages to update); in memory when absent. */
    private readonly stores: (service: string) => SenderStore = memoryStores(),
  ) {}

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
      const retryable = err instanceof DeliveryError ? err.retryable : !(err instanceof TemplateRenderError);
      const last = !retryable || attempt.attemptsMade + 1 >= (attempt.opts.attempts ?? 1);
      const message = maskSecrets((err as Error).message, config.sensitive);
      const statusCode = err instanceof DeliveryError ? err.statusCode : undefined;
      if (last) {
        this.delivered.inc({ service: destination.service, trigger, result: 'failed' });
        this.logger.error({ ...fields, statusCode, attempts: attempt.attemptsMade + 1 }, `notification ${trigger} to ${destination.service} failed for good: ${message}`);
      }
      throw retryable ? new Error(message) : new UnrecoverableError(message);
    }
    if (eventId) await this.claims.sent(eventId);
    this.delivered.inc({ service: destination.service, trigger, result: 'success' });
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
