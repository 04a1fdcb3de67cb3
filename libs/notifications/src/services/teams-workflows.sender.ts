import { z } from 'zod';
import type { Destination } from '../state/notified.state';
import { httpRequest, statusError } from './http.client';
import { DeliveryError, type NotificationSender, type RenderedNotification, type ServiceConfig } from './notification-service';
import { hidingUrl, jsonList, webhookFor } from './sender-parts';

// Argo's teams-workflows service: a Teams Workflows (Power Automate) webhook per recipient, sent a
// message carrying one Adaptive Card — teams-workflows.adaptiveCard as written, or a card built
// from title, text, facts, sections and potentialAction as Argo builds it. Any 2xx is success.

/** The hosts and paths Power Automate's Workflows webhooks use, as Argo recognises them. */
const WORKFLOWS_URL = /(api\.(powerautomate|powerplatform)\.com|flow\.microsoft\.com|webhook\.office\.com\/workflows|\/powerautomate\/)/i;
const LOOPBACK = (host: string) => host === 'localhost' || host.startsWith('127.');

/** Why a recipient URL cannot be a Workflows webhook (never quoting it: its sig is a credential). */
function workflowsUrlProblem(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'is not a URL';
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK(url.hostname))) return 'must use https (http only to localhost)';
  if (!WORKFLOWS_URL.test(raw))
    return 'is not a Teams Workflows (Power Automate) webhook URL: expected api.powerautomate.com, api.powerplatform.com, flow.microsoft.com or webhook.office.com/workflows';
  return undefined;
}

const options = z.object({
  recipientUrls: z
    .record(z.string(), z.string().min(1))
    .default({})
    .superRefine((urls, ctx) => {
      for (const [recipient, url] of Object.entries(urls)) {
        const problem = workflowsUrlProblem(url);
        if (problem) ctx.addIssue({ code: 'custom', path: [recipient], message: `the webhook URL ${problem}` });
      }
    }),
  insecureSkipVerify: z.boolean().default(false),
});
export type TeamsWorkflowsOptions = z.output<typeof options>;

const part = z.object({
  title: z.string().optional(),
  text: z.string().optional(),
  themeColor: z.string().optional(),
  facts: z.unknown().optional(),
  sections: z.unknown().optional(),
  potentialAction: z.unknown().optional(),
  adaptiveCard: z.unknown().optional(),
});

export class TeamsWorkflowsSender implements NotificationSender<TeamsWorkflowsOptions> {
  readonly type = 'teams-workflows';
  readonly options = options;

  secretsOf(o: TeamsWorkflowsOptions): string[] {
    return Object.values(o.recipientUrls);
  }

  async send(notification: RenderedNotification, destination: Destination, service: ServiceConfig<TeamsWorkflowsOptions>): Promise<void> {
    const label = `teams-workflows ${service.name}`;
    const url = webhookFor(service.options.recipientUrls, destination.recipient, label);
    const card = adaptiveCard(notification, label);
    const body = JSON.stringify({
      type: 'message',
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
    });
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
  }
}

function adaptiveCard(notification: RenderedNotification, label: string): unknown {
  const parsed = part.safeParse(notification.parts['teams-workflows'] ?? {});
  if (!parsed.success) throw new DeliveryError(`${label}: the teams-workflows part of the template is not an object of strings`, false);
  const p = parsed.data;
  if (p.adaptiveCard !== undefined && p.adaptiveCard !== '') {
    if (typeof p.adaptiveCard !== 'string') return p.adaptiveCard;
    try {
      return JSON.parse(p.adaptiveCard) as unknown;
    } catch (err) {
      throw new DeliveryError(`${label}: teams-workflows.adaptiveCard is not valid JSON: ${(err as Error).message}`, false);
    }
  }
  const body: Record<string, unknown>[] = [];
  if (p.title)
    body.push({
      type: 'TextBlock',
      text: p.title,
      size: 'Large',
      weight: 'Bolder',
      ...(p.themeColor ? { color: p.themeColor } : {}),
      wrap: true,
    });
  const text = p.text || notification.message;
  if (text) body.push({ type: 'TextBlock', text, wrap: true });
  const factSet = (facts: unknown): void => {
    const list = (Array.isArray(facts) ? facts : []).filter(
      (f): f is { name: string; value?: unknown } => !!f && typeof (f as { name?: unknown }).name === 'string',
    );
    const out = list.map((f) => ({
      title: f.name,
      value: f.value === undefined || f.value === null ? '' : typeof f.value === 'string' ? f.value : JSON.stringify(f.value),
    }));
    if (out.length) body.push({ type: 'FactSet', facts: out });
  };
  factSet(jsonList(p.facts, 'teams-workflows.facts', label));
  for (const section of jsonList(p.sections, 'teams-workflows.sections', label) ?? []) factSet(section.facts);
  // MessageCard's OpenUri actions become Action.OpenUrl with their first target; others have no equivalent.
  const actions = (jsonList(p.potentialAction, 'teams-workflows.potentialAction', label) ?? []).flatMap((a) => {
    const target = Array.isArray(a.targets) ? (a.targets[0] as { uri?: unknown } | undefined) : undefined;
    if (a['@type'] !== 'OpenUri' || typeof target?.uri !== 'string' || !target.uri) return [];
    return [{ type: 'Action.OpenUrl', ...(typeof a.name === 'string' ? { title: a.name } : {}), url: target.uri }];
  });
  return { type: 'AdaptiveCard', version: '1.4', body, ...(actions.length ? { actions } : {}) };
}
