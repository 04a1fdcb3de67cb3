import { z } from 'zod';
import type { Destination } from '../state/notified.state';
import { httpRequest, type HttpAnswer, redactUrl, retryAfterMs, retryableStatus, statusError } from './http.client';
import {
  DeliveryError,
  type NotificationSender,
  type RenderedNotification,
  type SendContext,
  type ServiceConfig,
} from './notification-service';

// notifications-engine's Slack service (pkg/services/slack.go, pkg/util/slack/client.go, slack-go
// v0.16): chat.postMessage / chat.update with the bot token, form-encoded, channel = recipient
// (a name or an ID; Slack takes both), text = the message, username and icon from the template's
// `slack` part or the service, attachments and blocks parsed from the template's JSON strings.
// groupingKey threads: the first message's ts per (channel, groupingKey) is remembered (here in the
// SenderStore, shared by the replicas, where Argo keeps it in process memory) and later messages of
// the key reply in its thread; deliveryPolicy Update/PostAndUpdate edit that first message.
//
// Differences, on purpose: the token goes in `Authorization: Bearer` (slack-go puts it in the form
// body; Slack takes either); `apiURL` gets the trailing slash slack-go's concatenation needs;
// `webhookURL` (Flotilla's, not Argo's: Argo sends to incoming webhooks with service.webhook) posts
// to an incoming webhook instead, which cannot thread or update.

export const SLACK_API_URL = 'https://slack.com/api/';
/** How long a grouping key's first message is remembered for threading (Argo: until restart). */
export const THREAD_TTL_MS = 30 * 24 * 3600 * 1000;

const options = z
  .object({
    token: z.string().optional(),
    /** Flotilla's: an incoming webhook URL, used when there is no token. */
    webhookURL: z.string().optional(),
    username: z.string().optional(),
    icon: z.string().optional(),
    /** Verifies Slack's interactive callbacks (buttons); kept (and masked) for parity, nothing here receives callbacks. */
    signingSecret: z.string().optional(),
    /** Accepted as Argo accepts it; unused there too. */
    channels: z.array(z.string()).default([]),
    apiURL: z.string().min(1).default(SLACK_API_URL),
    disableUnfurl: z.boolean().default(false),
    insecureSkipVerify: z.boolean().default(false),
    // Argo's http transport options (maxIdleConns, idleConnTimeout…) are accepted and have no effect.
    maxIdleConns: z.number().optional(),
    maxIdleConnsPerHost: z.number().optional(),
    maxConnsPerHost: z.number().optional(),
    idleConnTimeout: z.string().optional(),
  })
  .superRefine((o, ctx) => {
    if (!o.token && !o.webhookURL)
      ctx.addIssue({
        code: 'custom',
        path: ['token'],
        message:
          'required: the bot token (xoxb-…), usually $slack-token from argocd-notifications-secret (or webhookURL for an incoming webhook)',
      });
  });
export type SlackOptions = z.output<typeof options>;

export type DeliveryPolicy = 'Post' | 'PostAndUpdate' | 'Update';

const part = z.object({
  username: z.string().optional(),
  icon: z.string().optional(),
  attachments: z.string().optional(),
  blocks: z.string().optional(),
  groupingKey: z.string().optional(),
  notifyBroadcast: z.union([z.boolean(), z.string().transform((s) => s.trim() === 'true')]).optional(),
  deliveryPolicy: z.string().optional(),
});
export type SlackPart = z.output<typeof part>;

/** Remembered per (channel, groupingKey): the first message, to thread under and to update. */
interface Thread {
  readonly ts: string;
  /** The channel ID Slack answered (chat.update needs the ID, not the name). */
  readonly channel: string;
}

/** Slack's answer errors that another attempt may not get. */
const TRANSIENT = new Set(['ratelimited', 'internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);
const HINTS: Record<string, string> = {
  channel_not_found: 'no such channel, or the bot cannot see it (a private channel must have the bot invited)',
  not_in_channel: 'the bot is not a member of the channel: invite it (/invite @bot)',
  invalid_auth: 'the token is not valid: check slack-token in argocd-notifications-secret',
  not_authed: 'no token was sent: check service.slack token and argocd-notifications-secret',
  account_inactive: 'the token belongs to a deleted user or app',
  missing_scope: 'the token lacks a scope: chat:write (and chat:write.customize for username/icon)',
  msg_too_long: 'the message text is longer than Slack takes',
  invalid_blocks: 'Slack rejected slack.blocks',
  invalid_attachments: 'Slack rejected slack.attachments',
  thread_not_found: 'the remembered thread of this groupingKey is gone',
  message_not_found: 'the remembered message of this groupingKey is gone',
  is_archived: 'the channel is archived',
};

const EMOJI = /^:.+:$/;

/** `icon` → icon_emoji (`:name:`) or icon_url (an http(s) URL); anything else is left out, as Argo does. */
export function iconField(icon: string | undefined): Record<string, string> {
  if (!icon) return {};
  if (EMOJI.test(icon)) return { icon_emoji: icon };
  try {
    const url = new URL(icon);
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.host) return { icon_url: icon };
  } catch {
    // not a URL
  }
  return {};
}

/** `slack.attachments` / `slack.blocks`: a JSON array as a string; an error names the field and service. */
function parseJsonList(label: string, field: 'attachments' | 'blocks', text: string | undefined): unknown[] | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new DeliveryError(`${label}: template field slack.${field} is not valid JSON (${(err as Error).message})`, false);
  }
  if (!Array.isArray(value))
    throw new DeliveryError(
      `${label}: template field slack.${field} must be a JSON array, got ${value === null ? 'null' : typeof value}`,
      false,
    );
  return value as unknown[];
}

export function deliveryPolicy(value: string | undefined): DeliveryPolicy {
  // notifications-engine's FromString: anything else is Post.
  return value === 'PostAndUpdate' || value === 'Update' ? value : 'Post';
}

const withSlash = (url: string): string => (url.endsWith('/') ? url : `${url}/`);

/** Slack's service: bot token (chat.postMessage, chat.update, threads) or an incoming webhook. */
export class SlackSender implements NotificationSender<SlackOptions> {
  readonly type = 'slack';
  readonly options = options;

  secretsOf(o: SlackOptions): string[] {
    return [o.token ?? '', o.signingSecret ?? '', o.webhookURL ?? ''].filter(Boolean);
  }

  async send(
    notification: RenderedNotification,
    destination: Destination,
    service: ServiceConfig<SlackOptions>,
    context: SendContext,
  ): Promise<void> {
    const o = service.options;
    const label = `slack ${service.name}`;
    const parsed = part.safeParse(notification.parts.slack ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new DeliveryError(`${label}: template field slack.${issue.path.join('.')}: ${issue.message}`, false);
    }
    const slack = parsed.data;
    const attachments = parseJsonList(label, 'attachments', slack.attachments);
    const blocks = parseJsonList(label, 'blocks', slack.blocks);
    const message: Record<string, unknown> = {
      text: notification.message,
      ...(slack.username || o.username ? { username: slack.username || o.username } : {}),
      ...iconField(slack.icon || o.icon),
      ...(attachments ? { attachments } : {}),
      ...(blocks ? { blocks } : {}),
      ...(o.disableUnfurl ? { unfurl_links: false, unfurl_media: false } : {}),
    };
    if (!o.token) return this.sendToWebhook(o, label, destination, message, slack, context);

    const channel = destination.recipient;
    const groupingKey = slack.groupingKey ?? '';
    const policy = deliveryPolicy(slack.deliveryPolicy);
    const key = `thread:${channel}:${groupingKey}`;
    const thread = groupingKey ? readThread(await context.store.get(key)) : undefined;
    const call = (method: string, body: Record<string, unknown>) => this.call(o, label, method, body);

    if (!thread || policy !== 'Update') {
      const reply = thread ? { thread_ts: thread.ts, ...(slack.notifyBroadcast ? { reply_broadcast: true } : {}) } : {};
      const answer = await call('chat.postMessage', { channel, ...message, ...reply });
      if (groupingKey && !thread && typeof answer.ts === 'string') {
        const remembered: Thread = { ts: answer.ts, channel: typeof answer.channel === 'string' ? answer.channel : channel };
        await context.store.set(key, JSON.stringify(remembered), THREAD_TTL_MS);
      }
    }
    if (thread && policy !== 'Post') await call('chat.update', { channel: thread.channel, ts: thread.ts, as_user: true, ...message });
  }

  /** One Web API call; Slack's `ok:false` answers become DeliveryErrors naming the error. */
  private async call(o: SlackOptions, label: string, method: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
    const url = `${withSlash(o.apiURL)}${method}`;
    const form = new URLSearchParams();
    for (const [k, v] of Object.entries(body)) if (v !== undefined) form.set(k, typeof v === 'string' ? v : JSON.stringify(v));
    const answer = await httpRequest({
      url,
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: `Bearer ${o.token}` },
      body: form.toString(),
      insecureSkipVerify: o.insecureSkipVerify,
      label,
    });
    const where = `${method} to "${String(body.channel)}"`;
    if (answer.status === 429) throw rateLimited(label, where, answer);
    if (answer.status < 200 || answer.status > 299) throw statusError(label, answer, `${method} ${redactUrl(url)} answered`);
    let json: { ok?: unknown; error?: unknown; response_metadata?: { messages?: unknown } } & Record<string, unknown>;
    try {
      json = JSON.parse(answer.body) as typeof json;
    } catch {
      throw new DeliveryError(
        `${label}: ${method} ${redactUrl(url)} answered HTTP ${answer.status} with something that is not Slack's JSON: ${answer.body.slice(0, 120)}`,
        false,
        answer.status,
      );
    }
    if (json.ok === true) return json;
    const error = typeof json.error === 'string' ? json.error : 'unknown_error';
    const details = Array.isArray(json.response_metadata?.messages)
      ? ` [${(json.response_metadata.messages as unknown[]).map(String).join('; ')}]`
      : '';
    const hint = HINTS[error] ? ` (${HINTS[error]})` : '';
    if (error === 'ratelimited') throw rateLimited(label, where, answer);
    throw new DeliveryError(`${label}: ${where} failed: ${error}${hint}${details}`, TRANSIENT.has(error), answer.status);
  }

  /** An incoming webhook: one JSON POST; it has no ts to thread under or update. */
  private async sendToWebhook(
    o: SlackOptions,
    label: string,
    destination: Destination,
    message: Record<string, unknown>,
    slack: SlackPart,
    context: SendContext,
  ): Promise<void> {
    if (slack.groupingKey || (slack.deliveryPolicy && slack.deliveryPolicy !== 'Post'))
      context.logger?.warn(
        { service: label },
        `${label}: an incoming webhook cannot thread or update messages; slack.groupingKey/deliveryPolicy are ignored (use a bot token)`,
      );
    const body = JSON.stringify({ ...(destination.recipient ? { channel: destination.recipient } : {}), ...message });
    const url = o.webhookURL!;
    const answer = await httpRequest({
      url,
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
      insecureSkipVerify: o.insecureSkipVerify,
      label,
    });
    if (answer.status === 429) throw rateLimited(label, `incoming webhook ${redactUrl(url)}`, answer);
    if (answer.status < 200 || answer.status > 299) throw statusError(label, answer, `incoming webhook ${redactUrl(url)} answered`);
  }
}

function rateLimited(label: string, where: string, answer: HttpAnswer): DeliveryError {
  const wait = retryAfterMs(answer.headers['retry-after']);
  return new DeliveryError(
    `${label}: ${where} was rate limited by Slack${wait !== undefined ? ` (Retry-After ${Math.ceil(wait / 1000)} s)` : ''}`,
    retryableStatus(429),
    answer.status,
    wait,
  );
}

function readThread(raw: string | undefined): Thread | undefined {
  if (!raw) return undefined;
  try {
    const t = JSON.parse(raw) as Partial<Thread>;
    return typeof t.ts === 'string' && typeof t.channel === 'string' ? { ts: t.ts, channel: t.channel } : undefined;
  } catch {
    return undefined;
  }
}
