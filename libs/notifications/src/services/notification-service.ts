import type { Logger } from 'pino';
import type { z } from 'zod';
import type { Destination } from '../state/notified.state';

/**
 * A notification after its templates ran: the message, and each service type's own part of the
 * templates (`slack`, `email`, `teams`, `webhook`…) with every string in it executed.
 */
export interface RenderedNotification {
  readonly message: string;
  readonly parts: Readonly<Record<string, unknown>>;
  /**
   * The templates it was rendered from, in the trigger's order, as the renderer sets it (a notification
   * built by hand may leave it out); Alertmanager's alert is named after the first.
   */
  readonly templates?: readonly string[];
}

/** One configured `service.<type>[.<name>]`: its options, `$secret` references already replaced. */
export interface ServiceConfig<O = unknown> {
  readonly type: string;
  readonly name: string;
  readonly options: O;
}

/** A delivery that did not go through; `retryable` says whether trying again can help. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly statusCode?: number,
    /** How long the service asked to be left alone (429 Retry-After), in ms. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/**
 * Small durable state a sender keeps between deliveries (a Slack thread's timestamp, a message
 * to update), shared by every notifier replica. Keys are scoped to the service by the caller.
 */
export interface SenderStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
}

export interface SendContext {
  /** The Application the notification is about (as it was when the trigger fired). */
  readonly app: Readonly<Record<string, unknown>>;
  readonly store: SenderStore;
  readonly logger?: Logger;
}

/** Delivers to one service type; one implementation per file under services/. */
export interface NotificationSender<O = unknown> {
  readonly type: string;
  /** Checks and defaults `service.<type>` options; a failure names the option. */
  readonly options: z.ZodType<O>;
  /** Option values that must never be logged, beyond the Secret's own values (tokens written inline). */
  secretsOf?(options: O): readonly string[];
  send(notification: RenderedNotification, destination: Destination, service: ServiceConfig<O>, context: SendContext): Promise<void>;
}
