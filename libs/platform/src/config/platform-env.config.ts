import { DEFAULT_NAMESPACE } from '@flotilla/api-types';
import { z } from 'zod';

// Zod shape fragments a service spreads into its own `<service>.config.ts` schema.

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const redisEnv = {
  FLOTILLA_REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'Invalid URL (expected redis:// or rediss://)' }).default('redis://127.0.0.1:6379'),
};

export const logEnv = {
  FLOTILLA_LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
};

export const namespaceEnv = {
  FLOTILLA_NAMESPACE: z.string().min(1).default(DEFAULT_NAMESPACE),
};

export const queueEnv = {
  FLOTILLA_QUEUE_PREFIX: z.string().regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only').default('flotilla'),
};

export const tracingEnv = {
  /** OTLP/HTTP collector base URL; spans are exported only when set. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
};

/** Where the hub cluster is: a kubeconfig (FLOTILLA_KUBECONFIG, then KUBECONFIG) or, inside a pod, in-cluster. */
export const hubKubeEnv = {
  FLOTILLA_KUBECONFIG: z.string().min(1).optional(),
  KUBECONFIG: z.string().min(1).optional(),
  FLOTILLA_KUBE_CONTEXT: z.string().min(1).optional(),
  KUBERNETES_SERVICE_HOST: z.string().min(1).optional(),
};

/** The environment PlatformModule needs: Redis, logging, queues and tracing. */
export const platformEnv = { ...redisEnv, ...logEnv, ...queueEnv, ...tracingEnv };
export type PlatformConfig = z.output<z.ZodObject<typeof platformEnv>>;

/** A TCP port variable; 0 asks the OS for a free one. */
export function port<N extends string>(name: N, defaultPort: number): { [K in N]: z.ZodDefault<z.ZodCoercedNumber<unknown>> } {
  const schema = z.coerce.number({ error: 'must be a port number' }).int('must be a port number').min(0).max(65535).default(defaultPort);
  return { [name]: schema } as { [K in N]: typeof schema };
}

export type HubKubeSource = { kind: 'kubeconfig'; path?: string; context?: string } | { kind: 'in-cluster' };

/** Decides how to reach the hub: an explicit kubeconfig wins; a pod without one uses its ServiceAccount. */
export function hubKubeSource(env: z.output<z.ZodObject<typeof hubKubeEnv>>): HubKubeSource {
  const path = env.FLOTILLA_KUBECONFIG ?? env.KUBECONFIG;
  if (path) return { kind: 'kubeconfig', path, context: env.FLOTILLA_KUBE_CONTEXT };
  if (env.KUBERNETES_SERVICE_HOST) return { kind: 'in-cluster' };
  return { kind: 'kubeconfig', context: env.FLOTILLA_KUBE_CONTEXT };
}
