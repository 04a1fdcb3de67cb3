import { z } from 'zod';
import type { Destination } from '../state/notified.state';
import { type HttpAnswer, httpRequest, retryAfterMs, statusError } from './http.client';
import {
  DeliveryError,
  type NotificationSender,
  type RenderedNotification,
  type ServiceConfig,
  type SendContext,
} from './notification-service';
import { jsonList } from './sender-parts';

// Argo's rocketchat service: log in with email and password (POST /api/v1/login), then
// chat.postMessage as that user — to a channel for a recipient starting with # or @, else to the
// room whose id it is — with the message, alias, icon (an emoji such as :rocket:) and avatar
// (an http(s) URL), and rocketchat.attachments when the template has a rocketchat part. An icon or
// avatar that is not one is left out with a warning, as Argo does.

const options = z.object({
  serverUrl: z.url({ protocol: /^https?$/, error: 'expected the Rocket.Chat server as an http(s) URL' }),
  email: z.string().min(1),
  password: z.string().min(1),
  alias: z.string().default(''),
  icon: z.string().default(''),
  avatar: z.string().default(''),
});
export type RocketChatOptions = z.output<typeof options>;

const EMOJI = /^:.+:$/;
const part = z.object({ attachments: z.unknown().optional() });

export class RocketChatSender implements NotificationSender<RocketChatOptions> {
  readonly type = 'rocketchat';
  readonly options = options;

  secretsOf(o: RocketChatOptions): string[] {
    return [o.password];
  }

  async send(
    notification: RenderedNotification,
    destination: Destination,
    service: ServiceConfig<RocketChatOptions>,
    context?: SendContext,
  ): Promise<void> {
    const o = service.options;
    const label = `rocketchat ${service.name}`;
    if (!destination.recipient) throw new DeliveryError(`${label}: the recipient must be #channel, @user or a room id`, false);
    const api = `${o.serverUrl.replace(/\/+$/, '')}/api/v1`;
    const message: Record<string, unknown> = { text: notification.message };
    if (o.alias) message.alias = o.alias;
    if (/^[#@]/.test(destination.recipient)) message.channel = destination.recipient;
    else message.roomId = destination.recipient;
    if (o.icon && EMOJI.test(o.icon)) message.emoji = o.icon;
    else if (o.icon)
      context?.logger?.warn({ service: service.name }, `${label}: icon "${o.icon}" is not an emoji such as :rocket:, so it is left out`);
    if (o.avatar && isHttpUrl(o.avatar)) message.avatar = o.avatar;
    else if (o.avatar) context?.logger?.warn({ service: service.name }, `${label}: avatar is not an http(s) URL, so it is left out`);
    if (notification.parts.rocketchat !== undefined) {
      const parsed = part.safeParse(notification.parts.rocketchat);
      message.attachments = (parsed.success ? jsonList(parsed.data.attachments, 'rocketchat.attachments', label) : undefined) ?? [];
    }

    const login = await httpRequest({
      url: `${api}/login`,
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ user: o.email, password: o.password }).toString(),
      label,
    });
    const session = readJson<{ status?: string; data?: { userId?: string; authToken?: string } }>(login);
    if (login.status < 200 || login.status > 299 || session?.status !== 'success' || !session.data?.userId || !session.data.authToken)
      throw rocketError(label, login, `logging in as ${o.email} answered`);

    const post = await httpRequest({
      url: `${api}/chat.postMessage`,
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-User-Id': session.data.userId, 'X-Auth-Token': session.data.authToken },
      body: JSON.stringify(message),
      label,
    });
    const result = readJson<{ success?: boolean }>(post);
    if (post.status < 200 || post.status > 299 || result?.success !== true)
      throw rocketError(label, post, `posting to ${destination.recipient} answered`);
  }
}

function isHttpUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host !== '';
  } catch {
    return false;
  }
}

function readJson<T>(answer: HttpAnswer): T | undefined {
  try {
    return JSON.parse(answer.body) as T;
  } catch {
    return undefined;
  }
}

/** Rocket.Chat's own error text with the status; its rate limiter names the reset time, not Retry-After. */
function rocketError(label: string, answer: HttpAnswer, what: string): DeliveryError {
  const body = readJson<{ error?: unknown; message?: unknown }>(answer);
  const text = typeof body?.error === 'string' ? body.error : typeof body?.message === 'string' ? body.message : undefined;
  if (answer.status >= 200 && answer.status <= 299)
    return new DeliveryError(
      `${label}: ${what} HTTP ${answer.status} without success: ${(text ?? answer.body).slice(0, 300)}`,
      false,
      answer.status,
    );
  const base = statusError(label, { ...answer, body: text ?? answer.body }, what);
  if (answer.status !== 429 || base.retryAfterMs !== undefined) return base;
  const reset = Number(answer.headers['x-ratelimit-reset']);
  const wait = Number.isFinite(reset) && reset > 0 ? Math.max(0, reset - Date.now()) : retryAfterMs(answer.headers['retry-after']);
  return new DeliveryError(base.message, true, 429, wait);
}
