import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { LabelSelector } from '../subscriptions/label-selector';
import type { GlobalSubscription, SubscriptionSettings } from '../subscriptions/subscription.resolver';
import { compileTrigger, Trigger } from '../triggers/trigger.evaluator';
import type { NotificationSender, ServiceConfig } from '../services/notification-service';
import { defaultSenders } from '../services/senders';

// argocd-notifications-cm + argocd-notifications-secret → one immutable NotificationsConfig, with
// the keys notifications-engine's pkg/api/config.go reads. A bad key is reported and skipped so the
// rest of the configuration keeps working.

export type { ServiceConfig } from '../services/notification-service';

export interface TemplateConfig {
  readonly name: string;
  readonly message?: string;
  /** Every other key of the template (`slack`, `email`, `webhook`…), as written; strings in it are templates. */
  readonly parts: Readonly<Record<string, unknown>>;
}

export interface NotificationsConfig extends SubscriptionSettings {
  readonly services: ReadonlyMap<string, ServiceConfig>;
  readonly templates: ReadonlyMap<string, TemplateConfig>;
  readonly triggers: ReadonlyMap<string, Trigger>;
  readonly context: Readonly<Record<string, string>>;
  /** argocd-notifications-secret's values, for `.secrets` in templates. */
  readonly secrets: Readonly<Record<string, string>>;
  /** Strings that must never be logged: the Secret's values, passwords and header values. */
  readonly sensitive: readonly string[];
}

export interface ParsedConfig {
  readonly config: NotificationsConfig;
  /** One message per key that was skipped, naming the key. */
  readonly problems: readonly string[];
}

const templateSchema = z.looseObject({ message: z.string().optional() });

const subscriptionsSchema = z.array(
  z.object({ recipients: z.array(z.string()).default([]), triggers: z.array(z.string()).default([]), selector: z.string().optional() }),
);

const stringList = z.array(z.string());
const stringMap = z.record(z.string(), z.unknown());

// `$name` (letters, digits, _ and -) is replaced by that key of the Secret, as in Argo.
const SECRET_REF = /\$[\w-]+/g;

export function parseNotificationsConfig(
  data: Readonly<Record<string, string>> = {},
  secretData: Readonly<Record<string, string>> = {},
  senders: readonly NotificationSender[] = defaultSenders(),
): ParsedConfig {
  const types = new Map(senders.map((s) => [s.type, s]));
  const problems: string[] = [];
  const sensitive = new Set(Object.values(secretData).filter((v) => v.length > 0));
  const services = new Map<string, ServiceConfig>();
  const templates = new Map<string, TemplateConfig>();
  const triggers = new Map<string, Trigger>();
  const serviceDefaultTriggers = new Map<string, string[]>();
  const attempt = (key: string, fn: () => void) => {
    try {
      fn();
    } catch (err) {
      problems.push(`${key}: ${(err as Error).message}`);
    }
  };

  for (const [key, value] of Object.entries(data)) {
    if (key.startsWith('service.')) attempt(key, () => addService(services, types, key, value, secretData, sensitive));
    else if (key.startsWith('template.')) attempt(key, () => templates.set(key.slice(9), parseTemplate(key.slice(9), value)));
    else if (key.startsWith('trigger.')) attempt(key, () => triggers.set(key.slice(8), compileTrigger(key.slice(8), value)));
    else if (key.startsWith('defaultTriggers.')) attempt(key, () => serviceDefaultTriggers.set(key.slice(16), parseWith(stringList, value)));
  }

  let defaultTriggers: string[] = [];
  let subscriptions: GlobalSubscription[] = [];
  let context: Record<string, string> = {};
  if (data.defaultTriggers !== undefined) attempt('defaultTriggers', () => (defaultTriggers = parseWith(stringList, data.defaultTriggers)));
  if (data.subscriptions !== undefined) attempt('subscriptions', () => (subscriptions = parseSubscriptions(data.subscriptions)));
  if (data.context !== undefined) attempt('context', () => (context = stringify(parseWith(stringMap, data.context))));

  return {
    config: { services, templates, triggers, defaultTriggers, serviceDefaultTriggers, subscriptions, context, secrets: { ...secretData }, sensitive: [...sensitive] },
    problems,
  };
}

function addService(
  services: Map<string, ServiceConfig>,
  types: ReadonlyMap<string, NotificationSender>,
  key: string,
  value: string,
  secretData: Readonly<Record<string, string>>,
  sensitive: Set<string>,
): void {
  const parts = key.split('.');
  if (parts.length !== 2 && parts.length !== 3) throw new Error("expected 'service.<type>' or 'service.<type>.<name>'");
  const [type, name] = [parts[1], parts[2] ?? parts[1]];
  const sender = types.get(type);
  if (!sender) throw new Error(`"${type}" is not a notification service type Flotilla knows (known: ${[...types.keys()].sort().join(', ')})`);
  const options = parseWith(sender.options, value, (s) => substituteSecrets(s, secretData));
  for (const secret of sender.secretsOf?.(options) ?? []) if (secret) sensitive.add(secret);
  services.set(name, { type, name, options });
}

function parseTemplate(name: string, value: string): TemplateConfig {
  const { message, ...parts } = parseWith(templateSchema, value) as { message?: string } & Record<string, unknown>;
  return { name, message, parts };
}

function parseSubscriptions(value: string): GlobalSubscription[] {
  return parseWith(subscriptionsSchema, value).map((s) => ({ recipients: s.recipients, triggers: s.triggers, selector: LabelSelector.parse(s.selector) }));
}

/** YAML → schema; string scalars pass through `mapString` first (for secret references). */
function parseWith<S extends z.ZodType>(schema: S, yamlText: string, mapString?: (s: string) => string): z.output<S> {
  let raw = parseYaml(yamlText) as unknown;
  if (mapString) raw = mapStrings(raw, mapString);
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`${issue.path.length > 0 ? issue.path.join('.') : '(value)'}: ${issue.message}`);
}

function mapStrings(value: unknown, fn: (s: string) => string): unknown {
  if (typeof value === 'string') return fn(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, fn));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, fn)]));
  return value;
}

// An unknown reference stays as written, as Argo leaves it (and warns), so the request shows what is missing.
function substituteSecrets(text: string, secretData: Readonly<Record<string, string>>): string {
  return text.replace(SECRET_REF, (ref) => (Object.hasOwn(secretData, ref.slice(1)) ? secretData[ref.slice(1)] : ref));
}

function stringify(map: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
}
