import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { LabelSelector } from '../subscriptions/label-selector';
import type { GlobalSubscription, SubscriptionSettings } from '../subscriptions/subscription.resolver';
import { compileTrigger, Trigger } from '../triggers/trigger.evaluator';

// argocd-notifications-cm + argocd-notifications-secret → one immutable NotificationsConfig, with
// the keys notifications-engine's pkg/api/config.go reads. A bad key is reported and skipped so the
// rest of the configuration keeps working.

export interface WebhookServiceConfig {
  readonly type: 'webhook';
  readonly name: string;
  readonly url: string;
  readonly headers: readonly { name: string; value: string }[];
  readonly basicAuth?: { readonly username: string; readonly password: string };
  readonly insecureSkipVerify: boolean;
}

/** A service type Flotilla does not deliver to yet (slack, email…): known, so it is warned about, not an error. */
export interface UnsupportedServiceConfig {
  readonly type: string;
  readonly name: string;
  readonly unsupported: true;
}

export type ServiceConfig = WebhookServiceConfig | UnsupportedServiceConfig;

export interface WebhookTemplate {
  readonly method?: string;
  readonly path?: string;
  readonly body?: string;
}

export interface TemplateConfig {
  readonly name: string;
  readonly message?: string;
  /** Per webhook service name. */
  readonly webhook: Readonly<Record<string, WebhookTemplate>>;
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

const webhookSchema = z.object({
  url: z.string().min(1),
  headers: z.array(z.object({ name: z.string().min(1), value: z.string() })).default([]),
  basicAuth: z.object({ username: z.string(), password: z.string() }).optional(),
  insecureSkipVerify: z.boolean().default(false),
});

const templateSchema = z.looseObject({
  message: z.string().optional(),
  webhook: z.record(z.string(), z.object({ method: z.string().optional(), path: z.string().optional(), body: z.string().optional() })).default({}),
});

const subscriptionsSchema = z.array(
  z.object({ recipients: z.array(z.string()).default([]), triggers: z.array(z.string()).default([]), selector: z.string().optional() }),
);

const stringList = z.array(z.string());
const stringMap = z.record(z.string(), z.unknown());

// `$name` (letters, digits, _ and -) is replaced by that key of the Secret, as in Argo.
const SECRET_REF = /\$[\w-]+/g;

export function parseNotificationsConfig(data: Readonly<Record<string, string>> = {}, secretData: Readonly<Record<string, string>> = {}): ParsedConfig {
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
    if (key.startsWith('service.')) attempt(key, () => addService(services, key, value, secretData, sensitive));
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

function addService(services: Map<string, ServiceConfig>, key: string, value: string, secretData: Readonly<Record<string, string>>, sensitive: Set<string>): void {
  const parts = key.split('.');
  if (parts.length !== 2 && parts.length !== 3) throw new Error("expected 'service.<type>' or 'service.<type>.<name>'");
  const [type, name] = [parts[1], parts[2] ?? parts[1]];
  if (type !== 'webhook') {
    services.set(name, { type, name, unsupported: true });
    return;
  }
  const opts = parseWith(webhookSchema, value, (s) => substituteSecrets(s, secretData));
  for (const h of opts.headers) if (h.value) sensitive.add(h.value);
  if (opts.basicAuth?.password) sensitive.add(opts.basicAuth.password);
  services.set(name, { type: 'webhook', name, ...opts });
}

function parseTemplate(name: string, value: string): TemplateConfig {
  const parsed = parseWith(templateSchema, value);
  return { name, message: parsed.message, webhook: parsed.webhook };
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
