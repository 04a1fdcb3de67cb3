import { ConfigError, hubKubeEnv, loadConfig, namespaceEnv, platformEnv, port } from '@flotilla/platform';
import { appSetGenerationEnv } from '@flotilla/appset';
import { repoServerEnv } from '@flotilla/clients';
import { z } from 'zod';

const seconds = (defaultValue: number) => z.coerce.number({ error: 'must be a number of seconds' }).int().positive().default(defaultValue);
const wholeNumber = (min: number) =>
  z.coerce
    .number({ error: 'must be a whole number' })
    .int({ error: 'must be a whole number' })
    .min(min, { error: `must be at least ${min}` })
    .optional();

/**
 * The login backoff's knobs, each under Flotilla's name or Argo CD's (so an argocd-server
 * Deployment's env carries over); defaults are Argo CD's.
 */
const LOGIN_KNOBS = {
  maxFailures: { flotilla: 'FLOTILLA_LOGIN_MAX_FAILURES', argo: 'ARGOCD_SESSION_FAILURE_MAX_FAIL_COUNT', min: 1, default: 5 },
  windowSeconds: { flotilla: 'FLOTILLA_LOGIN_FAILURE_WINDOW_SECONDS', argo: 'ARGOCD_SESSION_FAILURE_WINDOW_SECONDS', min: 0, default: 300 },
  maxEntries: { flotilla: 'FLOTILLA_LOGIN_MAX_CACHE_SIZE', argo: 'ARGOCD_SESSION_MAX_CACHE_SIZE', min: 1, default: 10_000 },
  maxConcurrent: { flotilla: 'FLOTILLA_LOGIN_MAX_CONCURRENT', argo: 'ARGOCD_MAX_CONCURRENT_LOGIN_REQUESTS_COUNT', min: 1, default: 50 },
} as const;

type LoginKnob = keyof typeof LOGIN_KNOBS;

const loginKnobEnv = Object.fromEntries(
  Object.values(LOGIN_KNOBS).flatMap((k) => [
    [k.flotilla, wholeNumber(k.min)],
    [k.argo, wholeNumber(k.min)],
  ]),
) as Record<(typeof LOGIN_KNOBS)[LoginKnob]['flotilla' | 'argo'], ReturnType<typeof wholeNumber>>;

const apiServerEnv = z.object({
  // Redis: FLOTILLA_REDIS_URL, or FLOTILLA_REDIS_SENTINELS (+ _SENTINEL_MASTER, default argocd); _USERNAME, _PASSWORD, _SENTINEL_PASSWORD, _TLS, _TLS_CA_FILE (libs/platform/README.md).
  ...platformEnv,
  ...namespaceEnv,
  ...hubKubeEnv,
  ...port('FLOTILLA_API_PORT', 8080),
  ...port('FLOTILLA_OPS_PORT', 8083),
  /** repo-server's gRPC target: host:port, or dns:///host:port to balance over every replica. */
  ...repoServerEnv,
  /** How long a login session token is valid (Argo CD: 24h). */
  FLOTILLA_SESSION_TTL_SECONDS: seconds(24 * 3600),
  /** Failed logins per client and user before each attempt waits, the window, the entries kept, password checks at once. */
  ...loginKnobEnv,
  /** The longest a client waits between login attempts once backing off (the delay doubles from 1s). */
  FLOTILLA_LOGIN_MAX_BACKOFF_SECONDS: seconds(60),
  /** Install or update the Application, ApplicationSet and AppProject CRDs in the hub at start (off when a chart manages them). */
  FLOTILLA_INSTALL_CRDS: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .default('true')
    .transform((v) => v === 'true'),
  /** How long `Get ?refresh=` waits for the app-controller to finish the refresh. */
  FLOTILLA_REFRESH_TIMEOUT_SECONDS: seconds(60),
  /** Messages a stream (Watch, PodLogs, …) holds for a client that is not reading before closing it; Argo's watch buffer is 1000. */
  FLOTILLA_STREAM_BUFFER_MESSAGES: z.coerce.number({ error: 'must be a number of messages' }).int().positive().default(1000),
  /** A directory of Lua scripts in Argo CD's resource_customizations layout: its actions stand in for the built-in ones of their kinds, as in the app-controller. */
  FLOTILLA_RESOURCE_CUSTOMIZATIONS_DIR: z.string().optional(),
  /** The web UI's build (Vite's output); by default dist/ui beside the compiled code or in the repository. */
  FLOTILLA_UI_DIR: z.string().optional(),
  /** ApplicationSet Generate renders as the appset-controller does: the same git file globbing and goTemplate limits, under the same names. */
  ...appSetGenerationEnv,
});

export type ApiServerEnv = z.output<typeof apiServerEnv>;
export type LoginLimits = Record<LoginKnob, number> & { maxBackoffSeconds: number };
export type ApiServerConfig = ApiServerEnv & { login: LoginLimits };

/** Parses the api-server's environment once at start; a bad value stops start-up naming the variable. */
export function loadApiServerConfig(env: NodeJS.ProcessEnv = process.env): ApiServerConfig {
  const parsed = loadConfig(apiServerEnv, env);
  return { ...parsed, login: loginLimits(parsed) };
}

/** Each knob from Flotilla's name, else Argo CD's, else the default; the two names disagreeing is an error. */
function loginLimits(env: ApiServerEnv): LoginLimits {
  const limits = { maxBackoffSeconds: env.FLOTILLA_LOGIN_MAX_BACKOFF_SECONDS } as LoginLimits;
  for (const [knob, names] of Object.entries(LOGIN_KNOBS) as [LoginKnob, (typeof LOGIN_KNOBS)[LoginKnob]][]) {
    const [ours, argos] = [env[names.flotilla], env[names.argo]];
    if (ours !== undefined && argos !== undefined && ours !== argos)
      throw new ConfigError([{ variable: names.flotilla, message: `is ${ours} but ${names.argo} is ${argos}; set one` }]);
    limits[knob] = ours ?? argos ?? names.default;
  }
  return limits;
}
