import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeTlsFiles } from '../tls/repo-tls';

/** What a repository Secret (`argocd.argoproj.io/secret-type: repository`) may carry. */
export interface GitCredentials {
  username?: string;
  password?: string;
  bearerToken?: string;
  sshPrivateKey?: string;
  insecure?: boolean;
  /** A PEM client certificate and its key for HTTPS servers that ask for one (Argo's tlsClientCertData/tlsClientCertKey). */
  tlsClientCertData?: string;
  tlsClientCertKey?: string;
  /** Shallow clone and fetch this many commits deep; 0 or absent for full history. */
  depth?: number;
}

/** How this repo-server talks to git servers, whatever the repository. */
export interface GitTransportOptions {
  /** An ssh known_hosts file (Argo's argocd-ssh-known-hosts-cm, mounted); ssh's own default when absent. */
  sshKnownHostsFile?: string;
  /** Depth for repositories that do not set their own; 0 for full history. */
  defaultDepth?: number;
  /** Whether file:// URLs and paths on this host may be cloned (FLOTILLA_REPO_ALLOW_LOCAL_URLS); refused when absent. */
  allowLocalUrls?: boolean;
  /**
   * Argo's argocd-tls-certs-cm, mounted: a file per server host name with the PEM certificates to
   * trust for it besides the system's CAs; read again for every fetch.
   */
  tlsDataPath?: string;
  /**
   * How long one git command (clone, fetch, cat-file) may run before it is killed with everything it
   * started; Argo's ARGOCD_EXEC_TIMEOUT, 90 s when absent.
   */
  timeoutMs?: number;
}

/** The environment for one git command, and a cleanup for any key file written. */
export interface GitAuth {
  env: Record<string, string>;
  dispose(): void;
}

/**
 * Credentials go to git as an HTTP header or an ssh identity file, never inside the URL, so
 * neither git's messages nor ours can leak them. The header travels in git's environment config
 * (GIT_CONFIG_COUNT, git >= 2.31), never in argv: any local user can read a process's argv, only
 * its owner the environment.
 */
export function gitAuth(creds: GitCredentials = {}, transport: GitTransportOptions = {}, url = ''): GitAuth {
  const config: [string, string][] = [];
  const env: Record<string, string> = { GIT_TERMINAL_PROMPT: '0' };
  let dir: string | undefined;
  // http.sslCAInfo replaces curl's bundle, so the file written holds the system's CAs and the host's.
  const tls = /^https:/i.test(url) ? writeTlsFiles(transport.tlsDataPath, url, creds) : { dispose: () => undefined };
  if (creds.password !== undefined || creds.username !== undefined) {
    const basic = Buffer.from(`${creds.username ?? ''}:${creds.password ?? ''}`).toString('base64');
    config.push(['http.extraHeader', `Authorization: Basic ${basic}`]);
  }
  if (creds.bearerToken) config.push(['http.extraHeader', `Authorization: Bearer ${creds.bearerToken}`]);
  if (creds.insecure) config.push(['http.sslVerify', 'false']);
  if (tls.caFile) config.push(['http.sslCAInfo', tls.caFile]);
  if (tls.certFile && tls.keyFile) config.push(['http.sslCert', tls.certFile], ['http.sslKey', tls.keyFile]);
  config.forEach(([key, value], i) => Object.assign(env, { [`GIT_CONFIG_KEY_${i}`]: key, [`GIT_CONFIG_VALUE_${i}`]: value }));
  if (config.length) env.GIT_CONFIG_COUNT = String(config.length);
  if (creds.sshPrivateKey) {
    dir = mkdtempSync(join(tmpdir(), 'flotilla-ssh-'));
    const key = join(dir, 'id');
    writeFileSync(key, creds.sshPrivateKey.endsWith('\n') ? creds.sshPrivateKey : `${creds.sshPrivateKey}\n`);
    chmodSync(key, 0o600);
    env.GIT_SSH_COMMAND = `ssh -i ${shellQuote(key)} -o IdentitiesOnly=yes ${hostKeyOptions(creds, transport)}`;
  } else if (transport.sshKnownHostsFile || creds.insecure) {
    // ssh URLs without a key of ours (an agent, a default identity) still check host keys the same way.
    env.GIT_SSH_COMMAND = `ssh ${hostKeyOptions(creds, transport)}`;
  }
  return {
    env,
    dispose: () => {
      tls.dispose();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Host keys are checked strictly against the known hosts file, unless the repository is marked insecure. */
function hostKeyOptions(creds: GitCredentials, transport: GitTransportOptions): string {
  if (creds.insecure) return '-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null';
  return transport.sshKnownHostsFile ? `-o StrictHostKeyChecking=yes -o UserKnownHostsFile=${shellQuote(transport.sshKnownHostsFile)}` : '-o StrictHostKeyChecking=yes';
}

/** git runs GIT_SSH_COMMAND through a shell: paths go in single quotes. */
const shellQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** Removes anything that looks like a credential from a message before it is logged or returned. */
export function maskSecrets(message: string, creds: GitCredentials = {}): string {
  let out = message.replace(/(https?:\/\/)[^/@\s]+@/g, '$1***@').replace(/([a-z][a-z0-9+.-]*:\/\/[^/:@\s]*:)[^/@\s]+@/gi, '$1***@').replace(/(Authorization: (Basic|Bearer) )\S+/gi, '$1***');
  for (const secret of [creds.password, creds.bearerToken, creds.sshPrivateKey, creds.tlsClientCertKey]) if (secret) out = out.split(secret).join('***');
  return out;
}
