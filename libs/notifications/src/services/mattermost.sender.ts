import { z } from 'zod';
import type { Destination } from '../state/notified.state';
import { httpRequest, statusError } from './http.client';
import { DeliveryError, type NotificationSender, type RenderedNotification, type ServiceConfig } from './notification-service';
import { jsonList } from './sender-parts';

// Argo's mattermost service: one post per notification through Mattermost's REST API
// (POST <apiURL>/api/v4/posts) as the bot whose token is given, in the channel whose id is the
// recipient, with the message and mattermost.attachments (Slack-style attachments) as props.

const options = z.object({
  apiURL: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }),
  token: z.string().min(1),
  insecureSkipVerify: z.boolean().default(false),
});
export type MattermostOptions = z.output<typeof options>;

const part = z.object({ attachments: z.unknown().optional() });

export class MattermostSender implements NotificationSender<MattermostOptions> {
  readonly type = 'mattermost';
  readonly options = options;

  secretsOf(o: MattermostOptions): string[] {
    return [o.token];
  }

  async send(notification: RenderedNotification, destination: Destination, service: ServiceConfig<MattermostOptions>): Promise<void> {
    const o = service.options;
    const label = `mattermost ${service.name}`;
    if (!destination.recipient) throw new DeliveryError(`${label}: the recipient must be a channel id`, false);
    const parsed = part.safeParse(notification.parts.mattermost ?? {});
    const attachments = (parsed.success ? jsonList(parsed.data.attachments, 'mattermost.attachments', label) : undefined) ?? [];
    const body = JSON.stringify({ channel_id: destination.recipient, message: notification.message, props: { attachments } });
    const answer = await httpRequest({
      url: `${o.apiURL.replace(/\/+$/, '')}/api/v4/posts`,
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${o.token}` },
      body,
      insecureSkipVerify: o.insecureSkipVerify,
      label,
    });
    if (answer.status < 200 || answer.status > 299)
      throw statusError(label, answer, `posting to channel ${destination.recipient} answered`);
  }
}
