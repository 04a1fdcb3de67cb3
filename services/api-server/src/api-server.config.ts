import { hubKubeEnv, loadConfig, namespaceEnv, platformEnv, port } from '@flotilla/platform';
import { z } from 'zod';

const seconds = (defaultValue: number) => z.coerce.number({ error: 'must be a number of seconds' }).int().positive().default(defaultValue);

const apiServerEnv = z.object({
  ...platformEnv,
  ...namespaceEnv,
  ...hubKubeEnv,
  ...port('FLOTILLA_API_PORT', 8080),
  ...port('FLOTILLA_OPS_PORT', 8083),
  /** repo-server's gRPC address (host:port). */
  FLOTILLA_REPO_SERVER: z
    .string()
    .regex(/^[^\s:]+:\d+$/, 'must be host:port')
    .default('127.0.0.1:8081'),
  /** How long a login session token is valid (Argo CD: 24h). */
  FLOTILLA_SESSION_TTL_SECONDS: seconds(24 * 3600),
  /** Failed logins per user before further attempts are refused, and the window they are counted in (Argo CD: 5 in 300s). */
  FLOTILLA_LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  FLOTILLA_LOGIN_FAILURE_WINDOW_SECONDS: seconds(300),
  /** Install or update the Application, ApplicationSet and AppProject CRDs in the hub at start (off when a chart manages them). */
  FLOTILLA_INSTALL_CRDS: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .default('true')
    .transform((v) => v === 'true'),
  /** How long `Get ?refresh=` waits for the app-controller to finish the refresh. */
  FLOTILLA_REFRESH_TIMEOUT_SECONDS: seconds(60),
});

export type ApiServerConfig = z.output<typeof apiServerEnv>;

/** Parses the api-server's environment once at start; a bad value stops start-up naming the variable. */
export const loadApiServerConfig = (env: NodeJS.ProcessEnv = process.env): ApiServerConfig => loadConfig(apiServerEnv, env);
