// How Argo CD tells repositories apart and whether one carries its own credentials; shared by the
// api-server (repository API) and the app-controller (credentials for rendering).
import type { Repository } from './repository.types';

/** Argo CD compares repository URLs case-insensitively and without a trailing `.git` or `/`. */
export const normalizeRepoUrl = (url: string): string =>
  url
    .trim()
    .toLowerCase()
    .replace(/\/+$/, '')
    .replace(/\.git$/, '');

/** Whether a repository carries credentials of its own (otherwise repo-creds may supply them). */
export const hasCredentials = (repo: Repository): boolean =>
  !!(repo.username || repo.password || repo.bearerToken || repo.sshPrivateKey || repo.tlsClientCertData || repo.tlsClientCertKey);
