import * as http from 'node:http';
import * as https from 'node:https';
import type { WebhookServiceConfig } from '../config/notifications-config.parser';
import type { Destination } from '../state/notified.state';
import { DeliveryError, NotificationSender, RenderedNotification } from './notification-service';

const REQUEST_TIMEOUT_MS = 30_000;

/**
 * Argo's webhook service: without a `webhook.<service>` part in the template it sends the message
 * with GET; with one, its method (default GET), path (appended to the URL) and body.
 */
export class WebhookSender implements NotificationSender<WebhookServiceConfig> {
  readonly type = 'webhook';

  async send(notification: RenderedNotification, destination: Destination, service: WebhookServiceConfig): Promise<void> {
    const override = notification.webhook[destination.service];
    const method = (override?.method || 'GET').toUpperCase();
    const body = override ? (override.body ?? '') : notification.message;
    const url = override?.path ? `${service.url.replace(/\/+$/, '')}/${override.path.replace(/^\/+/, '')}` : service.url;
    const status = await request(url, method, body, service);
    if (status < 200 || status > 299) {
      // 4xx other than timeouts and rate limits will not change on retry (retryablehttp's rule too).
      const retryable = status >= 500 || status === 408 || status === 429;
      throw new DeliveryError(`webhook ${service.name}: ${method} ${redactUrl(url)} answered HTTP ${status}`, retryable, status);
    }
  }
}

function request(rawUrl: string, method: string, body: string, service: WebhookServiceConfig): Promise<number> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return Promise.reject(new DeliveryError(`webhook ${service.name}: invalid URL`, false));
  }
  const headers: Record<string, string> = {};
  for (const h of service.headers) headers[h.name] = h.value;
  if (service.basicAuth) headers.Authorization = `Basic ${Buffer.from(`${service.basicAuth.username}:${service.basicAuth.password}`).toString('base64')}`;
  if (body) headers['Content-Length'] = String(Buffer.byteLength(body));
  const client = url.protocol === 'https:' ? https : http;
  const options: https.RequestOptions = { method, headers, timeout: REQUEST_TIMEOUT_MS, ...(url.protocol === 'https:' ? { rejectUnauthorized: !service.insecureSkipVerify } : {}) };
  return new Promise((resolve, reject) => {
    const req = client.request(url, options, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', (err) => reject(new DeliveryError(`webhook ${service.name}: reading the answer failed: ${err.message}`, true)));
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`)));
    req.on('error', (err) => reject(new DeliveryError(`webhook ${service.name}: ${method} ${redactUrl(url.href)} failed: ${err.message}`, true)));
    req.end(body || undefined);
  });
}

// URLs may carry credentials in userinfo or the query string; logs get neither.
function redactUrl(raw: string): string {
  try {
    const url = new URL(raw);
    return `${url.protocol}//${url.host}${url.pathname}${url.search ? '?…' : ''}`;
  } catch {
    return '(invalid URL)';
  }
}
