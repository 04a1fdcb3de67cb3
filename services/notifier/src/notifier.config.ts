import type { ExecLimits } from '@flotilla/gotemplate';
import { hubKubeEnv, loadConfig, namespaceEnv, platformEnv, port } from '@flotilla/platform';
import { z } from 'zod';

const count = (unit: string) => z.coerce.number({ error: `must be a number of ${unit}` }).int(`must be a whole number of ${unit}`).min(1);

export const notifierEnv = z.object({
  ...platformEnv,
  ...namespaceEnv,
  ...hubKubeEnv,
  ...port('FLOTILLA_OPS_PORT', 9001),
  // argocd-notifications-cm templates are user-written: limits per notification (all its templates together).
  /** A message renders in microseconds; 1 s bounds how long one delivery can hold the event loop. */
  FLOTILLA_NOTIFICATIONS_TEMPLATE_TIMEOUT_MS: count('milliseconds').default(1000),
  /** Chat messages and webhook bodies are kilobytes (Slack cuts at 40,000 characters); 1 MiB is ample. */
  FLOTILLA_NOTIFICATIONS_TEMPLATE_MAX_OUTPUT_BYTES: count('bytes').default(1024 * 1024),
  /** Nodes, range iterations and calls. */
  FLOTILLA_NOTIFICATIONS_TEMPLATE_MAX_STEPS: count('steps').default(1_000_000),
});

export type NotifierConfig = z.output<typeof notifierEnv>;

/** The limits each notification's templates render within. */
export function notificationTemplateLimits(config: NotifierConfig): ExecLimits {
  const maxOutputBytes = config.FLOTILLA_NOTIFICATIONS_TEMPLATE_MAX_OUTPUT_BYTES;
  // A function result longer than the whole output could never be sent anyway.
  return { timeoutMs: config.FLOTILLA_NOTIFICATIONS_TEMPLATE_TIMEOUT_MS, maxOutputBytes, maxValueBytes: maxOutputBytes, maxSteps: config.FLOTILLA_NOTIFICATIONS_TEMPLATE_MAX_STEPS };
}

/** The notifier's environment, validated once at start-up; a bad value names the variable. */
export function loadNotifierConfig(env: NodeJS.ProcessEnv = process.env): NotifierConfig {
  return loadConfig(notifierEnv, env);
}
