import { z } from 'zod';
import type { Destination } from '../state/notified.state';
import { httpRequest, statusError } from './http.client';
import { DeliveryError, type NotificationSender, type RenderedNotification, type ServiceConfig } from './notification-service';

// Argo's pagerdutyv2 service: an Events API v2 event, its routing key chosen by the recipient
// (`serviceKeys` maps recipient → integration key), summary/severity/source and the rest from the
// template's `pagerdutyv2` part.

const options = z.object({
  serviceKeys: z.record(z.string(), z.string().min(1, 'an integration key is empty')),
  /** Flotilla only (Argo always uses PagerDuty's): where the Events API is, for proxies and specs. */
  apiURL: z.string().url().default('https://events.pagerduty.com'),
});
export type PagerDutyV2Options = z.output<typeof options>;

const text = z.string().optional();
const eventPart = z.object({
  summary: text,
  severity: text,
  source: text,
  component: text,
  group: text,
  class: text,
  url: text,
  dedupKey: text,
  /** Flotilla only: Argo always triggers; `resolve` and `acknowledge` close or quiet the incident of dedupKey. */
  action: z.enum(['trigger', 'acknowledge', 'resolve']).optional(),
});

export class PagerDutyV2Sender implements NotificationSender<PagerDutyV2Options> {
  readonly type = 'pagerdutyv2';
  readonly options = options;

  secretsOf(o: PagerDutyV2Options): string[] {
    return Object.values(o.serviceKeys);
  }

  async send(notification: RenderedNotification, destination: Destination, service: ServiceConfig<PagerDutyV2Options>): Promise<void> {
    const label = `pagerdutyv2 ${service.name}`;
    const routingKey = Object.hasOwn(service.options.serviceKeys, destination.recipient) ? service.options.serviceKeys[destination.recipient] : undefined;
    if (!routingKey) throw new DeliveryError(`${label}: no integration key in serviceKeys for recipient "${destination.recipient}"`, false);
    if (notification.parts.pagerdutyv2 === undefined) throw new DeliveryError(`${label}: the template has no pagerdutyv2 part`, false);
    const parsed = eventPart.safeParse(notification.parts.pagerdutyv2);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new DeliveryError(`${label}: template field pagerdutyv2.${issue.path.join('.')}: ${issue.message}`, false);
    }
    const e = parsed.data;
    const action = e.action ?? 'trigger';
    const event: Record<string, unknown> = { routing_key: routingKey, event_action: action, client: 'ArgoCD' };
    if (e.dedupKey) event.dedup_key = e.dedupKey;
    if (e.url) event.client_url = e.url;
    if (action === 'trigger') {
      const payload: Record<string, string> = { summary: e.summary ?? '', severity: e.severity ?? '', source: e.source ?? '' };
      if (e.component) payload.component = e.component;
      if (e.group) payload.group = e.group;
      if (e.class) payload.class = e.class;
      event.payload = payload;
    } else if (!e.dedupKey) {
      throw new DeliveryError(`${label}: pagerdutyv2.action ${action} needs pagerdutyv2.dedupKey (the incident to ${action})`, false);
    }
    const url = `${service.options.apiURL.replace(/\/+$/, '')}/v2/enqueue`;
    const answer = await httpRequest({ url, method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(event), label });
    if (answer.status < 200 || answer.status > 299) throw statusError(label, answer, `POST /v2/enqueue for recipient "${destination.recipient}" answered`);
  }
}
