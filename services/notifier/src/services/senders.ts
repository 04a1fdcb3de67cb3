import { EmailSender } from './email.sender';
import type { NotificationSender } from './notification-service';
import { WebhookSender } from './webhook.sender';

/** Every service type Flotilla delivers to, one sender each. */
export function defaultSenders(): NotificationSender[] {
  return [new WebhookSender(), new EmailSender()] as NotificationSender[];
}
