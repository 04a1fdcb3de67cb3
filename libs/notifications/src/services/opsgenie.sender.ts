import { z } from 'zod';
import type { Destination } from '../state/notified.state';
import { httpRequest, redactUrl, statusError } from './http.client';
import { DeliveryError, type NotificationSender, type RenderedNotification, type ServiceConfig } from './notification-service';

// Argo's opsgenie service: one alert per notification (POST /v2/alerts), its message the
// notification's message, addressed to the recipient as a team, with the API key `apiKeys` holds
// for that recipient. The template's `opsgenie` part adds description (then required), priority,
// alias, note, actions, tags, details, entity, visibleTo and user. Argo goes through Opsgenie's Go
// SDK, which refuses some alerts before sending them; those checks are made here too.

const options = z.object({
  /** A host (`api.opsgenie.com`, `api.eu.opsgenie.com`), as Argo's SDK takes it, or a URL. */
  apiUrl: z.string().default('api.opsgenie.com'),
  apiKeys: z.record(z.string(), z.string().min(1, 'an API key is empty')),
  insecureSkipVerify: z.boolean().default(false),
});
export type OpsgenieOptions = z.output<typeof options>;

const text = z.string().optional();
const responder = z.object({ type: text, id: text, name: text, username: text });
const alertPart = z.object({
  description: text,
  priority: text,
  alias: text,
  note: text,
  actions: z.array(z.string()).optional(),
  tags: z.array(z.string()).optional(),
  details: z.record(z.string(), z.string()).optional(),
  entity: text,
  visibleTo: z.array(responder).optional(),
  user: text,
});

/** What the SDK Argo uses refuses before sending. */
const MESSAGE_MAX = 130;
const ALIAS_MAX = 512;
const DESCRIPTION_MAX = 15000;
const PRIORITIES = ['P1', 'P2', 'P3', 'P4', 'P5'];

export class OpsgenieSender implements NotificationSender<OpsgenieOptions> {
  readonly type = 'opsgenie';
  readonly options = options;

  secretsOf(o: OpsgenieOptions): string[] {
    return Object.values(o.apiKeys);
  }

  async send(notification: RenderedNotification, destination: Destination, service: ServiceConfig<OpsgenieOptions>): Promise<void> {
    const label = `opsgenie ${service.name}`;
    const o = service.options;
    const apiKey = Object.hasOwn(o.apiKeys, destination.recipient) ? o.apiKeys[destination.recipient] : undefined;
    if (!apiKey) throw new DeliveryError(`${label}: no API key in apiKeys for recipient "${destination.recipient}"`, false);
    const refuse = (why: string) => new DeliveryError(`${label}: ${why}`, false);

    const alert: Record<string, unknown> = { message: notification.message, responders: [{ type: 'team', id: destination.recipient }], source: 'Argo CD' };
    if (notification.parts.opsgenie !== undefined) {
      const parsed = alertPart.safeParse(notification.parts.opsgenie);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw refuse(`template field opsgenie.${issue.path.join('.')}: ${issue.message}`);
      }
      const a = parsed.data;
      if (!a.description) throw refuse('opsgenie.description is missing from the template');
      alert.description = a.description;
      for (const key of ['priority', 'alias', 'note', 'entity', 'user'] as const) if (a[key]) alert[key] = a[key];
      if (a.actions?.length) alert.actions = a.actions;
      if (a.tags?.length) alert.tags = a.tags;
      if (a.details && Object.keys(a.details).length) alert.details = a.details;
      if (a.visibleTo?.length) alert.visibleTo = a.visibleTo.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v)));
    }
    if (!notification.message.trim()) throw refuse('the message is empty, and Opsgenie needs one for an alert');
    if (Array.from(notification.message).length > MESSAGE_MAX) throw refuse(`the message is longer than ${MESSAGE_MAX} characters, Opsgenie's limit for an alert's message`);
    if (typeof alert.alias === 'string' && alert.alias.length > ALIAS_MAX) throw refuse(`opsgenie.alias is longer than ${ALIAS_MAX} characters`);
    if (typeof alert.description === 'string' && alert.description.length > DESCRIPTION_MAX) throw refuse(`opsgenie.description is longer than ${DESCRIPTION_MAX} characters`);
    const priority = typeof alert.priority === 'string' ? alert.priority : undefined;
    if (priority !== undefined && !PRIORITIES.includes(priority)) throw refuse(`opsgenie.priority ${priority} is not one of ${PRIORITIES.join(', ')}`);

    const base = /^[a-z]+:\/\//i.test(o.apiUrl) ? o.apiUrl : `https://${o.apiUrl}`;
    const url = `${base.replace(/\/+$/, '')}/v2/alerts`;
    const answer = await httpRequest({ url, method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `GenieKey ${apiKey}` }, body: JSON.stringify(alert), insecureSkipVerify: o.insecureSkipVerify, label });
    if (answer.status < 200 || answer.status > 299) throw statusError(label, answer, `POST ${redactUrl(url)} for team "${destination.recipient}" answered`);
  }
}
