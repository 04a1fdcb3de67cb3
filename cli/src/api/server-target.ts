// Which Flotilla API server a command talks to and how: flags first, then the environment, then the
// current context of the local config, as argocd resolves its client options.
import type { CliConfig } from '../cli.config';
import { CliError } from '../output/cli.error';
import { readLocalConfig, resolveContext } from '../session/local-config.store';

export interface ServerTarget {
  /** host:port, as given to `login` (no scheme). */
  server: string;
  plaintext: boolean;
  insecure: boolean;
  authToken?: string;
}

/** The global flags every command accepts (argocd's persistent flags). */
export interface GlobalOptions {
  server?: string;
  authToken?: string;
  plaintext?: boolean;
  insecure?: boolean;
  config?: string;
  context?: string;
}

/** `https://host:port/` → `host:port`; a scheme of http implies plaintext. */
export function normalizeServer(server: string): { server: string; plaintext?: boolean } {
  const m = /^(https?):\/\/(.*)$/i.exec(server.trim());
  const hostPort = (m ? m[2] : server.trim()).replace(/\/+$/, '');
  return m ? { server: hostPort, plaintext: m[1].toLowerCase() === 'http' } : { server: hostPort };
}

export const configPathOf = (globals: GlobalOptions, config: CliConfig): string => globals.config ?? config.configPath;

export function resolveServerTarget(globals: GlobalOptions, config: CliConfig): ServerTarget {
  const local = readLocalConfig(configPathOf(globals, config));
  const explicit = globals.server ?? config.server;
  const ctx = local && (globals.context || local['current-context']) ? resolveContext(local, globals.context) : undefined;
  if (!explicit && !ctx) {
    throw new CliError("Flotilla server address unspecified: log in with 'flotilla login SERVER' or pass --server");
  }
  const target = normalizeServer(explicit ?? ctx!.server.server);
  // A context's token belongs to its server; never send it to a different one.
  const known = local?.servers.find((s) => s.server === target.server);
  const contextForServer = ctx && ctx.server.server === target.server ? ctx : undefined;
  const token = globals.authToken ?? config.authToken ?? contextForServer?.user['auth-token'] ?? userTokenFor(local, target.server);
  return {
    server: target.server,
    plaintext: Boolean(globals.plaintext || target.plaintext || known?.['plain-text']),
    insecure: Boolean(globals.insecure || known?.insecure),
    authToken: token,
  };
}

function userTokenFor(local: ReturnType<typeof readLocalConfig>, server: string): string | undefined {
  const ref = local?.contexts.find((c) => c.server === server);
  return ref ? local?.users.find((u) => u.name === ref.user)?.['auth-token'] : undefined;
}
