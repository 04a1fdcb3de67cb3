import { z } from 'zod';
import type { Destination } from '../state/notified.state';
import { DEFAULT_TIMEOUT_MS, type HttpAnswer, httpRequest, redactUrl, retryAfterMs, statusError } from './http.client';
import { DeliveryError, type NotificationSender, type RenderedNotification, type ServiceConfig } from './notification-service';

/**
 * A Go duration as Argo's options hold one: a number is nanoseconds (Go's JSON for time.Duration),
 * a string is Go's notation ("1s", "500ms", "1m30s"). Zero or absent takes the default, as in Argo.
 */
const duration = (name: string, fallbackMs: number) =>
  z
    .union([z.number().nonnegative(), z.string()])
    .optional()
    .transform((value, ctx) => {
      const ms = value === undefined ? 0 : typeof value === 'number' ? value / 1e6 : parseGoDuration(value);
      if (ms === undefined) {
        ctx.addIssue({ code: 'custom', message: `${name} "${String(value)}" is not a duration such as 1s, 500ms or 1m30s` });
        return z.NEVER;
      }
      return ms > 0 ? ms : fallbackMs;
    });

const options = z.object({
  url: z.string().min(1),
  headers: z.array(z.object({ name: z.string().min(1), value: z.string() })).default([]),
  basicAuth: z.object({ username: z.string(), password: z.string() }).optional(),
  insecureSkipVerify: z.boolean().default(false),
  /** The first wait before a retry, in ms (Argo: 1s); each next one doubles, up to retryWaitMax (5s). */
  retryWaitMin: duration('retryWaitMin', 1000),
  retryWaitMax: duration('retryWaitMax', 5000),
  /** Retries after the first attempt (Argo: 3; 0 means the default, as in Argo). */
  retryMax: z.number().int().nonnegative().default(0).transform((n) => n || 3),
});
export type WebhookOptions = z.output<typeof options>;

const requestPart = z.object({ method: z.string().optional(), path: z.string().optional(), body: z.string().optional() });

/**
 * Argo's webhook service: without a `webhook.<service>` part in the template it sends the message
 * with GET; with one, its method (default GET), path (appended to the URL) and body. Like Argo's
 * retrying HTTP client it tries again on network errors, 429 and 5xx but 501, waiting retryWaitMin,
 * then twice as long each time up to retryWaitMax (or the Retry-After of a 429/503), at most
 * retryMax times; a Retry-After longer than retryWaitMax is left to the delivery queue. All the
 * attempts of one delivery share one budget (`budgetMs`, the 30 s a single request may take), so a
 * delivery stays within its claim; what is left when the budget runs out is the queue's to retry.
 */
export class WebhookSender implements NotificationSender<WebhookOptions> {
  readonly type = 'webhook';
  readonly options = options;

  secretsOf(o: WebhookOptions): string[] {
    return [...o.headers.map((h) => h.value), o.basicAuth?.password ?? ''].filter(Boolean);
  }

  constructor(
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    private readonly budgetMs = DEFAULT_TIMEOUT_MS,
  ) {}

  async send(notification: RenderedNotification, destination: Destination, service: ServiceConfig<WebhookOptions>): Promise<void> {
    const o = service.options;
    const byName = z.record(z.string(), requestPart).safeParse(notification.parts.webhook ?? {});
    const override = byName.success ? byName.data[destination.service] : undefined;
    const method = (override?.method || 'GET').toUpperCase();
    const body = override ? (override.body ?? '') : notification.message;
    const url = override?.path ? `${o.url.replace(/\/+$/, '')}/${override.path.replace(/^\/+/, '')}` : o.url;
    const headers: Record<string, string> = {};
    for (const h of o.headers) headers[h.name] = h.value;
    if (o.basicAuth) headers.Authorization = `Basic ${Buffer.from(`${o.basicAuth.username}:${o.basicAuth.password}`).toString('base64')}`;
    const label = `webhook ${service.name}`;
    const deadline = Date.now() + this.budgetMs;
    for (let attempt = 0; ; attempt++) {
      let answer: HttpAnswer | undefined;
      let error: DeliveryError;
      try {
        answer = await httpRequest({ url, method, headers, body, insecureSkipVerify: o.insecureSkipVerify, label, timeoutMs: Math.max(1, deadline - Date.now()) });
        if (answer.status >= 200 && answer.status <= 299) return;
        error = statusError(label, answer, `${method} ${redactUrl(url)} answered`);
      } catch (err) {
        if (!(err instanceof DeliveryError)) throw err;
        error = err;
      }
      const again = answer ? answer.status === 429 || (answer.status >= 500 && answer.status !== 501) : error.retryable;
      if (!again || attempt >= o.retryMax) throw error;
      const asked = answer && (answer.status === 429 || answer.status === 503) ? retryAfterMs(answer.headers['retry-after']) : undefined;
      if (asked !== undefined && asked > o.retryWaitMax) throw new DeliveryError(error.message, true, error.statusCode, asked);
      const wait = asked ?? Math.min(o.retryWaitMax, o.retryWaitMin * 2 ** attempt);
      if (Date.now() + wait >= deadline) throw error;
      await this.sleep(wait);
    }
  }
}

const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Go's time.ParseDuration notation, in ms; undefined when it is not one. */
export function parseGoDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '0') return 0;
  if (!/^(\d+(\.\d+)?(ns|us|µs|μs|ms|s|m|h))+$/.test(trimmed)) return undefined;
  let total = 0;
  for (const [, number, unit] of trimmed.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|μs|ms|s|m|h)/g)) total += Number(number) * UNIT_MS[unit];
  return total;
}
