import { z } from 'zod';
import type { Destination } from '../state/notified.state';
import { httpRequest, redactUrl, statusError } from './http.client';
import { DeliveryError, type NotificationSender, type RenderedNotification, type ServiceConfig } from './notification-service';

// Argo's older pagerduty service: an incident made through PagerDuty's REST API (POST /incidents)
// with an API token, on the service whose ID is the recipient (`subscribe.<trigger>.pagerduty:
// <serviceID>`), as the user whose email is `from`. The template's `pagerduty` part gives title,
// body, urgency and priorityId. Go reads option and field names without regard to case, so
// serviceID/serviceId and priorityID/priorityId are both taken, as in Argo.

const options = z
  .object({
    token: z.string().min(1),
    from: z.string().default(''),
    serviceId: z.string().optional(),
    serviceID: z.string().optional(),
    /** Flotilla only (Argo always uses PagerDuty's): where the REST API is, for proxies and specs. */
    apiURL: z.string().url().default('https://api.pagerduty.com'),
  })
  .transform(({ serviceID, serviceId, ...rest }) => ({ ...rest, serviceId: serviceId ?? serviceID ?? '' }));
export type PagerDutyOptions = z.output<typeof options>;

const text = z.string().optional();
const incidentPart = z.object({ title: text, body: text, urgency: text, priorityId: text, priorityID: text });

export class PagerDutySender implements NotificationSender<PagerDutyOptions> {
  readonly type = 'pagerduty';
  readonly options = options;

  secretsOf(o: PagerDutyOptions): string[] {
    return [o.token];
  }

  async send(notification: RenderedNotification, destination: Destination, service: ServiceConfig<PagerDutyOptions>): Promise<void> {
    const label = `pagerduty ${service.name}`;
    const o = service.options;
    // Argo posts to the recipient's service; serviceId is only read here when no recipient is given.
    const serviceId = destination.recipient || o.serviceId;
    if (!serviceId) throw new DeliveryError(`${label}: no PagerDuty service: subscribe with the service ID as the recipient`, false);
    if (notification.parts.pagerduty === undefined) throw new DeliveryError(`${label}: the template has no pagerduty part (title, body, urgency, priorityId)`, false);
    const parsed = incidentPart.safeParse(notification.parts.pagerduty);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new DeliveryError(`${label}: template field pagerduty.${issue.path.join('.')}: ${issue.message}`, false);
    }
    const p = parsed.data;
    const priorityId = p.priorityId || p.priorityID;
    const incident: Record<string, unknown> = { type: 'incident', title: p.title ?? '', service: { id: serviceId, type: 'service_reference' } };
    if (priorityId) incident.priority = { id: priorityId, type: 'priority' };
    if (p.urgency) incident.urgency = p.urgency;
    if (p.body) incident.body = { type: 'incident_details', details: p.body };
    const url = `${o.apiURL.replace(/\/+$/, '')}/incidents`;
    const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/vnd.pagerduty+json;version=2', Authorization: `Token token=${o.token}` };
    if (o.from) headers.From = o.from;
    const answer = await httpRequest({ url, method: 'POST', headers, body: JSON.stringify({ incident }), label });
    if (answer.status < 200 || answer.status > 299) throw statusError(label, answer, `POST ${redactUrl(url)} on service ${serviceId} answered`);
  }
}
