import type { ApplicationSource } from '@flotilla/api-types';
import type { GitCredentials } from '../git/git-credentials';
import { RepositoryRegistry } from '../git/repository.registry';
import { selectDirectoryFiles } from '../render/directory.renderer';

export type SourceType = 'Helm' | 'Kustomize' | 'Directory' | 'Plugin';

export interface AppDetails {
  type: SourceType;
  revision: string;
  directory?: { files: string[] };
  helm?: { valueFiles: string[]; name?: string };
  kustomize?: { kustomizationFile: string };
}

const KUSTOMIZATION = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/**
 * What a source path holds, decided as Argo does: a Chart.yaml makes it Helm, a kustomization
 * file Kustomize, a plugin section a Plugin, anything else a directory of manifests.
 */
export class AppDetailsService {
  constructor(private readonly repos: RepositoryRegistry) {}

  async details(source: ApplicationSource, creds: GitCredentials, fresh = false): Promise<AppDetails> {
    const { sha } = await this.repos.resolve(source.repoURL, creds, source.targetRevision, fresh);
    const path = (source.path ?? '.').replace(/^(\.\/)+/, '').replace(/\/+$/, '') || '.';
    const files = await this.repos.get(source.repoURL, creds).listFiles(sha, path);
    const inPath = (name: string): string => (path === '.' ? name : `${path}/${name}`);
    const names = new Set(files.map((f) => f.path));
    if (source.plugin) return { type: 'Plugin', revision: sha };
    if (names.has(inPath('Chart.yaml')) || source.chart) {
      const valueFiles = files
        .map((f) => f.path)
        .filter((p) => /\/?values[^/]*\.ya?ml$/.test(p) && !p.slice(inPath('').length).includes('/'))
        .map((p) => p.slice(inPath('').length))
        .sort();
      return { type: 'Helm', revision: sha, helm: { valueFiles } };
    }
    const kustomization = KUSTOMIZATION.find((k) => names.has(inPath(k)));
    if (kustomization) return { type: 'Kustomize', revision: sha, kustomize: { kustomizationFile: kustomization } };
    const manifests = selectDirectoryFiles(files, path, source.directory).map((f) => f.path);
    return { type: 'Directory', revision: sha, directory: { files: manifests } };
  }
}
