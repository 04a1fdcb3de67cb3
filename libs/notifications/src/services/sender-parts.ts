import { DeliveryError } from './notification-service';
import { maskSecrets } from './secret.mask';

// Reading what several chat services share: a webhook chosen by recipient, and template fields
// that Argo keeps as JSON text (attachments, facts, sections) but YAML may also write as lists.

/** The recipient's webhook URL, or a permanent failure naming the recipient (never the URL). */
export function webhookFor(urls: Readonly<Record<string, string>>, recipient: string, label: string, option = 'recipientUrls'): string {
  if (!Object.hasOwn(urls, recipient)) {
    const known = Object.keys(urls);
    throw new DeliveryError(
      `${label}: no webhook is configured for recipient "${recipient}" (${option} has ${known.length ? known.map((k) => `"${k}"`).join(', ') : 'none'})`,
      false,
    );
  }
  return urls[recipient];
}

/** A template field holding a JSON array as text (as Argo has it) or written as a YAML list. */
export function jsonList(value: unknown, field: string, label: string): Record<string, unknown>[] | undefined {
  if (value === undefined || value === '') return undefined;
  let parsed: unknown = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value) as unknown;
    } catch (err) {
      throw new DeliveryError(`${label}: ${field} is not valid JSON: ${(err as Error).message}`, false);
    }
  }
  if (!Array.isArray(parsed) || !parsed.every((e) => e && typeof e === 'object' && !Array.isArray(e)))
    throw new DeliveryError(`${label}: ${field} must be a JSON array of objects`, false);
  return parsed as Record<string, unknown>[];
}

/**
 * A request whose URL is a credential (a Teams webhook's path is): a failure that quotes the URL,
 * as a network error does, has its path masked.
 */
export async function hidingUrl<T>(url: string, request: Promise<T>): Promise<T> {
  try {
    return await request;
  } catch (err) {
    if (!(err instanceof DeliveryError)) throw err;
    let path = '';
    try {
      path = new URL(url).pathname;
    } catch {
      // An unparsable URL is never quoted by the HTTP client.
    }
    throw new DeliveryError(maskSecrets(err.message, [url, path.length > 1 ? path : '']), err.retryable, err.statusCode, err.retryAfterMs);
  }
}
