// Repository and repo-creds Secrets of the control-plane namespace, watched, so each reconcile
// can hand repo-server the right credentials without reading the hub.
import { repositoryFor, repositoryFromSecret, SECRET_TYPE_LABEL, SECRET_TYPE_REPO_CREDS, SECRET_TYPE_REPOSITORY, type Repository } from '@flotilla/api-types';
import { Informer, type KubeClient } from '@flotilla/platform';
import type { SecretObject } from '../clusters/cluster-secret.codec';

export class RepositoryCredentialsStore {
  private readonly secrets: Informer<SecretObject>;

  /** onChanged receives the URL (or URL prefix, for repo-creds) whose credentials changed. */
  constructor(hub: KubeClient, namespace: string, onChanged: (urlOrPrefix: string) => void) {
    this.secrets = new Informer<SecretObject>(hub, {
      apiVersion: 'v1',
      kind: 'Secret',
      namespace,
      labelSelector: `${SECRET_TYPE_LABEL} in (${SECRET_TYPE_REPOSITORY},${SECRET_TYPE_REPO_CREDS})`,
    });
    const changed = (secret: SecretObject): void => onChanged(repositoryFromSecret(secret).repo);
    this.secrets.on('add', changed);
    this.secrets.on('update', (_before, after) => changed(after));
    this.secrets.on('delete', changed);
  }

  start(): Promise<void> {
    return this.secrets.start();
  }

  stop(): Promise<void> {
    return this.secrets.stop();
  }

  get synced(): boolean {
    return this.secrets.synced;
  }

  /** What repo-server needs to fetch url for an app of this project. */
  repositoryFor(url: string, project?: string): Repository {
    const byType = (type: string): Repository[] =>
      this.secrets
        .list()
        .filter((s) => s.metadata?.labels?.[SECRET_TYPE_LABEL] === type)
        .map(repositoryFromSecret);
    return repositoryFor(url, byType(SECRET_TYPE_REPOSITORY), byType(SECRET_TYPE_REPO_CREDS), project);
  }
}
