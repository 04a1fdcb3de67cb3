import { z } from 'zod';
import type { Destination } from '../state/notified.state';
import { httpRequest, redactUrl, statusError } from './http.client';
import type { NotificationSender, RenderedNotification, ServiceConfig } from './notification-service';

const options = z.object({
  url: z.string().min(1),
  headers: z.array(z.object({ name: z.string().min(1), value: z.string() })).default([]),
  basicAuth: z.object({ username: z.string(), password: z.string() }).optional(),
  insecureSkipVerify: z.boolean().default(false),
});
export type WebhookOptions = z.output<typeof options>;

const requestPart = z.object({ method: z.string().optional(), path: z.string().optional(), body: z.string().optional() });

/**
 * Argo's webhook service: without a `webhook.<service>` part in the template it sends the message
 * with GET; with one, its method (default GET), path (appended to the URL) and body.
 */
export class WebhookSender implements NotificationSender<WebhookOptions> {
  readonly type = 'webhook';
  readonly options = options;

  secretsOf(o: WebhookOptions): string[] {
    return [...o.headers.map((h) => h.value), o.basicAuth?.password ?? ''].filter(Boolean);
  }

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
    const answer = await httpRequest({ url, method, headers, body, insecureSkipVerify: o.insecureSkipVerify, label });
    if (answer.status < 200 || answer.status > 299) throw statusError(label, answer, `${method} ${redactUrl(url)} answered`);
  }
}
