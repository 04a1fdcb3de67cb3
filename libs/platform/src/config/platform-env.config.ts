import { DEFAULT_NAMESPACE } from '@flotilla/api-types';
import { z } from 'zod';

// Zod shape fragments a service spreads into its own `<service>.config.ts` schema.

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const flag = z.enum(['true', 'false'], { error: 'must be true or false' }).transform((v) => v === 'true');

/** `host:port,host:port`: the Sentinels to ask where the master is. */
const sentinelList = z
  .string()
  .transform((text, ctx) => {
    const sentinels = text.split(',').map((s) => s.trim()).filter(Boolean).map((entry) => {
      const m = entry.match(/^(\[[^\]]+\]|[^\s:]+):(\d{1,5})$/);
      if (!m || Number(m[2]) > 65535) ctx.addIssue({ code: 'custom', message: `'${entry}' is not host:port` });
      return { host: m ? m[1].replace(/^\[|\]$/g, '') : '', port: m ? Number(m[2]) : 0 };
    });
    if (sentinels.length === 0) ctx.addIssue({ code: 'custom', message: 'must list host:port of at least one Sentinel' });
    return sentinels;
  });

/**
 * Where Redis is: one server (FLOTILLA_REDIS_URL), or the master a set of Sentinels names
 * (FLOTILLA_REDIS_SENTINELS wins over the URL's host). Passwords come from the environment only,
 * never from arguments; FLOTILLA_REDIS_PASSWORD wins over one in the URL.
 */
export const redisEnv = {
  FLOTILLA_REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'Invalid URL (expected redis:// or rediss://)' }).default('redis://127.0.0.1:6379'),
  FLOTILLA_REDIS_SENTINELS: sentinelList.optional(),
  /** The master group the Sentinels monitor (Argo CD's chart names it argocd). */
  FLOTILLA_REDIS_SENTINEL_MASTER: z.string().regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, ., - and _ only').optional(),
  FLOTILLA_REDIS_USERNAME: z.string().min(1).optional(),
  FLOTILLA_REDIS_PASSWORD: z.string().min(1).optional(),
  /** requirepass of the Sentinels themselves, when they have one. */
  FLOTILLA_REDIS_SENTINEL_PASSWORD: z.string().min(1).optional(),
  /** TLS to Redis (and to the Sentinels); a rediss:// URL turns it on as well. */
  FLOTILLA_REDIS_TLS: flag.optional(),
  /** PEM file of the CA that signed Redis' certificate (default: the system's CAs). */
  FLOTILLA_REDIS_TLS_CA_FILE: z.string().min(1).optional(),
  /** Skip verifying Redis' certificate (Argo's redis.insecure.skip.tls.verify); for testing only. */
  FLOTILLA_REDIS_TLS_INSECURE_SKIP_VERIFY: flag.optional(),
};
export type RedisConfig = z.output<z.ZodObject<typeof redisEnv>>;

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
