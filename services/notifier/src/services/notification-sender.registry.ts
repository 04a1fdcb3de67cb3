import type { NotificationsConfig, ServiceConfig } from '../config/notifications-config.parser';
import type { NotificationSender } from './notification-service';
import { WebhookSender } from './webhook.sender';

/** The senders Flotilla has, by service type; other types are configured but not delivered to (yet). */
export class NotificationSenderRegistry {
  private readonly senders: ReadonlyMap<string, NotificationSender>;

  constructor(senders: readonly NotificationSender[] = [new WebhookSender()]) {
    this.senders = new Map(senders.map((s) => [s.type, s]));
  }

  /** The sender for `service`, or why there is none; the reason names the service and its type. */
  resolve(config: NotificationsConfig, service: string): { sender: NotificationSender; service: ServiceConfig } | { reason: string } {
    const svc = config.services.get(service);
    if (!svc) return { reason: `notification service "${service}" is not configured in argocd-notifications-cm` };
    const sender = this.senders.get(svc.type);
    if (!sender) return { reason: `notification service "${service}" has type "${svc.type}", which Flotilla does not deliver to yet (supported: ${[...this.senders.keys()].join(', ')})` };
    return { sender, service: svc };
  }

  undeliverable(config: NotificationsConfig, service: string): string | undefined {
    const resolved = this.resolve(config, service);
    return 'reason' in resolved ? resolved.reason : undefined;
  }
}
