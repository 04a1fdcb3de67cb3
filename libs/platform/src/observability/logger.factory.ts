import { context, trace } from '@opentelemetry/api';
import pino, { DestinationStream, Logger } from 'pino';
import type { LogLevel } from '../config';

export type { Logger } from 'pino';

/** Field names whose values are secrets wherever they appear (Argo cluster/repo config, HTTP headers). */
export const REDACTED_FIELDS = [
  'password',
  'bearerToken',
  'token',
  'accessToken',
  'refreshToken',
  'idToken',
  'sshPrivateKey',
  'tlsClientCertKey',
  'githubAppPrivateKey',
  'keyData',
  'clientSecret',
  'authorization',
  'Authorization',
  'cookie',
  'secret',
] as const;

// pino's redact wildcards match one level each, so secrets are covered up to three levels deep.
const redactPaths = REDACTED_FIELDS.flatMap((f) => [f, `*.${f}`, `*.*.${f}`, `*.*.*.${f}`]);

/** The active span's ids, so every log line joins up with its trace. */
function traceFields(): Record<string, string> {
  const span = trace.getSpan(context.active());
  const ctx = span?.spanContext();
  if (!ctx || !trace.isSpanContextValid(ctx)) return {};
  return { trace_id: ctx.traceId, span_id: ctx.spanId };
}

/**
 * pino's error serializer, minus the arguments of the Redis command an ioredis error carries
 * (`err.command.args`): AUTH's are the password, and others can be whole job payloads.
 */
function serializeError(err: Error): Record<string, unknown> {
  const out = pino.stdSerializers.err(err) as unknown as Record<string, unknown>;
  const command = out.command as { name?: unknown } | undefined;
  if (command && typeof command === 'object') out.command = { name: command.name };
  return out;
}

/** JSON logs to stdout (or `destination`), one `service` field, trace ids and secrets censored. */
export function createLogger(service: string, level: LogLevel = 'info', destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service },
      messageKey: 'msg',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: traceFields,
      redact: { paths: redactPaths, censor: '***' },
      serializers: { err: serializeError },
    },
    destination ?? pino.destination({ fd: 1, sync: false }),
  );
}
