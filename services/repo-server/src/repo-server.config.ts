import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, platformEnv, port } from '@flotilla/platform';
import { z } from 'zod';
import type { RenderPausePolicy } from './cache/render-failure.store';
import type { GitTransportOptions } from './git/git-credentials';
import type { RenderLimits } from './limits/render-limits';
import type { ToolBinaries } from './render/render-context';
import { DEFAULT_TLS_DATA_PATH } from './tls/repo-tls';

const seconds = z.coerce.number({ error: 'must be a number of seconds' }).int();
/** A Go duration as Argo's environment variables take them ("90s", "3m", "1m30s", "1.5h"), in milliseconds. */
const GO_DURATION_UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const goDuration = z
  .string()
  .regex(/^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/, { error: 'must be a Go duration such as 90s, 3m or 1m30s' })
  .transform((d) => [...d.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)].reduce((ms, [, n, unit]) => ms + Number(n) * GO_DURATION_UNITS[unit], 0))
  .refine((ms) => ms >= 1000, { error: 'must be at least 1s' });
const bytes = z.coerce.number({ error: 'must be a number of bytes' }).int().min(1024);

export const repoServerEnv = z.object({
  // Redis: FLOTILLA_REDIS_URL, or FLOTILLA_REDIS_SENTINELS (+ _SENTINEL_MASTER, default argocd); _USERNAME, _PASSWORD, _SENTINEL_PASSWORD, _TLS, _TLS_CA_FILE (libs/platform/README.md).
  ...platformEnv,
  ...port('FLOTILLA_REPO_SERVER_PORT', 8081),
  ...port('FLOTILLA_REPO_SERVER_OPS_PORT', 8084),
  /**
   * How long a caller's connection lives before the server asks it to reconnect: callers resolve the
   * headless Service only when they reconnect, so this bounds how long a new replica waits for calls.
   */
  FLOTILLA_REPO_SERVER_MAX_CONNECTION_AGE_SECONDS: seconds.min(1).default(120),
  /** Where shared clones live, one per repository URL and credentials. */
  FLOTILLA_REPO_CACHE_DIR: z.string().min(1).default(join(tmpdir(), 'flotilla-repo-server')),
  /** How long a resolved branch or tag is trusted before `git fetch` runs again (like ls-remote caching). */
  FLOTILLA_REVISION_CACHE_SECONDS: seconds.min(0).default(180),
  /** How long rendered manifests stay in Redis. */
  FLOTILLA_MANIFEST_CACHE_SECONDS: seconds.min(1).default(24 * 3600),
  /** Argo's parallelismLimit: renders running at once; 0 is unlimited. */
  FLOTILLA_REPO_PARALLELISM_LIMIT: z.coerce.number({ error: 'must be a whole number' }).int().min(0).default(0),
  /**
   * A tool (helm, kustomize) or a git command (clone, fetch, cat-file) running longer is killed with
   * its whole process group. Argo's ARGOCD_EXEC_TIMEOUT (a Go duration, e.g. 90s) is read when this is
   * unset; 90 s when neither is.
   */
  FLOTILLA_REPO_EXEC_TIMEOUT_SECONDS: seconds.min(1).optional(),
  ARGOCD_EXEC_TIMEOUT: goDuration.optional(),
  /** Cap on one render's combined manifests (tool output included). */
  FLOTILLA_REPO_MAX_MANIFEST_BYTES: bytes.default(64 * 1024 * 1024),
  /** Cap on any single file in a checkout. */
  FLOTILLA_REPO_MAX_FILE_BYTES: bytes.default(16 * 1024 * 1024),
  /** Address space one tool run (helm, kustomize, Jsonnet) may map; 0 for no cap. Virtual, so well above what a tool touches. */
  FLOTILLA_REPO_MAX_TOOL_MEMORY_BYTES: z.union([z.literal('0').transform(() => 0), bytes]).default(4 * 1024 * 1024 * 1024),
  /** Argo's PAUSE_GEN_AFTER_FAILED_GENERATION_ATTEMPTS: consecutive failures of one input before it pauses; 0 never pauses. */
  FLOTILLA_REPO_PAUSE_GEN_AFTER_FAILED_ATTEMPTS: z.coerce.number({ error: 'must be a whole number' }).int().min(0).default(3),
  /** How long a paused input answers with its last error instead of rendering; 0 for no time limit. */
  FLOTILLA_REPO_PAUSE_GEN_MINUTES: z.coerce.number({ error: 'must be a number of minutes' }).int().min(0).default(60),
  /** How many requests a paused input answers with its last error; 0 for no request limit. */
  FLOTILLA_REPO_PAUSE_GEN_REQUESTS: z.coerce.number({ error: 'must be a whole number' }).int().min(0).default(0),
  /**
   * ssh known_hosts for git over ssh (Argo CD mounts argocd-ssh-known-hosts-cm at
   * /app/config/ssh/ssh_known_hosts; that file is used when this is unset and it exists).
   */
  FLOTILLA_SSH_KNOWN_HOSTS_FILE: z.string().min(1).optional(),
  /**
   * Argo CD's argocd-tls-certs-cm, mounted: one file per server host name (no port) holding the PEM
   * certificates trusted for it besides the system's CAs, for git and Helm repositories over HTTPS.
   * Read on every connection, so ConfigMap updates apply without a restart. Argo's
   * ARGOCD_TLS_DATA_PATH is read when this is unset.
   */
  FLOTILLA_TLS_DATA_PATH: z.string().min(1).optional(),
  ARGOCD_TLS_DATA_PATH: z.string().min(1).optional(),
  /**
   * Whether repoURL may be a file:// URL or a path on this host. Off by default: such a URL would
   * let any Application read any repository on the repo-server's disk, its clone cache included.
   */
  FLOTILLA_REPO_ALLOW_LOCAL_URLS: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .default('false')
    .transform((v) => v === 'true'),
  /** Argo's ARGOCD_GPG_ENABLED: false turns GnuPG off (projects with signatureKeys then fail to render). */
  FLOTILLA_GPG_ENABLED: z.enum(['true', 'false'], { error: 'must be true or false' }).optional(),
  ARGOCD_GPG_ENABLED: z.enum(['true', 'false'], { error: 'must be true or false' }).optional(),
  /** argocd-gpg-keys-cm as mounted (one armored public key per key ID); Argo's ARGOCD_GPG_DATA_PATH is read when unset. */
  FLOTILLA_GPG_DATA_PATH: z.string().min(1).optional(),
  ARGOCD_GPG_DATA_PATH: z.string().min(1).optional(),
  /** The keyring those keys are imported into: writable, and this repo-server's alone. */
  FLOTILLA_GNUPGHOME: z.string().min(1).default(join(tmpdir(), 'flotilla-repo-server-gnupg')),
  /** Shallow-clone depth for repositories whose Secret sets none; 0 keeps full history (needed to compare commits). */
  FLOTILLA_GIT_SHALLOW_DEPTH: z.coerce.number({ error: 'must be a whole number' }).int().min(0).default(0),
  /** The helm binary; found on PATH by default. */
  HELM_BINARY: z.string().min(1).default('helm'),
  /** A standalone kustomize binary; without one, `kubectl kustomize` renders. */
  KUSTOMIZE_BINARY: z.string().min(1).optional(),
  KUBECTL_BINARY: z.string().min(1).default('kubectl'),
  /** The PATH rendering tools run with (and where bare binary names are looked up). */
  PATH: z.string().min(1).default('/usr/local/bin:/usr/bin:/bin'),
});

export type RepoServerConfig = z.output<typeof repoServerEnv>;

/** repo-server's environment, validated once at start-up; a bad value names the variable. */
export function loadRepoServerConfig(env: NodeJS.ProcessEnv = process.env): RepoServerConfig {
  return loadConfig(repoServerEnv, env);
}

/** FLOTILLA_REPO_EXEC_TIMEOUT_SECONDS, else Argo's ARGOCD_EXEC_TIMEOUT, else Argo's default of 90 s. */
export const execTimeoutMsOf = (config: RepoServerConfig): number =>
  config.FLOTILLA_REPO_EXEC_TIMEOUT_SECONDS !== undefined ? config.FLOTILLA_REPO_EXEC_TIMEOUT_SECONDS * 1000 : (config.ARGOCD_EXEC_TIMEOUT ?? 90_000);

export const renderLimitsOf = (config: RepoServerConfig): RenderLimits => ({
  execTimeoutMs: execTimeoutMsOf(config),
  maxManifestBytes: config.FLOTILLA_REPO_MAX_MANIFEST_BYTES,
  maxFileBytes: config.FLOTILLA_REPO_MAX_FILE_BYTES,
  maxAliasCount: 100,
  maxToolMemoryBytes: config.FLOTILLA_REPO_MAX_TOOL_MEMORY_BYTES,
});

export const pausePolicyOf = (config: RepoServerConfig): RenderPausePolicy => ({
  afterFailures: config.FLOTILLA_REPO_PAUSE_GEN_AFTER_FAILED_ATTEMPTS,
  forMs: config.FLOTILLA_REPO_PAUSE_GEN_MINUTES * 60_000,
  forRequests: config.FLOTILLA_REPO_PAUSE_GEN_REQUESTS,
});

const ARGOCD_KNOWN_HOSTS = '/app/config/ssh/ssh_known_hosts';

export const gitTransportOf = (config: RepoServerConfig): GitTransportOptions => {
  const knownHosts = config.FLOTILLA_SSH_KNOWN_HOSTS_FILE ?? (existsSync(ARGOCD_KNOWN_HOSTS) ? ARGOCD_KNOWN_HOSTS : undefined);
  return {
    ...(knownHosts ? { sshKnownHostsFile: knownHosts } : {}),
    defaultDepth: config.FLOTILLA_GIT_SHALLOW_DEPTH,
    allowLocalUrls: config.FLOTILLA_REPO_ALLOW_LOCAL_URLS,
    tlsDataPath: tlsDataPathOf(config),
    timeoutMs: execTimeoutMsOf(config),
  };
};

/** FLOTILLA_TLS_DATA_PATH, else Argo's ARGOCD_TLS_DATA_PATH, else where Argo mounts argocd-tls-certs-cm. */
export const tlsDataPathOf = (config: RepoServerConfig): string => config.FLOTILLA_TLS_DATA_PATH ?? config.ARGOCD_TLS_DATA_PATH ?? DEFAULT_TLS_DATA_PATH;

export const toolBinariesOf = (config: RepoServerConfig): ToolBinaries => ({
  helm: config.HELM_BINARY,
  kubectl: config.KUBECTL_BINARY,
  kustomize: config.KUSTOMIZE_BINARY,
  path: config.PATH,
  chartCacheDir: join(config.FLOTILLA_REPO_CACHE_DIR, 'helm-charts'),
  tlsDataPath: tlsDataPathOf(config),
});

/** Where Argo CD's repo-server has argocd-gpg-keys-cm mounted. */
export const ARGOCD_GPG_DATA_PATH = '/app/config/gpg/source';

/** The GnuPG keyring settings, or undefined when GnuPG is switched off. */
export const gpgOf = (config: RepoServerConfig): { sourceDir: string; gnupgHome: string; timeoutMs: number } | undefined =>
  (config.FLOTILLA_GPG_ENABLED ?? config.ARGOCD_GPG_ENABLED ?? 'true') === 'false'
    ? undefined
    : { sourceDir: config.FLOTILLA_GPG_DATA_PATH ?? config.ARGOCD_GPG_DATA_PATH ?? ARGOCD_GPG_DATA_PATH, gnupgHome: config.FLOTILLA_GNUPGHOME, timeoutMs: Math.min(execTimeoutMsOf(config), 30_000) };
