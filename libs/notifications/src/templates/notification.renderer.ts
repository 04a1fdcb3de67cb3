import { ExecBudget, type ExecLimits, Template } from '@flotilla/gotemplate';
import type { TemplateConfig } from '../config/notifications-config.parser';
import type { RenderedNotification } from '../services/notification-service';
import { templateNamespaces } from './argo-template.functions';

// Templates run as notifications-engine's pkg/templates runs them: Go text/template over
// `{ app, context, secrets, serviceType, recipient }` plus Argo's `repo` and `time` functions; several templates of one trigger merge, later
// ones overriding earlier ones, and a template missing from the ConfigMap is an error.

/** A template part with every string compiled; other values stay as written. */
type CompiledPart = Template | CompiledPart[] | { [key: string]: CompiledPart } | string | number | boolean | null;
type Compiled = { message?: Template; parts: Record<string, CompiledPart> };

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
    let parts: Record<string, unknown> = {};
    const budget = new ExecBudget(this.limits);
    const opts = { budget };
    for (const name of templateNames) {
      const template = this.compiled.get(name);
      if (!template) throw new TemplateRenderError(`template "${name}" is not defined (or failed to parse) in argocd-notifications-cm`);
      try {
        if (template.message) message = template.message.execute(data, opts);
        parts = merge(parts, execute(template.parts, (t) => t.execute(data, opts))) as Record<string, unknown>;
      } catch (err) {
        // A limit error carries no output; other messages are cut, as they may quote what the template built.
        throw new TemplateRenderError(`template "${name}": ${cut((err as Error).message)}`);
      }
    }
    return { message, parts, templates: [...templateNames] };
  }
}

function compile(name: string, config: TemplateConfig): Compiled {
  const parse = (part: string, text: string) => Template.parse(`${name}.${part}`, text, { missingKey: 'default' });
  const walk = (value: unknown, path: string): CompiledPart => {
    if (typeof value === 'string') return parse(path, value);
    if (Array.isArray(value)) return value.map((v, i) => walk(v, `${path}[${i}]`));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, `${path}.${k}`)]));
    return value as CompiledPart;
  };
  const parts: Record<string, CompiledPart> = {};
  for (const [key, value] of Object.entries(config.parts)) parts[key] = walk(value, key);
  return { message: config.message === undefined ? undefined : parse('message', config.message), parts };
}

function execute(part: CompiledPart, run: (t: Template) => string): unknown {
  if (part instanceof Template) return run(part);
  if (Array.isArray(part)) return part.map((p) => execute(p, run));
  if (part && typeof part === 'object') return Object.fromEntries(Object.entries(part).map(([k, v]) => [k, execute(v, run)]));
  return part;
}

/** A later template's fields replace an earlier one's, field by field, as notifications-engine applies them in turn. */
function merge(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = k in out ? merge(out[k], v) : v;
  return out;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
