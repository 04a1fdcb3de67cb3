import { randomUUID } from 'node:crypto';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { Destination } from '../state/notified.state';
import { type HttpAnswer, httpRequest, retryAfterMs, retryableStatus, statusError } from './http.client';
import { DeliveryError, type NotificationSender, type RenderedNotification, type ServiceConfig } from './notification-service';
import { webhookFor } from './sender-parts';

// Argo's googlechat service: a Google Chat incoming webhook per recipient (webhooks), sent the
// message as text, or googlechat.cardsV2 (each given a fresh cardId) and/or the legacy
// googlechat.cards instead. googlechat.threadKey puts messages with the same key in one thread,
// starting it when needed. Google answers errors as {"error": {code, status, message}}.

const options = z.object({
  webhooks: z.record(z.string(), z.string().min(1)).default({}),
  insecureSkipVerify: z.boolean().default(false),
});
export type GoogleChatOptions = z.output<typeof options>;

const part = z.object({ cards: z.unknown().optional(), cardsV2: z.unknown().optional(), threadKey: z.string().optional() });

export class GoogleChatSender implements NotificationSender<GoogleChatOptions> {
  readonly type = 'googlechat';
  readonly options = options;

  secretsOf(o: GoogleChatOptions): string[] {
    return Object.values(o.webhooks);
  }

  async send(notification: RenderedNotification, destination: Destination, service: ServiceConfig<GoogleChatOptions>): Promise<void> {
    const label = `googlechat ${service.name}`;
    const webhook = webhookFor(service.options.webhooks, destination.recipient, label, 'webhooks');
    const parsed = part.safeParse(notification.parts.googlechat ?? {});
    if (!parsed.success) throw new DeliveryError(`${label}: the googlechat part of the template is not an object of strings`, false);
    const p = parsed.data;
    const cardsV2 = cardList(p.cardsV2, 'googlechat.cardsV2', label);
    const cards = cardList(p.cards, 'googlechat.cards', label);
    const message =
      cardsV2 || cards
        ? { ...(cardsV2 ? { cardsV2: cardsV2.map((card) => ({ cardId: randomUUID(), card })) } : {}), ...(cards ? { cards } : {}) }
        : { text: notification.message };
    let url: URL;
    try {
      url = new URL(webhook);
    } catch {
      throw new DeliveryError(`${label}: the webhook of recipient "${destination.recipient}" is not a URL`, false);
    }
    if (p.threadKey) {
      url.searchParams.set('threadKey', p.threadKey);
      url.searchParams.set('messageReplyOption', 'REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD');
    }
    const answer = await httpRequest({
      url: url.href,
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=UTF-8' },
      body: JSON.stringify(message),
      insecureSkipVerify: service.options.insecureSkipVerify,
      label,
    });
    if (answer.status < 200 || answer.status > 299) throw googleError(label, answer) ?? statusError(label, answer, 'webhook answered');
    // Argo also fails a 2xx answer that carries an error object.
    const inBody = googleError(label, answer);
    if (inBody) throw inBody;
  }
}

/** Cards written as YAML or JSON text (Argo reads them as YAML) or as a YAML list. */
function cardList(value: unknown, field: string, label: string): unknown[] | undefined {
  if (value === undefined || value === '') return undefined;
  let list: unknown = value;
  if (typeof value === 'string') {
    try {
      list = parseYaml(value) as unknown;
    } catch (err) {
      throw new DeliveryError(`${label}: ${field} is not valid YAML or JSON: ${(err as Error).message.split('\n')[0]}`, false);
    }
  }
  if (!Array.isArray(list)) throw new DeliveryError(`${label}: ${field} must be a list of cards`, false);
  return list as unknown[];
}

function googleError(label: string, answer: HttpAnswer): DeliveryError | undefined {
  let error: { code?: unknown; status?: unknown; message?: unknown } | undefined;
  try {
    error = (JSON.parse(answer.body) as { error?: typeof error }).error;
  } catch {
    return undefined;
  }
  if (!error || typeof error !== 'object') return undefined;
  const code = typeof error.code === 'number' ? error.code : answer.status;
  const status = answer.status >= 300 ? answer.status : code;
  const text = (v: unknown): string => (typeof v === 'string' ? v : v === undefined ? '' : JSON.stringify(v));
  const detail = `code=${code} status=${text(error.status)} message=${text(error.message).slice(0, 300)}`;
  return new DeliveryError(
    `${label}: webhook answered HTTP ${answer.status}: ${detail}`,
    retryableStatus(status),
    status,
    status === 429 ? retryAfterMs(answer.headers['retry-after']) : undefined,
  );
}
