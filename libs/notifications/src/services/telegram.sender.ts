import { z } from 'zod';
import type { Destination } from '../state/notified.state';
import { httpRequest, retryAfterMs, retryableStatus } from './http.client';
import { DeliveryError, type NotificationSender, type RenderedNotification, type ServiceConfig } from './notification-service';
import { maskSecrets } from './secret.mask';

// Argo's telegram service: the bot whose token is given sends the message with parse_mode
// Markdown. A recipient starting with "-" is a chat id, optionally followed by |<thread id> for a
// forum topic; any other recipient is a public channel's username (the "@" is added).

const options = z.object({
  token: z.string().min(1),
  /**
   * Flotilla only (Argo always uses Telegram's): the Bot API server, for a self-hosted
   * telegram-bot-api or a test server.
   */
  apiURL: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).default('https://api.telegram.org'),
});
export type TelegramOptions = z.output<typeof options>;

interface TelegramAnswer {
  ok?: boolean;
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number };
}

export class TelegramSender implements NotificationSender<TelegramOptions> {
  readonly type = 'telegram';
  readonly options = options;

  secretsOf(o: TelegramOptions): string[] {
    return [o.token];
  }

  async send(notification: RenderedNotification, destination: Destination, service: ServiceConfig<TelegramOptions>): Promise<void> {
    const o = service.options;
    const label = `telegram ${service.name}`;
    const target = chatOf(destination.recipient, label);
    const body = JSON.stringify({ ...target, text: notification.message, parse_mode: 'Markdown' });
    // The token is part of the path: nothing that quotes the URL may leave unmasked.
    const pathToken = encodeURIComponent(o.token).replace(/%3A/gi, ':');
    const url = `${o.apiURL.replace(/\/+$/, '')}/bot${pathToken}/sendMessage`;
    const answer = await httpRequest({ url, method: 'POST', headers: { 'Content-Type': 'application/json' }, body, label }).catch(
      (err: DeliveryError) => {
        throw new DeliveryError(maskSecrets(err.message, [o.token, pathToken]), err.retryable, err.statusCode, err.retryAfterMs);
      },
    );
    let reply: TelegramAnswer = {};
    try {
      reply = JSON.parse(answer.body) as TelegramAnswer;
    } catch {
      // Not the Bot API's JSON (a proxy's page): judged by the status alone below.
    }
    if (answer.status >= 200 && answer.status <= 299 && reply.ok !== false) return;
    const status = answer.status >= 300 ? answer.status : (reply.error_code ?? 500);
    const wait =
      reply.parameters?.retry_after !== undefined ? reply.parameters.retry_after * 1000 : retryAfterMs(answer.headers['retry-after']);
    const description = maskSecrets((reply.description ?? answer.body.trim()).slice(0, 300), [o.token]) || '(no description)';
    throw new DeliveryError(
      `${label}: sendMessage to ${destination.recipient} answered HTTP ${status}: ${description}`,
      retryableStatus(status),
      status,
      status === 429 ? wait : undefined,
    );
  }
}

/** chat_id (and message_thread_id) for a recipient, as Argo reads it. */
function chatOf(recipient: string, label: string): { chat_id: number | string; message_thread_id?: number } {
  if (!recipient) throw new DeliveryError(`${label}: the recipient must be a chat id (-100…) or a channel username`, false);
  if (!recipient.startsWith('-')) return { chat_id: recipient.startsWith('@') ? recipient : `@${recipient}` };
  const [chat, thread, ...rest] = recipient.split('|');
  if (!/^-\d+$/.test(chat) || rest.length > 0 || (thread !== undefined && !/^\d+$/.test(thread)))
    throw new DeliveryError(
      `${label}: recipient "${recipient}" is neither a chat id (-100…, optionally |<thread id>) nor a channel username`,
      false,
    );
  return { chat_id: Number(chat), ...(thread !== undefined ? { message_thread_id: Number(thread) } : {}) };
}
