import { z } from 'zod';
import type { Destination } from '../state/notified.state';
import { httpRequest, statusError } from './http.client';
import { DeliveryError, type NotificationSender, type RenderedNotification, type ServiceConfig } from './notification-service';
import { hidingUrl, jsonList, webhookFor } from './sender-parts';

// Argo's teams service: an Office 365 connector incoming webhook per recipient (recipientUrls),
// sent a MessageCard built from the teams part of the template, or teams.template verbatim. The
// connector says "1" when the card reached the channel; any other answer is a failure, even with
// HTTP 200, as Argo treats it.

const options = z.object({
  recipientUrls: z.record(z.string(), z.string().min(1)).default({}),
  insecureSkipVerify: z.boolean().default(false),
});
export type TeamsOptions = z.output<typeof options>;

const teamsPart = z.object({
  template: z.string().optional(),
  title: z.string().optional(),
  summary: z.string().optional(),
  text: z.string().optional(),
  themeColor: z.string().optional(),
  facts: z.unknown().optional(),
  sections: z.unknown().optional(),
  potentialAction: z.unknown().optional(),
});

export class TeamsSender implements NotificationSender<TeamsOptions> {
  readonly type = 'teams';
  readonly options = options;

  secretsOf(o: TeamsOptions): string[] {
    return Object.values(o.recipientUrls);
  }

  async send(notification: RenderedNotification, destination: Destination, service: ServiceConfig<TeamsOptions>): Promise<void> {
    const label = `teams ${service.name}`;
    const url = webhookFor(service.options.recipientUrls, destination.recipient, label);
    const body = messageCard(notification, label);
    const answer = await hidingUrl(
      url,
      httpRequest({
        url,
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body,
        insecureSkipVerify: service.options.insecureSkipVerify,
        label,
      }),
    );
    if (answer.status < 200 || answer.status > 299) throw statusError(label, answer, 'webhook answered');
    if (answer.body.trim() !== '1') {
      const text = answer.body.trim().replace(/\s+/g, ' ').slice(0, 300) || '(empty)';
      // The connector reports Teams' own failures in a 200 body; those naming 429 or 5xx pass on retry.
      throw new DeliveryError(`${label}: webhook did not accept the card: ${text}`, /\b(429|5\d\d)\b/.test(text));
    }
  }
}

function messageCard(notification: RenderedNotification, label: string): string {
  const parsed = teamsPart.safeParse(notification.parts.teams ?? {});
  if (!parsed.success) throw new DeliveryError(`${label}: the teams part of the template is not an object of strings`, false);
  const part = parsed.data;
  if (part.template) return part.template;
  const sections = jsonList(part.sections, 'teams.sections', label) ?? [];
  const facts = jsonList(part.facts, 'teams.facts', label);
  if (facts) sections.push({ facts });
  const actions = jsonList(part.potentialAction, 'teams.potentialAction', label);
  return JSON.stringify({
    '@type': 'MessageCard',
    '@context': 'https://schema.org/extensions',
    title: part.title ?? '',
    summary: part.summary ?? '',
    text: part.text || notification.message,
    ...(part.themeColor ? { themeColor: part.themeColor } : {}),
    ...(actions ? { potentialAction: actions } : {}),
    ...(sections.length ? { sections } : {}),
  });
}
