// The app-controller's whole configuration, read once from the environment at start-up.
import { hostname } from 'node:os';
import { hubKubeEnv, hubKubeSource, loadConfig, namespaceEnv, platformEnv, port } from '@flotilla/platform';
import { repoServerEnv } from '@flotilla/clients';
import { z } from 'zod';
import { SHARDING_ALGORITHMS, type ShardingAlgorithm } from './sharding/argo-sharding.algorithms';
import { parseDuration } from './sync/operation-state.builder';

const seconds = (min: number) => z.coerce.number({ error: 'must be a number of seconds' }).int('must be a whole number of seconds').min(min);

const schema = z.object({
  // Redis: FLOTILLA_REDIS_URL, or FLOTILLA_REDIS_SENTINELS (+ _SENTINEL_MASTER, default argocd); _USERNAME, _PASSWORD, _SENTINEL_PASSWORD, _TLS, _TLS_CA_FILE (libs/platform/README.md).
  ...platformEnv,
  ...namespaceEnv,
  ...hubKubeEnv,
  /** repo-server's gRPC target: host:port, or dns:///host:port to balance over every replica. */
  ...repoServerEnv,
  ...port('FLOTILLA_OPS_PORT', 8082),
  /** How often every Application is compared again with the latest revision (Argo's timeout.reconciliation). */
  FLOTILLA_APP_RESYNC_SECONDS: seconds(1).default(180),
  /** How long after a sync selfHeal waits before reverting drift again (Argo's --self-heal-timeout-seconds). */
  FLOTILLA_SELF_HEAL_SECONDS: seconds(0).default(5),
  /** This replica's name among the controller replicas (default: host name and process id). */
  FLOTILLA_CONTROLLER_REPLICA_ID: z.string().regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, ., - and _ only').optional(),
  /** How long a silent replica keeps its clusters before the others take them over. */
  FLOTILLA_SHARD_LEASE_SECONDS: seconds(2).default(10),
  /** How the clusters are split between replicas (Argo's controller.sharding.algorithm); Flotilla's weighted ring by default. */
  FLOTILLA_CONTROLLER_SHARDING_ALGORITHM: z.enum(SHARDING_ALGORITHMS, { error: `must be one of ${SHARDING_ALGORITHMS.join(', ')}` }).default('consistent-hashing'),
  /** Applications compared (and synced) at once (Argo's --status-processors). */
  FLOTILLA_APP_CONTROLLER_CONCURRENCY: z.coerce.number({ error: 'must be a number' }).int().min(1).default(10),
  /** Operations (syncs) run at once, apart from comparisons (Argo's --operation-processors). */
  FLOTILLA_APP_OPERATION_CONCURRENCY: z.coerce.number({ error: 'must be a number' }).int().min(1).default(10),
  /** How long one sync pass waits for a wave or hook before it records progress and yields its worker (the sync goes on in the next pass). */
  FLOTILLA_SYNC_STEP_WAIT_MS: z.coerce.number({ error: 'must be a number of milliseconds' }).int('must be a whole number of milliseconds').min(100).default(10_000),
  /** How long one ignoreDifferences jq expression may run on one object (Argo's controller.ignore.normalizer.jq.timeout). */
  FLOTILLA_IGNORE_NORMALIZER_JQ_TIMEOUT: z
    .string()
    .default('1s')
    .transform((v) => parseDuration(v, NaN))
    .refine((ms) => ms > 0, 'must be a duration such as 1s, 500ms or 2m'),
  /** Argo's ARGOCD_GPG_ENABLED: false stops enforcing AppProjects' signatureKeys (GnuPG off everywhere). */
  FLOTILLA_GPG_ENABLED: z.enum(['true', 'false'], { error: 'must be true or false' }).optional(),
  ARGOCD_GPG_ENABLED: z.enum(['true', 'false'], { error: 'must be true or false' }).optional(),
  /** A directory of Lua scripts in Argo CD's resource_customizations layout, behind argocd-cm's keys. */
  FLOTILLA_RESOURCE_CUSTOMIZATIONS_DIR: z.string().optional(),
});

export type AppControllerEnv = z.output<typeof schema>;

export interface AppControllerConfig {
  readonly env: AppControllerEnv;
  readonly namespace: string;
  readonly hub: ReturnType<typeof hubKubeSource>;
  readonly opsPort: number;
  readonly repoServer: string;
  readonly resyncMs: number;
  readonly selfHealMs: number;
  readonly concurrency: number;
  readonly operationConcurrency: number;
  readonly replicaId: string;
  readonly shardLeaseMs: number;
  readonly shardingAlgorithm: ShardingAlgorithm;
  readonly jqTimeoutMs: number;
  readonly syncStepWaitMs: number;
  /** Whether AppProjects' signatureKeys are enforced. */
  readonly gpgEnabled: boolean;
  /** The script library's directory, if one is mounted. */
  readonly resourceCustomizationsDir?: string;
}

export function loadAppControllerConfig(env: NodeJS.ProcessEnv = process.env): AppControllerConfig {
  const parsed = loadConfig(schema, env);
  return {
    env: parsed,
    namespace: parsed.FLOTILLA_NAMESPACE,
    hub: hubKubeSource(parsed),
    opsPort: parsed.FLOTILLA_OPS_PORT,
    repoServer: parsed.FLOTILLA_REPO_SERVER,
    resyncMs: parsed.FLOTILLA_APP_RESYNC_SECONDS * 1000,
    selfHealMs: parsed.FLOTILLA_SELF_HEAL_SECONDS * 1000,
    concurrency: parsed.FLOTILLA_APP_CONTROLLER_CONCURRENCY,
    operationConcurrency: parsed.FLOTILLA_APP_OPERATION_CONCURRENCY,
    replicaId: parsed.FLOTILLA_CONTROLLER_REPLICA_ID ?? `${hostname().replace(/[^A-Za-z0-9_.-]/g, '-')}-${process.pid}`,
    shardLeaseMs: parsed.FLOTILLA_SHARD_LEASE_SECONDS * 1000,
    shardingAlgorithm: parsed.FLOTILLA_CONTROLLER_SHARDING_ALGORITHM,
    jqTimeoutMs: parsed.FLOTILLA_IGNORE_NORMALIZER_JQ_TIMEOUT,
    syncStepWaitMs: parsed.FLOTILLA_SYNC_STEP_WAIT_MS,
    gpgEnabled: (parsed.FLOTILLA_GPG_ENABLED ?? parsed.ARGOCD_GPG_ENABLED ?? 'true') !== 'false',
    resourceCustomizationsDir: parsed.FLOTILLA_RESOURCE_CUSTOMIZATIONS_DIR || undefined,
  };
}
