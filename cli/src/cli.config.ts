import { homedir } from 'node:os';
import { join } from 'node:path';

/** The environment variables the CLI reads; every one is an optional, free-form string. */
const VARIABLES = [
  /** Where contexts and tokens live; tests point it at a temp dir. */
  'FLOTILLA_CONFIG',
  /** Defaults for the global --server and --auth-token flags, as ARGOCD_SERVER / ARGOCD_AUTH_TOKEN are for argocd. */
  'FLOTILLA_SERVER',
  'FLOTILLA_AUTH_TOKEN',
  'XDG_CONFIG_HOME',
  'HOME',
  /** The kubeconfig `cluster add` reads when --kubeconfig is not given (colon-separated, like kubectl). */
  'KUBECONFIG',
  /** The editor `app edit` opens (words split on blanks, like argocd); vi when unset. */
  'EDITOR',
] as const;

export interface CliConfig {
  configPath: string;
  server?: string;
  authToken?: string;
  kubeconfigPath: string;
  editor?: string;
}

/**
 * The CLI's environment, read once at start-up. With nothing to validate, it is read without zod or
 * @flotilla/platform's loadConfig: that barrel alone loads Nest, BullMQ and the Kubernetes client
 * (~2 s), and zod ~0.1 s, on every command.
 */
export function loadCliConfig(env: NodeJS.ProcessEnv = process.env): CliConfig {
  // Empty strings mean "unset" in shells, as for the services.
  const e = Object.fromEntries(VARIABLES.map((name) => [name, env[name] || undefined])) as Partial<Record<(typeof VARIABLES)[number], string>>;
  const home = e.HOME ?? homedir();
  const configDir = e.XDG_CONFIG_HOME ? join(e.XDG_CONFIG_HOME, 'flotilla') : join(home, '.config', 'flotilla');
  return {
    configPath: e.FLOTILLA_CONFIG ?? join(configDir, 'config'),
    server: e.FLOTILLA_SERVER,
    authToken: e.FLOTILLA_AUTH_TOKEN,
    kubeconfigPath: e.KUBECONFIG?.split(':')[0] ?? join(home, '.kube', 'config'),
    editor: e.EDITOR,
  };
}
