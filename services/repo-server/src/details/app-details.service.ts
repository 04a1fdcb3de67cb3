import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import type { ApplicationSource } from '@flotilla/api-types';
import { parse } from 'yaml';
import type { GitCredentials } from '../git/git-credentials';
import { RepositoryRegistry } from '../git/repository.registry';
import { helmCredentialsOf, pullChart } from '../helm/helm-chart-repository.client';
import { flattenValues, HelmSourceOptions } from '../helm/helm-values';
import { selectDirectoryFiles } from '../render/directory.renderer';
import { detectSourceType, KUSTOMIZATION_FILES, SourceType } from '../render/source-type.detector';

export type { SourceType } from '../render/source-type.detector';

export interface HelmParameter {
  name: string;
  value: string;
}

export interface AppDetails {
  type: SourceType;
  revision: string;
  directory?: { files: string[] };
  helm?: { valueFiles: string[]; parameters: HelmParameter[]; name?: string };
  kustomize?: { kustomizationFile: string };
}

/** Deep merge as helm merges value files: maps merge, anything else is replaced. */
function mergeValues(base: unknown, over: unknown): unknown {
  if (!base || !over || typeof base !== 'object' || typeof over !== 'object' || Array.isArray(base) || Array.isArray(over)) return over;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(over as Record<string, unknown>)) out[k] = mergeValues(out[k], v);
  return out;
}

/**
 * What a source path holds, decided as Argo does (see detectSourceType); for Helm, the value
 * files beside the chart and its parameters: values.yaml, then the source's value files, flattened,
 * with the source's parameters on top.
 */
export class AppDetailsService {
  constructor(
    private readonly repos: RepositoryRegistry,
    /** Where charts from Helm repositories are unpacked, the download cap, and argocd-tls-certs-cm's mount. */
    private readonly charts: { cacheDir: string; maxBytes: number; tlsDataPath?: string } = { cacheDir: join(tmpdir(), 'flotilla-helm-charts'), maxBytes: 64 * 1024 * 1024 },
  ) {}

  async details(source: ApplicationSource, creds: GitCredentials, fresh = false): Promise<AppDetails> {
    if (source.chart) return this.chartDetails(source, creds);
    const { sha } = await this.repos.resolve(source.repoURL, creds, source.targetRevision, fresh);
    const path = (source.path ?? '.').replace(/^(\.\/)+/, '').replace(/\/+$/, '') || '.';
    const repo = this.repos.get(source.repoURL, creds);
    const files = await repo.listFiles(sha, path);
    const prefix = path === '.' ? '' : `${path}/`;
    const names = files.map((f) => f.path.slice(prefix.length)).filter((n) => !n.includes('/'));
    const type = detectSourceType(source, names);
    if (type === 'Plugin') return { type, revision: sha };
    if (type === 'Helm') {
      const byPath = new Map(files.map((f) => [f.path, f]));
      const read = async (name: string): Promise<Buffer | undefined> => {
        const file = byPath.get(posix.normalize(`${prefix}${name}`));
        return file ? (await repo.readBlobs([file])).get(file.path) : undefined;
      };
      return { type, revision: sha, helm: await helmDetails(source, names, read) };
    }
    if (type === 'Kustomize') return { type, revision: sha, kustomize: { kustomizationFile: KUSTOMIZATION_FILES.find((k) => names.includes(k))! } };
    const manifests = selectDirectoryFiles(files, path, source.directory).map((f) => f.path);
    return { type, revision: sha, directory: { files: manifests } };
  }

  /** A chart from a Helm repository: pulled (cached) at the version the constraint picks. */
  private async chartDetails(source: ApplicationSource, creds: GitCredentials): Promise<AppDetails> {
    const { dir, version } = await pullChart({
      repoURL: source.repoURL,
      chart: source.chart!,
      constraint: source.targetRevision || '*',
      creds: helmCredentialsOf(creds),
      cacheDir: this.charts.cacheDir,
      maxBytes: this.charts.maxBytes,
      tlsDataPath: this.charts.tlsDataPath,
    });
    const names = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => e.name);
    const read = (name: string): Promise<Buffer | undefined> => {
      const file = posix.normalize(name);
      // Value files come from the chart itself; anything else is not this chart's.
      return Promise.resolve(file.startsWith('../') || file.startsWith('/') || !names.includes(file) ? undefined : readFileSync(join(dir, file)));
    };
    return { type: 'Helm', revision: version, helm: await helmDetails(source, names, read) };
  }
}

/** A chart's value files and its parameters: values.yaml, then the source's value files, flattened, with its parameters on top. */
async function helmDetails(source: ApplicationSource, names: string[], read: (name: string) => Promise<Buffer | undefined>): Promise<AppDetails['helm']> {
  const valueFiles = names.filter((n) => /values.*\.ya?ml$/.test(n)).sort();
  const opts = (source.helm ?? {}) as HelmSourceOptions;
  let values: unknown = {};
  for (const name of ['values.yaml', ...(opts.valueFiles ?? [])]) {
    const text = await read(name);
    if (text) values = mergeValues(values, parse(text.toString('utf8'), { maxAliasCount: 100 }) ?? {});
  }
  const params = new Map(flattenValues(values).map((p) => [p.name, p.value]));
  for (const p of opts.parameters ?? []) params.set(p.name, p.value ?? '');
  return { valueFiles, parameters: [...params].map(([name, value]) => ({ name, value })) };
}
