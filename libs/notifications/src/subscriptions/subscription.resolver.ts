import { NOTIFICATION_SUBSCRIBE_PREFIX } from '@flotilla/api-types';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { Destination } from '../state/notified.state';
import type { LabelSelector } from './label-selector';

// Who gets which trigger, as notifications-engine's pkg/subscriptions resolves it:
// `notifications.argoproj.io/subscribe.<trigger>.<service>: a;b` on the Application (or its
// AppProject), `subscribe.<service>` (or `subscribe..<service>`) for the default triggers,
// `subscribe_yaml` with a list of {trigger: [...], destinations: [{service, recipients}]}, plus the
// ConfigMap's `subscriptions`.

/** The annotation (a prefix, as notifications-engine matches it) holding subscriptions as YAML. */
export const SUBSCRIBE_YAML_PREFIX = 'notifications.argoproj.io/subscribe_yaml';

const subscribeYamlSchema = z.array(
  z.object({
    trigger: z.array(z.string()).default([]),
    destinations: z.array(z.object({ service: z.string().min(1), recipients: z.array(z.string()).default([]) })).default([]),
  }),
);

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

/**
 * Every destination of the Application: global subscriptions, its own annotations and its project's.
 * An annotation that cannot be read is skipped, with a message naming it pushed to `problems`.
 */
export function resolveDestinations(settings: SubscriptionSettings, app: Subscriber, project?: Subscriber, problems: string[] = []): Destinations {
  const result: Destinations = new Map();
  const add = (trigger: string, dest: Destination) => {
    const list = result.get(trigger) ?? [];
    if (!list.some((d) => d.service === dest.service && d.recipient === dest.recipient)) list.push(dest);
    result.set(trigger, list);
  };
  for (const [trigger, dest] of globalDestinations(settings, app.metadata?.labels ?? {})) add(trigger, dest);
  for (const [owner, kind] of [[app, 'Application'], [project, 'AppProject']] as const) {
    const annotations = owner?.metadata?.annotations ?? {};
    for (const [trigger, dest] of annotationDestinations(settings, annotations)) add(trigger, dest);
    for (const [trigger, dest] of yamlDestinations(annotations, kind, problems)) add(trigger, dest);
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

function* yamlDestinations(annotations: Readonly<Record<string, string>>, owner: string, problems: string[]): Generator<[string, Destination]> {
  for (const [key, value] of Object.entries(annotations)) {
    if (!key.startsWith(SUBSCRIBE_YAML_PREFIX)) continue;
    let subscriptions: z.output<typeof subscribeYamlSchema>;
    try {
      const parsed = subscribeYamlSchema.safeParse(parseYaml(value));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(`${issue.path.join('.') || '(value)'}: ${issue.message}`);
      }
      subscriptions = parsed.data;
    } catch (err) {
      problems.push(`${owner} annotation ${key}: expected a list of {trigger: [...], destinations: [{service, recipients}]}: ${(err as Error).message}`);
      continue;
    }
    for (const sub of subscriptions) {
      for (const trigger of sub.trigger) {
        for (const dest of sub.destinations) for (const recipient of dest.recipients) yield [trigger, { service: dest.service, recipient }];
      }
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
