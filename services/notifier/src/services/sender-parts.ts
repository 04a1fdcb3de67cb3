import { DeliveryError } from './notification-service';

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
