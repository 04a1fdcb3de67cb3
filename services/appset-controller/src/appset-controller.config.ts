// The appset-controller's whole configuration, read once from the environment at start-up.
import { hubKubeEnv, hubKubeSource, loadConfig, namespaceEnv, platformEnv, port } from '@flotilla/platform';
import { z } from 'zod';

const schema = z.object({
  ...platformEnv,
  ...namespaceEnv,
  ...hubKubeEnv,
  ...port('FLOTILLA_OPS_PORT', 8085),
  /** How often every ApplicationSet is reconciled even without a change (Argo's requeue-after, 3m). */
  FLOTILLA_APPSET_RESYNC_SECONDS: z.coerce.number({ error: 'must be a number of seconds' }).int().min(1).default(180),
  /** repo-server's gRPC address, which the git generator reads repositories through. */
  FLOTILLA_REPO_SERVER: z.string().regex(/^[^\s:]+:\d+$/, 'must be host:port').default('127.0.0.1:8081'),
  /** Argo's --enable-new-git-file-globbing: `**` in a git files generator path crosses directories. */
  FLOTILLA_APPSET_NEW_GIT_FILE_GLOBBING: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .default('false')
    .transform((v) => v === 'true'),
  /** How long the leader lease lives without renewal; the leader renews it at a third of this. */
  FLOTILLA_APPSET_LEASE_SECONDS: z.coerce.number({ error: 'must be a number of seconds' }).int().min(3).default(15),
});

export type AppSetControllerEnv = z.output<typeof schema>;

export interface AppSetControllerConfig {
  readonly env: AppSetControllerEnv;
  readonly namespace: string;
  readonly hub: ReturnType<typeof hubKubeSource>;
  readonly opsPort: number;
  readonly resyncMs: number;
  readonly leaseMs: number;
  readonly repoServer: string;
  readonly newGitFileGlobbing: boolean;
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
    repoServer: parsed.FLOTILLA_REPO_SERVER,
    newGitFileGlobbing: parsed.FLOTILLA_APPSET_NEW_GIT_FILE_GLOBBING,
  };
}
