import {
  MemorySenderStore,
  NotificationRenderer,
  NotificationSenderRegistry,
  maskSecrets,
  parseNotificationsConfig,
  runTrigger,
  type NotificationSender,
  type NotificationsConfig,
  type RenderedNotification,
} from '@flotilla/notifications';

// What `trigger run` and `template notify` do, on a configuration read once: evaluate a trigger on
// one Application, render a template for it, and send it through the senders the notifier uses,
// so a team can try a template before it is subscribed to it.

export interface ConditionOutcome {
  readonly condition: string;
  readonly result: boolean;
  readonly error?: string;
}

export interface NotifyOutcome {
  /** `<service>:<recipient>`, as given. */
  readonly recipient: string;
  readonly error?: string;
}

export class NotificationsAdmin {
  readonly config: NotificationsConfig;
  /** Keys of the ConfigMap that could not be used, each naming the key. */
  readonly problems: readonly string[];
  private readonly registry: NotificationSenderRegistry;
  private readonly renderer: NotificationRenderer;

  constructor(
    data: Readonly<Record<string, string>>,
    secretData: Readonly<Record<string, string>>,
    senders?: readonly NotificationSender[],
    private readonly now: () => Date = () => new Date(),
  ) {
    const parsed = parseNotificationsConfig(data, secretData, senders);
    this.config = parsed.config;
    this.registry = new NotificationSenderRegistry(senders);
    this.renderer = new NotificationRenderer(parsed.config.templates, now);
    this.problems = [...parsed.problems, ...this.renderer.problems];
  }

  /** Each condition of trigger `name` on `app`; an unknown trigger is an error listing the known ones. */
  runTrigger(name: string, app: Record<string, unknown>): ConditionOutcome[] {
    const trigger = this.config.triggers.get(name);
    if (!trigger) throw new Error(`trigger "${name}" is not configured in argocd-notifications-cm (configured: ${[...this.config.triggers.keys()].sort().join(', ') || 'none'})`);
    const vars = { app, context: this.config.context, secrets: this.config.secrets };
    return runTrigger(trigger, vars, this.now).map((r) => ({ condition: r.condition.when.source, result: r.triggered, ...(r.error ? { error: this.mask(r.error) } : {}) }));
  }

  /** Template `name` rendered for `app` as a service of `serviceType` would get it. */
  render(name: string, app: Record<string, unknown>, serviceType: string, recipient = ''): RenderedNotification {
    this.requireTemplate(name);
    return this.renderer.render([name], { app, context: this.config.context, secrets: this.config.secrets, serviceType, recipient });
  }

  /** Renders template `name` for each `<service>:<recipient>` and sends it; failures are reported masked, not thrown. */
  async notify(name: string, app: Record<string, unknown>, recipients: readonly string[]): Promise<NotifyOutcome[]> {
    this.requireTemplate(name);
    const outcomes: NotifyOutcome[] = [];
    for (const recipient of recipients) {
      const [service, ...rest] = recipient.split(':');
      const destination = { service, recipient: rest.join(':') };
      try {
        const resolved = this.registry.resolve(this.config, service);
        if ('reason' in resolved) throw new Error(resolved.reason);
        const notification = this.render(name, app, resolved.service.type, destination.recipient);
        await resolved.sender.send(notification, destination, resolved.service, { app, store: new MemorySenderStore() });
        outcomes.push({ recipient });
      } catch (err) {
        outcomes.push({ recipient, error: this.mask((err as Error).message) });
      }
    }
    return outcomes;
  }

  private requireTemplate(name: string): void {
    if (!this.config.templates.has(name)) throw new Error(`template "${name}" is not configured in argocd-notifications-cm (configured: ${[...this.config.templates.keys()].sort().join(', ') || 'none'})`);
  }

  /** `text` with every secret value replaced by ***. */
  mask(text: string): string {
    return maskSecrets(text, this.config.sensitive);
  }
}
