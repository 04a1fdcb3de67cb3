import { ExecBudget, type ExecLimits, Template } from '@flotilla/gotemplate';
import type { TemplateConfig } from '../config/notifications-config.parser';
import type { RenderedNotification } from '../services/notification-service';
import { templateNamespaces } from './argo-template.functions';

// Templates run as notifications-engine's pkg/templates runs them: Go text/template over
// `{ app, context, secrets, serviceType, recipient }` plus Argo's `repo` and `time` functions; several templates of one trigger merge, later
// ones overriding earlier ones, and a template missing from the ConfigMap is an error.

type Compiled = { message?: Template; webhook: Record<string, { method?: string; path?: Template; body?: Template }> };

/** How much of an error message a render error quotes: it may carry values the template built. */
const MESSAGE_MAX = 1024;
const cut = (s: string): string => (s.length <= MESSAGE_MAX ? s : `${s.slice(0, MESSAGE_MAX)}... (${s.length - MESSAGE_MAX} more characters)`);

export class TemplateRenderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateRenderError';
  }
}

export interface RenderVars {
  readonly app: unknown;
  readonly context: Readonly<Record<string, string>>;
  readonly secrets: Readonly<Record<string, string>>;
  readonly serviceType: string;
  readonly recipient: string;
}

/** Compiles every template of one configuration once; rendering then only executes. */
export class NotificationRenderer {
  private readonly compiled = new Map<string, Compiled>();
  /** `template.<name>: <parse error>` for each template that could not be parsed. */
  readonly problems: string[] = [];

  constructor(
    templates: ReadonlyMap<string, TemplateConfig>,
    private readonly now: () => Date = () => new Date(),
    /** What one notification's templates may spend, all together (library defaults when absent). */
    private readonly limits?: ExecLimits,
  ) {
    for (const [name, config] of templates) {
      try {
        this.compiled.set(name, compile(name, config));
      } catch (err) {
        this.problems.push(`template.${name}: ${(err as Error).message}`);
      }
    }
  }

  render(templateNames: readonly string[], vars: RenderVars): RenderedNotification {
    // Argo adds notificationType to the context for templates written before serviceType existed.
    const data = { ...templateNamespaces(this.now), ...vars, context: { ...vars.context, notificationType: vars.serviceType }, notificationType: vars.serviceType };
    let message = '';
    const webhook: Record<string, { method?: string; path?: string; body?: string }> = {};
    const budget = new ExecBudget(this.limits);
    const opts = { budget };
    for (const name of templateNames) {
      const template = this.compiled.get(name);
      if (!template) throw new TemplateRenderError(`template "${name}" is not defined (or failed to parse) in argocd-notifications-cm`);
      try {
        if (template.message) message = template.message.execute(data, opts);
        for (const [service, parts] of Object.entries(template.webhook)) {
          webhook[service] = { method: parts.method, path: parts.path?.execute(data, opts), body: parts.body?.execute(data, opts) };
        }
      } catch (err) {
        // A limit error carries no output; other messages are cut, as they may quote what the template built.
        throw new TemplateRenderError(`template "${name}": ${cut((err as Error).message)}`);
      }
    }
    return { message, webhook };
  }
}

function compile(name: string, config: TemplateConfig): Compiled {
  const parse = (part: string, text: string | undefined) => (text === undefined ? undefined : Template.parse(`${name}.${part}`, text, { missingKey: 'default' }));
  const webhook: Compiled['webhook'] = {};
  for (const [service, parts] of Object.entries(config.webhook)) {
    webhook[service] = { method: parts.method, path: parse(`webhook.${service}.path`, parts.path), body: parse(`webhook.${service}.body`, parts.body) };
  }
  return { message: parse('message', config.message), webhook };
}
