import type { ExecLimits } from '@flotilla/gotemplate';
import type { Logger } from 'pino';
import { NotificationRenderer, NotificationsConfig, parseNotificationsConfig } from '@flotilla/notifications';

interface ConfigMapLike {
  readonly data?: Readonly<Record<string, string>>;
}
interface SecretLike {
  readonly data?: Readonly<Record<string, string>>;
  readonly stringData?: Readonly<Record<string, string>>;
}

export interface ConfigSnapshot {
  readonly config: NotificationsConfig;
  readonly renderer: NotificationRenderer;
}

/**
 * The current argocd-notifications-cm + argocd-notifications-secret, re-parsed whenever either
 * changes (the watches feed it), so edits apply without a restart. Each distinct problem is logged
 * once, not on every reload.
 */
export class NotificationsConfigStore {
  private configMap: ConfigMapLike | undefined;
  private secret: SecretLike | undefined;
  private current: ConfigSnapshot;
  private readonly reported = new Set<string>();
  private readonly listeners: (() => void)[] = [];

  constructor(
    private readonly logger: Logger,
    /** Limits for rendering each notification's templates. */
    private readonly templateLimits?: ExecLimits,
  ) {
    this.current = this.build();
  }

  get snapshot(): ConfigSnapshot {
    return this.current;
  }

  /** Called after every reload. */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  setConfigMap(configMap: ConfigMapLike | undefined): void {
    this.configMap = configMap;
    this.reload();
  }

  setSecret(secret: SecretLike | undefined): void {
    this.secret = secret;
    this.reload();
  }

  private reload(): void {
    this.current = this.build();
    this.logger.info({ triggers: [...this.current.config.triggers.keys()], services: [...this.current.config.services.keys()] }, 'notifications configuration loaded');
    for (const listener of this.listeners) listener();
  }

  private build(): ConfigSnapshot {
    const { config, problems } = parseNotificationsConfig(this.configMap?.data ?? {}, decodeSecret(this.secret));
    const renderer = new NotificationRenderer(config.templates, undefined, this.templateLimits);
    for (const problem of [...problems, ...renderer.problems]) this.reportOnce(`argocd-notifications-cm ${problem}; the key is ignored`);
    return { config, renderer };
  }

  private reportOnce(message: string): void {
    if (this.reported.has(message)) return;
    this.reported.add(message);
    this.logger.warn(message);
  }
}

function decodeSecret(secret: SecretLike | undefined): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(secret?.data ?? {})) values[k] = Buffer.from(v, 'base64').toString('utf8');
  for (const [k, v] of Object.entries(secret?.stringData ?? {})) values[k] = v;
  return values;
}
