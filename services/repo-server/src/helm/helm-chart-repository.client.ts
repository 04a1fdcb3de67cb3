import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { parse } from 'yaml';
import type { HelmRepoCredentials } from '../render/render-context';
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

const exec = promisify(execFile);
const INDEX_TTL_MS = 60_000;
const indexCache = new Map<string, { at: number; entries: Record<string, IndexEntry[]> }>();

const authHeader = (creds?: HelmRepoCredentials): Record<string, string> =>
  creds?.username || creds?.password ? { Authorization: `Basic ${Buffer.from(`${creds.username ?? ''}:${creds.password ?? ''}`).toString('base64')}` } : {};

async function download(url: string, creds: HelmRepoCredentials | undefined, maxBytes: number): Promise<Buffer> {
  let res: Response;
  try {
    res = await fetch(url, { headers: authHeader(creds), signal: AbortSignal.timeout(60_000) });
  } catch (e) {
    throw new HelmRepositoryUnreachableError(`cannot reach ${url.replace(/\/\/[^/@]*@/, '//***@')}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!res.ok) throw new (res.status >= 500 ? HelmRepositoryUnreachableError : HelmRepositoryError)(`GET ${url.replace(/\/\/[^/@]*@/, '//***@')} answered ${res.status} ${res.statusText}`);
  const body = Buffer.from(await res.arrayBuffer());
  if (body.length > maxBytes) throw new HelmRepositoryError(`${url}: ${body.length} bytes, over the ${maxBytes} byte limit`);
  return body;
}

async function chartIndex(repoURL: string, creds: HelmRepoCredentials | undefined, maxBytes: number): Promise<Record<string, IndexEntry[]>> {
  const key = `${repoURL}#${createHash('sha256').update(JSON.stringify(creds ?? {})).digest('hex')}`;
  const hit = indexCache.get(key);
  if (hit && Date.now() - hit.at < INDEX_TTL_MS) return hit.entries;
  const text = (await download(`${repoURL.replace(/\/+$/, '')}/index.yaml`, creds, maxBytes)).toString('utf8');
  const index = parse(text, { maxAliasCount: 100 }) as { entries?: Record<string, IndexEntry[]> } | null;
  const entries = index?.entries ?? {};
  indexCache.set(key, { at: Date.now(), entries });
  return entries;
}

/** The highest version of `chart` in a Helm repository matching `constraint` (index cached for a minute). */
export async function resolveChartVersion(repoURL: string, chart: string, constraint: string, creds: HelmRepoCredentials | undefined, maxBytes: number): Promise<string> {
  const versions = (await chartIndex(repoURL, creds, maxBytes))[chart];
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
}): Promise<{ dir: string; version: string }> {
  const version = await resolveChartVersion(opts.repoURL, opts.chart, opts.constraint, opts.creds, opts.maxBytes);
  const versions = (await chartIndex(opts.repoURL, opts.creds, opts.maxBytes))[opts.chart];
  const key = createHash('sha256').update(`${opts.repoURL}\n${opts.chart}\n${version}`).digest('hex').slice(0, 24);
  const target = join(opts.cacheDir, key);
  if (!existsSync(target)) {
    const entry = versions.find((v) => v.version === version)!;
    const url = new URL(entry.urls?.[0] ?? `${opts.chart}-${version}.tgz`, `${opts.repoURL.replace(/\/+$/, '')}/`).toString();
    const sameHost = new URL(url).host === new URL(opts.repoURL).host;
    const tgz = await download(url, sameHost || opts.passCredentials ? opts.creds : undefined, opts.maxBytes);
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
      await exec('tar', ['--no-same-owner', '--no-same-permissions', '-xf', join(staging, 'chart.tar'), '-C', join(staging, 'out')]).catch((e: Error) => {
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
