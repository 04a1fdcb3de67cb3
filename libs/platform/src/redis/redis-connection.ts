// How every service reaches Redis, built once from the FLOTILLA_REDIS_* config: one server, or the
// master a set of Sentinels names, with password and TLS. BullMQ's connections are duplicates of it.
import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import type { RedisOptions } from 'ioredis';
import type { RedisConfig } from '../config';

/** The master group Argo CD's chart gives its Sentinels. */
export const DEFAULT_SENTINEL_MASTER = 'argocd';

/** The connection options and what may appear in logs about them. */
export interface RedisConnection {
  readonly options: RedisOptions;
  /** Where it connects, without credentials: for logs and readiness messages. */
  readonly target: string;
  /** Values that must never reach a log or an error message. */
  readonly secrets: readonly string[];
}

/** A URL alone (tests, tools) or the parsed FLOTILLA_REDIS_* config of a service. */
export function redisConnection(config: RedisConfig | string): RedisConnection {
  const env: RedisConfig = typeof config === 'string' ? { FLOTILLA_REDIS_URL: config } : config;
  const url = new URL(env.FLOTILLA_REDIS_URL);
  const username = env.FLOTILLA_REDIS_USERNAME ?? (decodeURIComponent(url.username) || undefined);
  const password = env.FLOTILLA_REDIS_PASSWORD ?? (decodeURIComponent(url.password) || undefined);
  const db = Number(url.pathname.replace(/^\//, '') || 0);
  const tls = (env.FLOTILLA_REDIS_TLS ?? url.protocol === 'rediss:') ? tlsOptions(env) : undefined;
  const common: RedisOptions = {
    username,
    password,
    db,
    tls,
    // BullMQ's workers block and must wait out an outage rather than fail the command.
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    retryStrategy: (attempt) => Math.min(attempt * 200, 5000),
    // After a failover a client may still talk to the old master, now a read-only replica:
    // reconnect (asking the Sentinels again) and resend the command that failed.
    reconnectOnError: (err) => (err.message.startsWith('READONLY') ? 2 : false),
  };
  const secrets = [password, env.FLOTILLA_REDIS_SENTINEL_PASSWORD].filter((s): s is string => !!s);
  const sentinels = env.FLOTILLA_REDIS_SENTINELS;
  if (!sentinels) return { options: { ...common, host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port || 6379) }, target: `${url.hostname}:${url.port || 6379}`, secrets };
  const name = env.FLOTILLA_REDIS_SENTINEL_MASTER ?? DEFAULT_SENTINEL_MASTER;
  return {
    options: {
      ...common,
      sentinels,
      name,
      sentinelPassword: env.FLOTILLA_REDIS_SENTINEL_PASSWORD,
      // A client that lost its master retries at least every second: the Sentinels name the new one within seconds.
      retryStrategy: (attempt) => Math.min(attempt * 100, 1000),
      sentinelRetryStrategy: (attempt) => Math.min(attempt * 200, 2000),
      enableTLSForSentinelMode: !!tls,
      sentinelTLS: tls,
    },
    target: `master ${name} of Sentinels ${sentinels.map((s) => `${s.host}:${s.port}`).join(',')}`,
    secrets,
  };
}

function tlsOptions(env: RedisConfig): ConnectionOptions {
  const file = env.FLOTILLA_REDIS_TLS_CA_FILE;
  let ca: Buffer | undefined;
  try {
    ca = file ? readFileSync(file) : undefined;
  } catch (err) {
    throw new Error(`FLOTILLA_REDIS_TLS_CA_FILE: cannot read ${file}: ${(err as Error).message}`);
  }
  return { ...(ca ? { ca } : {}), rejectUnauthorized: !env.FLOTILLA_REDIS_TLS_INSECURE_SKIP_VERIFY };
}

/** The text with every secret replaced by ***: for messages built from Redis' or ioredis' errors. */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  return secrets.reduce((t, s) => t.split(s).join('***'), text);
}
