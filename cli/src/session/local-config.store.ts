// The CLI's local config file, shaped like argocd's ~/.config/argocd/config so people recognise it:
// servers, users (tokens) and contexts tying them together, plus the current context.
import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parse, stringify } from 'yaml';

export interface ServerEntry {
  server: string;
  'plain-text'?: boolean;
  insecure?: boolean;
}

export interface UserEntry {
  name: string;
  'auth-token'?: string;
}

export interface ContextRef {
  name: string;
  server: string;
  user: string;
}

export interface LocalConfig {
  'current-context': string;
  contexts: ContextRef[];
  servers: ServerEntry[];
  users: UserEntry[];
}

/** A context with its server and user looked up. */
export interface ResolvedContext {
  name: string;
  server: ServerEntry;
  user: UserEntry;
}

export class LocalConfigError extends Error {}

export const emptyLocalConfig = (): LocalConfig => ({ 'current-context': '', contexts: [], servers: [], users: [] });

/** Reads the file; undefined when it does not exist. Refuses files others can read, as argocd does. */
export function readLocalConfig(path: string): LocalConfig | undefined {
  let mode: number;
  try {
    mode = statSync(path).mode & 0o777;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  if (mode !== 0o600 && mode !== 0o400) {
    throw new LocalConfigError(`config file ${path} has incorrect permission flags ${mode.toString(8).padStart(4, '0')}, change the file permission either to 0400 or 0600`);
  }
  let doc: unknown;
  try {
    doc = parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new LocalConfigError(`failed to parse config file ${path}: ${(err as Error).message}`);
  }
  const raw = (doc ?? {}) as Partial<LocalConfig>;
  const config: LocalConfig = {
    'current-context': raw['current-context'] ?? '',
    contexts: raw.contexts ?? [],
    servers: raw.servers ?? [],
    users: raw.users ?? [],
  };
  if (config['current-context']) resolveContext(config, config['current-context']);
  return config;
}

/** Writes the file with mode 0600 (it holds tokens), replacing it atomically. */
export function writeLocalConfig(config: LocalConfig, path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, stringify(config), { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, path);
}

export function deleteLocalConfig(path: string): void {
  rmSync(path, { force: true });
}

/** The named context, or the current one when no name is given. */
export function resolveContext(config: LocalConfig, name?: string): ResolvedContext {
  const ctxName = name || config['current-context'];
  if (!ctxName) throw new LocalConfigError('local config: current-context unset');
  const ref = config.contexts.find((c) => c.name === ctxName);
  if (!ref) throw new LocalConfigError(`Context '${ctxName}' undefined`);
  const server = config.servers.find((s) => s.server === ref.server);
  if (!server) throw new LocalConfigError(`Server '${ref.server}' undefined`);
  const user = config.users.find((u) => u.name === ref.user);
  if (!user) throw new LocalConfigError(`User '${ref.user}' undefined`);
  return { name: ctxName, server, user };
}

const upsertBy = <T>(list: T[], item: T, same: (a: T) => boolean): void => {
  const i = list.findIndex(same);
  if (i >= 0) list[i] = item;
  else list.push(item);
};

/** Records a successful login: server, token and a context naming both, made current. */
export function recordLogin(config: LocalConfig, login: { context: string; server: ServerEntry; token: string }): void {
  upsertBy(config.servers, login.server, (s) => s.server === login.server.server);
  upsertBy(config.users, { name: login.context, 'auth-token': login.token }, (u) => u.name === login.context);
  upsertBy(config.contexts, { name: login.context, server: login.server.server, user: login.context }, (c) => c.name === login.context);
  config['current-context'] = login.context;
}

/** Forgets a context's token but keeps the context (argocd logout). False when there is no such user. */
export function removeToken(config: LocalConfig, context: string): boolean {
  const user = config.users.find((u) => u.name === context);
  if (!user) return false;
  delete user['auth-token'];
  return true;
}

/** Removes a context, its user, and its server; false when the context does not exist. */
export function removeContext(config: LocalConfig, context: string): boolean {
  const ref = config.contexts.find((c) => c.name === context);
  if (!ref) return false;
  config.contexts = config.contexts.filter((c) => c.name !== context);
  config.users = config.users.filter((u) => u.name !== context);
  if (!config.contexts.some((c) => c.server === ref.server)) config.servers = config.servers.filter((s) => s.server !== ref.server);
  if (config['current-context'] === context) config['current-context'] = '';
  return true;
}
