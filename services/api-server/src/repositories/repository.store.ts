import {
  hasCredentials,
  normalizeRepoUrl,
  Repository,
  SECRET_TYPE_LABEL,
  SECRET_TYPE_REPO_CREDS,
  SECRET_TYPE_REPOSITORY,
} from '@flotilla/api-types';
import type { KubeResourceStore } from '../hub/kube-resource.store';
import type { KubeSecret } from '../secrets/kube-secret';
import { repositoryFromSecret } from './repository-secret.codec';

export interface StoredRepository {
  repo: Repository;
  secret: KubeSecret;
}

/** Repositories and credential templates stored as Argo CD Secrets in the hub. */
export class RepositoryStore {
  constructor(private readonly secrets: KubeResourceStore<KubeSecret>) {}

  get namespace(): string {
    return this.secrets.namespace;
  }

  async all(): Promise<StoredRepository[]> {
    const { items } = await this.secrets.list(`${SECRET_TYPE_LABEL}=${SECRET_TYPE_REPOSITORY}`);
    return items.map((secret) => ({ repo: repositoryFromSecret(secret), secret })).sort((a, b) => a.repo.repo.localeCompare(b.repo.repo));
  }

  async byUrl(url: string, project?: string): Promise<StoredRepository | undefined> {
    const wanted = normalizeRepoUrl(url);
    const matches = (await this.all()).filter((s) => normalizeRepoUrl(s.repo.repo) === wanted);
    return matches.find((s) => (s.repo.project ?? '') === (project ?? '')) ?? matches[0];
  }

  /**
   * The repository to hand repo-server for a URL: its own Secret, credentials inherited from the
   * longest matching repo-creds prefix when it has none, or just the URL for a public repository.
   */
  async forSource(url: string, project?: string): Promise<Repository> {
    return this.withTemplate((await this.byUrl(url, project))?.repo ?? { repo: url });
  }

  /**
   * A repository without credentials of its own with those of the longest matching repo-creds
   * prefix, marked inheritedCreds, as Argo's CopyCredentialsFrom gives them; otherwise as it is.
   */
  async withTemplate(own: Repository): Promise<Repository> {
    if (hasCredentials(own)) return own;
    const url = own.repo;
    const { items } = await this.secrets.list(`${SECRET_TYPE_LABEL}=${SECRET_TYPE_REPO_CREDS}`);
    const template = items
      .map(repositoryFromSecret)
      .filter((c) => c.repo && url.toLowerCase().startsWith(c.repo.toLowerCase()))
      .sort((a, b) => b.repo.length - a.repo.length)[0];
    if (!template) return own;
    const { repo: _prefix, ...creds } = template;
    return { ...creds, ...own, inheritedCreds: true };
  }

  create(secret: KubeSecret): Promise<KubeSecret> {
    return this.secrets.create(secret);
  }

  replace(secret: KubeSecret): Promise<KubeSecret> {
    return this.secrets.replace(secret);
  }

  delete(name: string): Promise<void> {
    return this.secrets.delete(name);
  }
}
