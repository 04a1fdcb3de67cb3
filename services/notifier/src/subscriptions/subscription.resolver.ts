import { NOTIFICATION_SUBSCRIBE_PREFIX } from '@flotilla/api-types';
import type { Destination } from '../state/notified.state';
import type { LabelSelector } from './label-selector';

// Who gets which trigger, as notifications-engine's pkg/subscriptions resolves it:
// `notifications.argoproj.io/subscribe.<trigger>.<service>: a;b` on the Application (or its
// AppProject), `subscribe.<service>` for the default triggers, plus the ConfigMap's `subscriptions`.

export interface GlobalSubscription {
  /** `<service>:<recipient>` entries. */
  readonly recipients: readonly string[];
  readonly triggers: readonly string[];
  readonly selector: LabelSelector;
}

export interface SubscriptionSettings {
  readonly subscriptions: readonly GlobalSubscription[];
  readonly defaultTriggers: readonly string[];
  readonly serviceDefaultTriggers: ReadonlyMap<string, readonly string[]>;
}

/** Destinations per trigger name, without duplicates. */
export type Destinations = Map<string, Destination[]>;

/** An Application or AppProject: only its labels and annotations matter here. */
export interface Subscriber {
  readonly metadata?: { readonly labels?: Readonly<Record<string, string>>; readonly annotations?: Readonly<Record<string, string>> };
}

/** Every destination of the Application: global subscriptions, its own annotations and its project's. */
export function resolveDestinations(settings: SubscriptionSettings, app: Subscriber, project?: Subscriber): Destinations {
  const result: Destinations = new Map();
  const add = (trigger: string, dest: Destination) => {
    const list = result.get(trigger) ?? [];
    if (!list.some((d) => d.service === dest.service && d.recipient === dest.recipient)) list.push(dest);
    result.set(trigger, list);
  };
  for (const [trigger, dest] of globalDestinations(settings, app.metadata?.labels ?? {})) add(trigger, dest);
  for (const owner of [app, project]) {
    for (const [trigger, dest] of annotationDestinations(settings, owner?.metadata?.annotations ?? {})) add(trigger, dest);
  }
  return result;
}

function* globalDestinations(settings: SubscriptionSettings, labels: Readonly<Record<string, string>>): Generator<[string, Destination]> {
  for (const sub of settings.subscriptions) {
    if (!sub.selector.matches(labels)) continue;
    const triggers = sub.triggers.length > 0 ? sub.triggers : settings.defaultTriggers;
    for (const trigger of triggers) {
      for (const recipient of sub.recipients) {
        const [service, ...rest] = recipient.split(':');
        yield [trigger, { service, recipient: rest.length > 0 ? rest[0] : '' }];
      }
    }
  }
}

function* annotationDestinations(settings: SubscriptionSettings, annotations: Readonly<Record<string, string>>): Generator<[string, Destination]> {
  for (const [key, value] of Object.entries(annotations)) {
    if (!key.startsWith(NOTIFICATION_SUBSCRIBE_PREFIX)) continue;
    const parts = key.slice(NOTIFICATION_SUBSCRIBE_PREFIX.length).split('.');
    const [trigger, service] = parts.length >= 2 ? [parts[0], parts[1]] : ['', parts[0]];
    if (!service) continue;
    const triggers = trigger ? [trigger] : (settings.serviceDefaultTriggers.get(service) ?? settings.defaultTriggers);
    for (const recipient of parseRecipients(value)) {
      for (const t of triggers) yield [t, { service, recipient }];
    }
  }
}

/** `a; b;;c` → [a, b, c]; an empty value is one empty recipient (services like webhook need none). */
export function parseRecipients(value: string): string[] {
  if (value === '') return [''];
  return value
    .split(';')
    .map((r) => r.trim())
    .filter((r) => r !== '');
}
