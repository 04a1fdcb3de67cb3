import type { NotificationsConfig } from '../config/notifications-config.parser';
import type { NotificationSender, ServiceConfig } from './notification-service';
import { defaultSenders } from './senders';

/** The senders Flotilla has, by service type. */
export class NotificationSenderRegistry {
  private readonly senders: ReadonlyMap<string, NotificationSender>;

  constructor(senders: readonly NotificationSender[] = defaultSenders()) {
    this.senders = new Map(senders.map((s) => [s.type, s]));
  }

  /** The sender for `service`, or why there is none; the reason names the service and its type. */
  resolve(config: NotificationsConfig, service: string): { sender: NotificationSender; service: ServiceConfig } | { reason: string } {
    const svc = config.services.get(service);
    if (!svc) return { reason: `notification service "${service}" is not configured in argocd-notifications-cm` };
    const sender = this.senders.get(svc.type);
    if (!sender) return { reason: `notification service "${service}" has type "${svc.type}", which Flotilla does not deliver to (supported: ${[...this.senders.keys()].join(', ')})` };
    return { sender, service: svc };
  }

  undeliverable(config: NotificationsConfig, service: string): string | undefined {
    const resolved = this.resolve(config, service);
    return 'reason' in resolved ? resolved.reason : undefined;
  }
}
