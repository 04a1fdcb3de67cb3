import { posix } from 'node:path';
import type { ApplicationSource } from '@flotilla/api-types';
import { parse } from 'yaml';
import type { GitCredentials } from '../git/git-credentials';
import type { GitFile } from '../git/git-repository.client';
import { RepositoryRegistry } from '../git/repository.registry';
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
  constructor(private readonly repos: RepositoryRegistry) {}

  async details(source: ApplicationSource, creds: GitCredentials, fresh = false): Promise<AppDetails> {
    const { sha } = await this.repos.resolve(source.repoURL, creds, source.targetRevision, fresh);
    const path = (source.path ?? '.').replace(/^(\.\/)+/, '').replace(/\/+$/, '') || '.';
    const repo = this.repos.get(source.repoURL, creds);
    const files = await repo.listFiles(sha, path);
    const prefix = path === '.' ? '' : `${path}/`;
    const names = files.map((f) => f.path.slice(prefix.length)).filter((n) => !n.includes('/'));
    const type = detectSourceType(source, names);
    if (type === 'Plugin') return { type, revision: sha };
    if (type === 'Helm') return { type, revision: sha, helm: await this.helmDetails(source, files, prefix, names, (f) => repo.readBlobs(f)) };
    if (type === 'Kustomize') return { type, revision: sha, kustomize: { kustomizationFile: KUSTOMIZATION_FILES.find((k) => names.includes(k))! } };
    const manifests = selectDirectoryFiles(files, path, source.directory).map((f) => f.path);
    return { type, revision: sha, directory: { files: manifests } };
  }

  private async helmDetails(source: ApplicationSource, files: GitFile[], prefix: string, names: string[], read: (f: GitFile[]) => Promise<Map<string, Buffer>>): Promise<AppDetails['helm']> {
    const valueFiles = names.filter((n) => /values.*\.ya?ml$/.test(n)).sort();
    const opts = (source.helm ?? {}) as HelmSourceOptions;
    const wanted = ['values.yaml', ...(opts.valueFiles ?? [])].map((f) => posix.normalize(`${prefix}${f}`));
    const byPath = new Map(files.map((f) => [f.path, f]));
    const present = wanted.map((p) => byPath.get(p)).filter((f): f is GitFile => !!f);
    const blobs = await read(present);
    let values: unknown = {};
    for (const f of present) values = mergeValues(values, parse(blobs.get(f.path)!.toString('utf8'), { maxAliasCount: 100 }) ?? {});
    const params = new Map(flattenValues(values).map((p) => [p.name, p.value]));
    for (const p of opts.parameters ?? []) params.set(p.name, p.value ?? '');
    return { valueFiles, parameters: [...params].map(([name, value]) => ({ name, value })) };
  }
}
