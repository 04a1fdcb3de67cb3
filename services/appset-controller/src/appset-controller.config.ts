// The appset-controller's whole configuration, read once from the environment at start-up.
import { appSetGenerationEnv, appSetGenerationSettings, type AppSetGenerationSettings } from '@flotilla/appset';
import type { ExecLimits } from '@flotilla/gotemplate';
import { hubKubeEnv, hubKubeSource, loadConfig, namespaceEnv, platformEnv, port } from '@flotilla/platform';
import { repoServerEnv } from '@flotilla/clients';
import { z } from 'zod';

const count = (unit: string) => z.coerce.number({ error: `must be a number of ${unit}` }).int(`must be a whole number of ${unit}`).min(1);

const schema = z.object({
  // Redis: FLOTILLA_REDIS_URL, or FLOTILLA_REDIS_SENTINELS (+ _SENTINEL_MASTER, default argocd); _USERNAME, _PASSWORD, _SENTINEL_PASSWORD, _TLS, _TLS_CA_FILE (libs/platform/README.md).
  ...platformEnv,
  ...namespaceEnv,
  ...hubKubeEnv,
  ...port('FLOTILLA_OPS_PORT', 8085),
  /** How often every ApplicationSet is reconciled even without a change (Argo's requeue-after, 3m). */
  FLOTILLA_APPSET_RESYNC_SECONDS: z.coerce.number({ error: 'must be a number of seconds' }).int().min(1).default(180),
  /** repo-server's gRPC target: host:port, or dns:///host:port to balance over every replica. */
  ...repoServerEnv,
  // FLOTILLA_APPSET_NEW_GIT_FILE_GLOBBING, the goTemplate limits per generated Application (FLOTILLA_APPSET_TEMPLATE_*)
  // and the SCM generators' safety settings (FLOTILLA_APPSET_ENABLE_SCM_PROVIDERS, _ALLOWED_SCM_PROVIDERS, _TOKENREF_STRICT_MODE).
  ...appSetGenerationEnv,
  /**
   * How long a replica's partition leases live without renewal (renewed at a fifth of this): the
   * longest the ApplicationSets of a replica that died wait for another to take them over.
   */
  FLOTILLA_APPSET_LEASE_SECONDS: z.coerce.number({ error: 'must be a number of seconds' }).int().min(3).default(15),
  /**
   * Replicas share the ApplicationSets: each is hashed (namespace/name) to one of this many
   * partitions, spread over the live replicas. 1 puts them all on one replica at a time, as Argo's
   * leader election does; more partitions than replicas lets the load even out.
   */
  FLOTILLA_APPSET_PARTITIONS: z.coerce
    .number({ error: 'must be a number of partitions' })
    .int('must be a whole number of partitions')
    .min(1, 'must be at least 1')
    .max(4096, 'must be at most 4096')
    .default(64),
  /** After a failed reconcile the same ApplicationSet generation is retried this much later, doubling each time… */
  FLOTILLA_APPSET_RETRY_BASE_MS: count('milliseconds').default(10_000),
  /** …up to this (a new generation, i.e. an edited spec, starts again from the base). */
  FLOTILLA_APPSET_RETRY_MAX_MS: count('milliseconds').default(300_000),
});

export type AppSetControllerEnv = z.output<typeof schema>;

export interface AppSetControllerConfig {
  readonly env: AppSetControllerEnv;
  readonly namespace: string;
  readonly hub: ReturnType<typeof hubKubeSource>;
  readonly opsPort: number;
  readonly resyncMs: number;
  readonly leaseMs: number;
  readonly partitions: number;
  readonly repoServer: string;
  readonly newGitFileGlobbing: boolean;
  readonly templateLimits: ExecLimits;
  /** FLOTILLA_APPSET_ENABLE_SCM_PROVIDERS, _ALLOWED_SCM_PROVIDERS, _TOKENREF_STRICT_MODE, for the pullRequest and scmProvider generators. */
  readonly scm: AppSetGenerationSettings['scm'];
  readonly retry: { readonly baseMs: number; readonly maxMs: number };
}

export function loadAppSetControllerConfig(env: NodeJS.ProcessEnv = process.env): AppSetControllerConfig {
  const parsed = loadConfig(schema, env);
  return {
    env: parsed,
    namespace: parsed.FLOTILLA_NAMESPACE,
    hub: hubKubeSource(parsed),
    opsPort: parsed.FLOTILLA_OPS_PORT,
    resyncMs: parsed.FLOTILLA_APPSET_RESYNC_SECONDS * 1000,
    leaseMs: parsed.FLOTILLA_APPSET_LEASE_SECONDS * 1000,
    partitions: parsed.FLOTILLA_APPSET_PARTITIONS,
    repoServer: parsed.FLOTILLA_REPO_SERVER,
    ...appSetGenerationSettings(parsed),
    retry: { baseMs: parsed.FLOTILLA_APPSET_RETRY_BASE_MS, maxMs: Math.max(parsed.FLOTILLA_APPSET_RETRY_MAX_MS, parsed.FLOTILLA_APPSET_RETRY_BASE_MS) },
  };
}
