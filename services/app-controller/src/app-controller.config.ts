// The app-controller's whole configuration, read once from the environment at start-up.
import { hubKubeEnv, hubKubeSource, loadConfig, namespaceEnv, platformEnv, port } from '@flotilla/platform';
import { z } from 'zod';

const seconds = (min: number) => z.coerce.number({ error: 'must be a number of seconds' }).int('must be a whole number of seconds').min(min);

const schema = z.object({
  ...platformEnv,
  ...namespaceEnv,
  ...hubKubeEnv,
  /** repo-server's gRPC address, host:port. */
  FLOTILLA_REPO_SERVER: z.string().regex(/^[^\s:]+:\d+$/, 'must be host:port').default('127.0.0.1:8081'),
  ...port('FLOTILLA_OPS_PORT', 8082),
  /** How often every Application is compared again with the latest revision (Argo's timeout.reconciliation). */
  FLOTILLA_APP_RESYNC_SECONDS: seconds(1).default(180),
  /** How long after a sync selfHeal waits before reverting drift again (Argo's --self-heal-timeout-seconds). */
  FLOTILLA_SELF_HEAL_SECONDS: seconds(0).default(5),
  /** Applications compared (and synced) at once (Argo's --status-processors). */
  FLOTILLA_APP_CONTROLLER_CONCURRENCY: z.coerce.number({ error: 'must be a number' }).int().min(1).default(10),
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
  };
}
