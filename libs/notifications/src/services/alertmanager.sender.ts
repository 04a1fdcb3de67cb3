import { z } from 'zod';
import type { Destination } from '../state/notified.state';
import { type HttpAnswer, httpRequest, redactUrl, retryableStatus } from './http.client';
import { DeliveryError, type NotificationSender, type RenderedNotification, type SendContext, type ServiceConfig } from './notification-service';

// Argo's alertmanager service: one alert (the template's `alertmanager` labels, annotations and
// generatorURL, starting now) posted to every target at once; the notification is delivered when
// at least one target took it, as Argo counts it.

const options = z.object({
  targets: z.array(z.string().min(1)).default([]),
  scheme: z.string().default(''),
  apiPath: z.string().default(''),
  basicAuth: z.object({ username: z.string(), password: z.string() }).optional(),
  bearerToken: z.string().default(''),
  /** Seconds each target has to answer. */
  timeout: z.number().int().nonnegative().default(0),
  insecureSkipVerify: z.boolean().default(false),
});
export type AlertmanagerOptions = z.output<typeof options>;

const alertPart = z.object({
  labels: z.record(z.string(), z.string()).optional(),
  annotations: z.record(z.string(), z.string()).optional(),
  generatorURL: z.string().optional(),
});

/** The alertname of a notification whose labels have none and that does not say which template it came from. */
export const DEFAULT_ALERTNAME = 'argocd-notifications';

export class AlertmanagerSender implements NotificationSender<AlertmanagerOptions> {
  readonly type = 'alertmanager';
  readonly options = options;

  constructor(private readonly now: () => Date = () => new Date()) {}

  secretsOf(o: AlertmanagerOptions): string[] {
    return [o.basicAuth?.password ?? '', o.bearerToken].filter(Boolean);
  }

  async send(notification: RenderedNotification, _destination: Destination, service: ServiceConfig<AlertmanagerOptions>, context: SendContext): Promise<void> {
    const label = `alertmanager ${service.name}`;
    if (notification.parts.alertmanager === undefined) throw new DeliveryError(`${label}: the template has no alertmanager part`, false);
    const parsed = alertPart.safeParse(notification.parts.alertmanager);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new DeliveryError(`${label}: template field alertmanager.${issue.path.join('.')}: ${issue.message}`, false);
    }
    const labels = nonEmpty(parsed.data.labels);
    if (Object.keys(labels).length === 0) throw new DeliveryError(`${label}: alertmanager.labels needs at least one label`, false);
    // Argo names the alert after its template when the labels have no alertname.
    labels.alertname ??= notification.templates?.[0] ?? DEFAULT_ALERTNAME;
    const annotations = nonEmpty(parsed.data.annotations);
    const generatorURL = httpFromGit(parsed.data.generatorURL || repoURLOf(context.app));
    const alert: Record<string, unknown> = { labels, ...(Object.keys(annotations).length ? { annotations } : {}), generatorURL, startsAt: this.now().toISOString() };
    const body = JSON.stringify([alert]);

    const o = service.options;
    const targets = o.targets.length ? o.targets : ['127.0.0.1:9093'];
    const scheme = o.scheme || 'http';
    const apiPath = o.apiPath || '/api/v2/alerts';
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (o.basicAuth) headers.Authorization = `Basic ${Buffer.from(`${o.basicAuth.username}:${o.basicAuth.password}`).toString('base64')}`;
    else if (o.bearerToken) headers.Authorization = `Bearer ${o.bearerToken}`;

    const results = await Promise.all(
      targets.map(async (target) => {
        const url = `${scheme}://${target}${apiPath}`;
        try {
          const answer = await httpRequest({ url, method: 'POST', headers, body, insecureSkipVerify: o.insecureSkipVerify, timeoutMs: (o.timeout || 3) * 1000, label });
          return answer.status === 200 ? undefined : { target: redactUrl(url), retryable: retryableStatus(answer.status), why: quote(answer) };
        } catch (err) {
          return { target: redactUrl(url), retryable: !(err instanceof DeliveryError) || err.retryable, why: (err as Error).message.replace(`${label}: `, '') };
        }
      }),
    );
    const failures = results.filter((r) => r !== undefined);
    if (failures.length < targets.length) {
      for (const f of failures) context.logger?.warn(`${label}: ${f.target} did not take the alert (${f.why}); another target did`);
      return;
    }
    throw new DeliveryError(`${label}: no target took the alert: ${failures.map((f) => `${f.target}: ${f.why}`).join('; ')}`, failures.some((f) => f.retryable));
  }
}

function nonEmpty(map: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(map ?? {}).filter(([, v]) => v !== ''));
}

function repoURLOf(app: unknown): string {
  const source = (app as { spec?: { source?: { repoURL?: unknown } } })?.spec?.source;
  return typeof source?.repoURL === 'string' ? source.repoURL : '';
}

/** git@host:org/repo becomes https://host/org/repo, so the link opens in a browser. */
function httpFromGit(url: string): string {
  return url.startsWith('git@') ? `https://${url.slice(4).replace(':', '/')}` : url;
}

function quote(answer: HttpAnswer): string {
  const body = answer.body.trim().replace(/\s+/g, ' ');
  return `HTTP ${answer.status}${body ? `: ${body.slice(0, 200)}` : ''}`;
}
