import type { ServiceConfig } from '../config/notifications-config.parser';
import type { Destination } from '../state/notified.state';

/** A notification after its templates ran: the text and each webhook service's request parts. */
export interface RenderedNotification {
  readonly message: string;
  readonly webhook: Readonly<Record<string, { readonly method?: string; readonly path?: string; readonly body?: string }>>;
}

/** A delivery that did not go through; `retryable` says whether trying again can help. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly statusCode?: number,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/** Delivers to one service type; one implementation per file under services/. */
export interface NotificationSender<C extends ServiceConfig = ServiceConfig> {
  readonly type: string;
  send(notification: RenderedNotification, destination: Destination, service: C): Promise<void>;
}
