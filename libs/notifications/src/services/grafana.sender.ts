import { z } from 'zod';
import type { Destination } from '../state/notified.state';
import { httpRequest, redactUrl, statusError } from './http.client';
import { DeliveryError, type NotificationSender, type RenderedNotification, type ServiceConfig } from './notification-service';

// Argo's grafana service: an annotation (POST <apiUrl>/annotations) at the time of sending, its
// text the message and its tags the recipient split on "|" (`subscribe.<trigger>.grafana: tag1|tag2`).

const options = z.object({
  apiUrl: z.string().url(),
  apiKey: z.string().min(1),
  insecureSkipVerify: z.boolean().default(false),
});
export type GrafanaOptions = z.output<typeof options>;

export class GrafanaSender implements NotificationSender<GrafanaOptions> {
  readonly type = 'grafana';
  readonly options = options;

  constructor(private readonly now: () => number = Date.now) {}

  secretsOf(o: GrafanaOptions): string[] {
    return [o.apiKey];
  }

  async send(notification: RenderedNotification, destination: Destination, service: ServiceConfig<GrafanaOptions>): Promise<void> {
    const label = `grafana ${service.name}`;
    const o = service.options;
    const url = new URL(o.apiUrl);
    url.pathname = `${url.pathname.replace(/\/+$/, '')}/annotations`;
    // Argo sends whole seconds in ms, and an empty message too (it only warns).
    const annotation = { time: Math.floor(this.now() / 1000) * 1000, isRegion: false, tags: destination.recipient.split('|'), text: notification.message };
    const answer = await httpRequest({
      url: url.href,
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${o.apiKey}` },
      body: JSON.stringify(annotation),
      insecureSkipVerify: o.insecureSkipVerify,
      label,
    });
    // Grafana answers 200 to a created annotation; Argo takes nothing else as success.
    if (answer.status !== 200) {
      if (answer.status >= 200 && answer.status <= 299) throw new DeliveryError(`${label}: POST ${redactUrl(url.href)} answered HTTP ${answer.status}, not 200`, false, answer.status);
      throw statusError(label, answer, `POST ${redactUrl(url.href)} answered`);
    }
  }
}
