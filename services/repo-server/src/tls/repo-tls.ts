import { X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { rootCertificates } from 'node:tls';

/** Where Argo CD's repo-server has argocd-tls-certs-cm mounted (ARGOCD_TLS_DATA_PATH's default). */
export const DEFAULT_TLS_DATA_PATH = '/app/config/tls';

/** A repository Secret's TLS settings (Argo's `insecure`, `tlsClientCertData`, `tlsClientCertKey`). */
export interface RepoTlsCredentials {
  /** Skip verifying the server's certificate. */
  insecure?: boolean;
  /** A PEM client certificate sent to the server (with its key). */
  tlsClientCertData?: string;
  tlsClientCertKey?: string;
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----\r?\n[\s\S]*?-----END CERTIFICATE-----/g;

/**
 * The file argocd-tls-certs-cm has for a repository URL's server: named after the host name alone,
 * the port dropped, as Argo's ServerNameWithoutPort does (`git.example.com:8443` reads
 * `git.example.com`). Undefined for a URL that is not http(s) or whose host cannot name a file.
 */
export function tlsCertFileFor(dataPath: string, url: string): { host: string; file: string } | undefined {
  let host: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
    host = parsed.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  } catch {
    return undefined;
  }
  // A ConfigMap key is [-._a-zA-Z0-9]+; anything else (an IPv6 address, `..`) cannot be one.
  if (!/^[-._a-z0-9]+$/.test(host) || /^\.+$/.test(host) || basename(host) !== host) return undefined;
  return { host, file: join(dataPath, host) };
}

/**
 * The PEM certificates argocd-tls-certs-cm holds for a repository's server, read now: the mount
 * is updated in place when the ConfigMap changes, so every connection looks again. None when the
 * file is absent; text that is no certificate is skipped (Argo ignores such a file too).
 */
export function hostCertificates(dataPath: string | undefined, url: string): string[] {
  if (!dataPath) return [];
  const target = tlsCertFileFor(dataPath, url);
  if (!target) return [];
  let text: string;
  try {
    text = readFileSync(target.file, 'utf8');
  } catch {
    return [];
  }
  return (text.match(PEM_CERTIFICATE) ?? []).filter((pem) => {
    try {
      new X509Certificate(pem);
      return true;
    } catch {
      return false;
    }
  });
}

/** Where OpenSSL-based tools find the system's CA bundle, first match wins. */
const SYSTEM_BUNDLES = ['/etc/ssl/certs/ca-certificates.crt', '/etc/pki/tls/certs/ca-bundle.crt', '/etc/ssl/ca-bundle.pem', '/etc/ssl/cert.pem'];
let systemRoots: string | undefined;

/** The roots this host trusts anyway: the image's CA bundle, or Node's own Mozilla roots when the image has none. */
export function systemRootCertificates(): string {
  if (systemRoots === undefined) {
    const file = [process.env.SSL_CERT_FILE, ...SYSTEM_BUNDLES].find((f): f is string => !!f && existsSync(f));
    systemRoots = file ? readFileSync(file, 'utf8') : rootCertificates.join('\n');
    if (!systemRoots.endsWith('\n')) systemRoots += '\n';
  }
  return systemRoots;
}

/**
 * The roots to verify a repository's server with: the system's and, when argocd-tls-certs-cm has
 * certificates for the host, those as well. Undefined when it has none (the tool's defaults apply).
 */
export function caBundleFor(dataPath: string | undefined, url: string): string | undefined {
  const certs = hostCertificates(dataPath, url);
  return certs.length ? `${systemRootCertificates()}${certs.join('\n')}\n` : undefined;
}

/** Files a tool reads the TLS settings from (git's http.sslCAInfo/sslCert/sslKey, helm's --ca-file), in a private directory. */
export interface TlsFiles {
  caFile?: string;
  certFile?: string;
  keyFile?: string;
  dispose(): void;
}

/**
 * Writes what a command-line client needs for one repository into a fresh 0700 directory: the CA
 * bundle (unless the repository is insecure) and the client certificate and key. Nothing is
 * written, and no directory made, when there is nothing to write.
 */
export function writeTlsFiles(dataPath: string | undefined, url: string, creds: RepoTlsCredentials = {}, parent = tmpdir()): TlsFiles {
  const ca = creds.insecure ? undefined : caBundleFor(dataPath, url);
  const client = creds.tlsClientCertData && creds.tlsClientCertKey ? { cert: creds.tlsClientCertData, key: creds.tlsClientCertKey } : undefined;
  if (!ca && !client) return { dispose: () => undefined };
  const dir = mkdtempSync(join(parent, 'flotilla-tls-'));
  chmodSync(dir, 0o700);
  const write = (name: string, text: string): string => {
    const file = join(dir, name);
    writeFileSync(file, text.endsWith('\n') ? text : `${text}\n`, { mode: 0o600 });
    return file;
  };
  return {
    ...(ca ? { caFile: write('ca.pem', ca) } : {}),
    ...(client ? { certFile: write('client.crt', client.cert), keyFile: write('client.key', client.key) } : {}),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Messages of git (OpenSSL or GnuTLS) and of Node that mean the server's certificate was not trusted. */
const CERTIFICATE_PROBLEM = /certificate|SSL_ERROR|self[- ]signed|unable to (get local issuer|verify)|CERT_|x509|verification failed/i;

/**
 * What to add to a failure that is the server's certificate not being trusted: which host, and
 * where its certificate goes. Empty for any other failure, and for an insecure repository.
 */
export function certificateHint(dataPath: string | undefined, url: string, message: string, creds: RepoTlsCredentials = {}): string {
  if (creds.insecure || !CERTIFICATE_PROBLEM.test(message)) return '';
  const target = tlsCertFileFor(dataPath ?? DEFAULT_TLS_DATA_PATH, url);
  if (!target || !url.startsWith('https:')) return '';
  const found = hostCertificates(dataPath, url).length;
  return found
    ? `; the TLS certificate of ${target.host} is not signed by the system's CAs nor by the ${found} certificate(s) in ${target.file} (argocd-tls-certs-cm key "${target.host}")`
    : `; the TLS certificate of ${target.host} is not trusted: add it, or its CA, to argocd-tls-certs-cm under the key "${target.host}" (read from ${target.file}), or mark the repository insecure`;
}
