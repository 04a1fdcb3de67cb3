import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest, type RequestOptions } from 'node:https';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'yaml';
import { runProcess } from '../exec/tool-exec.client';
import type { HelmRepoCredentials } from '../render/render-context';
import { caBundleFor, certificateHint, hostCertificates } from '../tls/repo-tls';
import { assertLinksStayInside } from '../workspace/checkout-paths';
import { maxSatisfying } from './semver-range';

/** A chart or version a Helm repository does not have, or a repository that cannot be read. */
export class HelmRepositoryError extends Error {}
/** The repository did not answer, or answered with a server error: worth serving a last good render. */
export class HelmRepositoryUnreachableError extends HelmRepositoryError {}

interface IndexEntry {
  version: string;
  urls?: string[];
}

/** How long unpacking one chart may take when the caller gives no limit (Argo's ARGOCD_EXEC_TIMEOUT default). */
const DEFAULT_UNPACK_TIMEOUT_MS = 90_000;
const INDEX_TTL_MS = 60_000;
const indexCache = new Map<string, { at: number; entries: Record<string, IndexEntry[]> }>();

const authHeader = (creds?: HelmRepoCredentials): Record<string, string> =>
  creds?.username || creds?.password ? { Authorization: `Basic ${Buffer.from(`${creds.username ?? ''}:${creds.password ?? ''}`).toString('base64')}` } : {};

/** A repository Secret's fields the Helm repository client uses (basic auth and TLS). */
export const helmCredentialsOf = (creds: HelmRepoCredentials): HelmRepoCredentials => ({
  username: creds.username,
  password: creds.password,
  insecure: creds.insecure,
  ...(creds.tlsClientCertData && creds.tlsClientCertKey ? { tlsClientCertData: creds.tlsClientCertData, tlsClientCertKey: creds.tlsClientCertKey } : {}),
});

const masked = (url: string): string => url.replace(/\/\/[^/@]*@/, '//***@');
const MAX_REDIRECTS = 10;

/**
 * The TLS options for one HTTPS request: the system's CAs plus argocd-tls-certs-cm's certificates
 * for that host (read now), the repository's client certificate, or no verification when insecure.
 */
function tlsOptions(url: URL, creds: HelmRepoCredentials | undefined, tlsDataPath: string | undefined): RequestOptions {
  if (url.protocol !== 'https:') return {};
  const ca = creds?.insecure ? undefined : caBundleFor(tlsDataPath, url.toString());
  return {
    rejectUnauthorized: !creds?.insecure,
    ...(ca ? { ca } : {}),
    ...(creds?.tlsClientCertData && creds.tlsClientCertKey ? { cert: creds.tlsClientCertData, key: creds.tlsClientCertKey } : {}),
  };
}

/** One GET, following redirects; credentials (header and client certificate) go only to the first URL's host. */
async function download(url: string, creds: HelmRepoCredentials | undefined, maxBytes: number, tlsDataPath?: string): Promise<Buffer> {
  const first = new URL(url);
  let target = first;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const sameHost = target.host === first.host;
    const hopCreds = sameHost ? creds : creds?.insecure ? { insecure: true } : undefined;
    let res: { status: number; statusText: string; location?: string; body: Buffer };
    try {
      res = await get(target, { headers: authHeader(hopCreds), ...tlsOptions(target, hopCreds, tlsDataPath) }, maxBytes);
    } catch (e) {
      if (e instanceof HelmRepositoryError) throw e;
      // Duck-typed: Node's own errors may come from another realm (a test runner's sandbox).
      const { message = String(e), code } = (e ?? {}) as { message?: string; code?: string };
      const detail = code && !message.includes(code) ? `${message} (${code})` : message;
      throw new HelmRepositoryUnreachableError(`cannot reach ${masked(target.toString())}: ${detail}${certificateHint(tlsDataPath, target.toString(), detail, hopCreds)}`);
    }
    if (res.status >= 300 && res.status < 400 && res.location) {
      target = new URL(res.location, target);
      if (target.protocol !== 'https:' && target.protocol !== 'http:') throw new HelmRepositoryError(`GET ${masked(url)} redirects to ${target.protocol} URL; refusing it`);
      continue;
    }
    if (res.status < 200 || res.status >= 300) throw new (res.status >= 500 ? HelmRepositoryUnreachableError : HelmRepositoryError)(`GET ${masked(target.toString())} answered ${res.status} ${res.statusText}`);
    return res.body;
  }
  throw new HelmRepositoryError(`GET ${masked(url)}: more than ${MAX_REDIRECTS} redirects`);
}

/** A GET with Node's http(s), so TLS options apply (fetch takes none); the body is capped as it arrives. */
function get(url: URL, options: RequestOptions, maxBytes: number): Promise<{ status: number; statusText: string; location?: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, { ...options, method: 'GET', timeout: 60_000 }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) {
          req.destroy(new HelmRepositoryError(`${masked(url.toString())}: over the ${maxBytes} byte limit`));
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', location: res.headers.location, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('no answer within 60 s')));
    req.on('error', reject);
    req.end();
  });
}

async function chartIndex(repoURL: string, creds: HelmRepoCredentials | undefined, maxBytes: number, tlsDataPath?: string): Promise<Record<string, IndexEntry[]>> {
  // The host's certificates are part of the key: once they change (or go), the index is fetched again.
  const trust = creds?.insecure ? [] : hostCertificates(tlsDataPath, repoURL);
  const key = `${repoURL}#${createHash('sha256').update(JSON.stringify([creds ?? {}, trust])).digest('hex')}`;
  const hit = indexCache.get(key);
  if (hit && Date.now() - hit.at < INDEX_TTL_MS) return hit.entries;
  const text = (await download(`${repoURL.replace(/\/+$/, '')}/index.yaml`, creds, maxBytes, tlsDataPath)).toString('utf8');
  const index = parse(text, { maxAliasCount: 100 }) as { entries?: Record<string, IndexEntry[]> } | null;
  const entries = index?.entries ?? {};
  indexCache.set(key, { at: Date.now(), entries });
  return entries;
}

/** The highest version of `chart` in a Helm repository matching `constraint` (index cached for a minute). */
export async function resolveChartVersion(repoURL: string, chart: string, constraint: string, creds: HelmRepoCredentials | undefined, maxBytes: number, tlsDataPath?: string): Promise<string> {
  const versions = (await chartIndex(repoURL, creds, maxBytes, tlsDataPath))[chart];
  if (!versions?.length) throw new HelmRepositoryError(`chart "${chart}" not found in ${repoURL}`);
  const version = maxSatisfying(
    versions.map((v) => v.version),
    constraint,
  );
  if (!version) throw new HelmRepositoryError(`no version of chart "${chart}" in ${repoURL} matches "${constraint}" (has ${versions.map((v) => v.version).join(', ')})`);
  return version;
}

/**
 * Pulls `chart` at the highest version matching `constraint` from a Helm repository (index.yaml
 * over HTTP, basic auth) into the chart cache, unpacked, and returns the chart's directory.
 * Credentials go to the chart URL only on the repository's own host unless `passCredentials`.
 */
export async function pullChart(opts: {
  repoURL: string;
  chart: string;
  constraint: string;
  creds?: HelmRepoCredentials;
  passCredentials?: boolean;
  cacheDir: string;
  maxBytes: number;
  /** argocd-tls-certs-cm, mounted: certificates trusted per server host name. */
  tlsDataPath?: string;
  /** How long `tar` may take to unpack the chart before it is killed (the exec timeout). */
  timeoutMs?: number;
}): Promise<{ dir: string; version: string }> {
  const version = await resolveChartVersion(opts.repoURL, opts.chart, opts.constraint, opts.creds, opts.maxBytes, opts.tlsDataPath);
  const versions = (await chartIndex(opts.repoURL, opts.creds, opts.maxBytes, opts.tlsDataPath))[opts.chart];
  const key = createHash('sha256').update(`${opts.repoURL}\n${opts.chart}\n${version}`).digest('hex').slice(0, 24);
  const target = join(opts.cacheDir, key);
  if (!existsSync(target)) {
    const entry = versions.find((v) => v.version === version)!;
    const url = new URL(entry.urls?.[0] ?? `${opts.chart}-${version}.tgz`, `${opts.repoURL.replace(/\/+$/, '')}/`).toString();
    const sameHost = new URL(url).host === new URL(opts.repoURL).host;
    const tgz = await download(url, sameHost || opts.passCredentials ? opts.creds : opts.creds?.insecure ? { insecure: true } : undefined, opts.maxBytes, opts.tlsDataPath);
    mkdirSync(opts.cacheDir, { recursive: true });
    const staging = mkdtempSync(join(opts.cacheDir, 'pull-'));
    try {
      // Unpacked in memory first, so a small archive that expands without end (a gzip bomb) stops at the cap.
      let tar: Buffer;
      try {
        tar = gunzipSync(tgz, { maxOutputLength: opts.maxBytes });
      } catch (e) {
        const tooBig = (e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
        throw new HelmRepositoryError(`cannot unpack chart "${opts.chart}" ${version}: ${tooBig ? `it expands beyond ${opts.maxBytes} bytes` : (e as Error).message}`);
      }
      writeFileSync(join(staging, 'chart.tar'), tar);
      mkdirSync(join(staging, 'out'));
      // GNU tar refuses members with `..` or absolute names; ownership is never taken from the archive.
      await untar(join(staging, 'chart.tar'), join(staging, 'out'), opts.timeoutMs ?? DEFAULT_UNPACK_TIMEOUT_MS).catch((e: Error) => {
        throw new HelmRepositoryError(`cannot unpack chart "${opts.chart}" ${version}: ${e.message}`);
      });
      assertLinksStayInside(join(staging, 'out'), `chart "${opts.chart}" ${version}`);
      const top = readdirSync(join(staging, 'out'));
      if (top.length !== 1) throw new HelmRepositoryError(`chart archive of "${opts.chart}" ${version} has ${top.length} top-level entries, expected one directory`);
      // Another render may have unpacked the same chart meanwhile; either copy is identical.
      if (!existsSync(target)) renameSync(join(staging, 'out'), target);
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  }
  return { dir: join(target, readdirSync(target)[0]), version };
}

/** GNU tar, run as every other process is (its own group, killed on timeout), with nothing of repo-server's environment but PATH. */
async function untar(archive: string, into: string, timeoutMs: number): Promise<void> {
  const run = await runProcess('tar', ['--no-same-owner', '--no-same-permissions', '-xf', archive, '-C', into], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C' },
    timeoutMs,
    maxOutputBytes: 1024 * 1024,
    overflow: 'cut',
  });
  if (run.spawnError) throw new Error(run.spawnError.code === 'ENOENT' ? 'tar not found on PATH' : `tar could not start: ${run.spawnError.message}`);
  if (run.timedOut) throw new Error(`tar timed out after ${Math.round(timeoutMs / 1000)}s and was killed`);
  if (run.failed) throw new Error(`tar failed (${run.signal ?? `exit ${run.exitCode}`}): ${run.stderr || 'no message'}`);
}
