import { z } from 'zod';
import type { Destination } from '../state/notified.state';
import { type HttpAnswer, httpRequest, statusError } from './http.client';
import { DeliveryError, type NotificationSender, type RenderedNotification, type ServiceConfig } from './notification-service';

// Argo's pushover service: the message, as the application whose token is given, to the user or
// group key that is the recipient. Keys and length are checked before sending, as Argo's client
// checks them: 30 letters or digits each, a message of 1 to 1024 characters.

const KEY = /^[A-Za-z0-9]{30}$/;
const MAX_MESSAGE = 1024;

const options = z.object({
  token: z.string().regex(KEY, 'expected a Pushover application token (30 letters or digits)'),
  /** Flotilla only (Argo always uses Pushover's): the API server, for a test server or a proxy. */
  apiURL: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).default('https://api.pushover.net'),
});
export type PushoverOptions = z.output<typeof options>;

export class PushoverSender implements NotificationSender<PushoverOptions> {
  readonly type = 'pushover';
  readonly options = options;

  secretsOf(o: PushoverOptions): string[] {
    return [o.token];
  }

  async send(notification: RenderedNotification, destination: Destination, service: ServiceConfig<PushoverOptions>): Promise<void> {
    const o = service.options;
    const label = `pushover ${service.name}`;
    if (!KEY.test(destination.recipient))
      throw new DeliveryError(`${label}: the recipient must be a Pushover user or group key (30 letters or digits)`, false);
    const length = [...notification.message].length;
    if (length === 0) throw new DeliveryError(`${label}: the message is empty`, false);
    if (length > MAX_MESSAGE)
      throw new DeliveryError(`${label}: the message has ${length} characters, Pushover takes at most ${MAX_MESSAGE}`, false);
    const answer = await httpRequest({
      url: `${o.apiURL.replace(/\/+$/, '')}/1/messages.json`,
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: o.token, user: destination.recipient, message: notification.message }).toString(),
      label,
    });
    let reply: { status?: unknown; errors?: unknown } | undefined;
    try {
      reply = JSON.parse(answer.body) as typeof reply;
    } catch {
      reply = undefined;
    }
    if (answer.status >= 200 && answer.status <= 299 && reply?.status === 1) return;
    throw pushoverError(label, answer, reply?.errors);
  }
}

/** Pushover's errors list with the status; 4xx are final, except 429 and 5xx. */
function pushoverError(label: string, answer: HttpAnswer, errors: unknown): DeliveryError {
  const text = Array.isArray(errors) && errors.length ? errors.map(String).join('; ') : answer.body;
  if (answer.status >= 200 && answer.status <= 299)
    return new DeliveryError(
      `${label}: Pushover answered HTTP ${answer.status} without status 1: ${text.slice(0, 300)}`,
      true,
      answer.status,
    );
  return statusError(label, { ...answer, body: text }, 'Pushover answered');
}
