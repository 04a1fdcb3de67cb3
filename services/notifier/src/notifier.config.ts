import type { ExecLimits } from '@flotilla/gotemplate';
import { hubKubeEnv, loadConfig, namespaceEnv, platformEnv, port } from '@flotilla/platform';
import { z } from 'zod';

const count = (unit: string) => z.coerce.number({ error: `must be a number of ${unit}` }).int(`must be a whole number of ${unit}`).min(1);

export const notifierEnv = z.object({
  // Redis: FLOTILLA_REDIS_URL, or FLOTILLA_REDIS_SENTINELS (+ _SENTINEL_MASTER, default argocd); _USERNAME, _PASSWORD, _SENTINEL_PASSWORD, _TLS, _TLS_CA_FILE (libs/platform/README.md).
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
  /**
   * Replicas share the Applications: each is hashed (namespace/name) to one of this many partitions,
   * spread over the live replicas, and only a partition's holder evaluates its triggers. 1 puts them
   * all on one replica at a time, as Argo's leader election does.
   */
  FLOTILLA_NOTIFICATIONS_PARTITIONS: z.coerce
    .number({ error: 'must be a number of partitions' })
    .int('must be a whole number of partitions')
    .min(1, 'must be at least 1')
    .max(4096, 'must be at most 4096')
    .default(64),
  /** How long a replica's partition leases live without renewal: the longest a dead replica's Applications go unwatched. */
  FLOTILLA_NOTIFICATIONS_LEASE_SECONDS: z.coerce.number({ error: 'must be a number of seconds' }).int('must be a whole number of seconds').min(3, 'must be at least 3').default(15),
  /**
   * How long a delivery in progress holds its notification against a second delivery of it; after a
   * replica dies mid-delivery, the notification is retried elsewhere once this lapses. Longer than a send may take.
   */
  FLOTILLA_NOTIFICATIONS_DELIVERY_CLAIM_SECONDS: z.coerce.number({ error: 'must be a number of seconds' }).int('must be a whole number of seconds').min(5, 'must be at least 5').default(60),
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
