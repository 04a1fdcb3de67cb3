// Repositories and credential templates (Argo's RepositoryService and RepoCredsService), and what the
// create-app dialog asks of a repository: its branches and tags, and the apps it holds.
import type { Repository } from '@flotilla/api-types';
import { api } from './api.client';

export interface RepositoryList {
  items?: Repository[];
}

/** A credential template: credentials for every repository whose URL starts with `url`. */
export interface RepoCreds {
  url: string;
  type?: string;
  username?: string;
  password?: string;
}

export interface Refs {
  branches?: string[];
  tags?: string[];
}

export interface RepoApp {
  type: string;
  path: string;
}

const enc = encodeURIComponent;

export const repositoriesApi = {
  list: () => api.get<RepositoryList>('/api/v1/repositories'),
  /** The server tests the connection before it stores the repository; the answer carries the result. */
  create: (repo: Repository) => api.post<Repository>('/api/v1/repositories', repo),
  delete: (url: string, appProject?: string) => api.delete<unknown>(`/api/v1/repositories/${enc(url)}`, { appProject }),
  /** Argo's ValidateAccess: the server connects with what it is given (and credential templates), storing nothing; the body is the URL itself. */
  validate: (repo: Repository) =>
    api.post<unknown>(`/api/v1/repositories/${enc(repo.repo)}/validate`, repo.repo, {
      type: repo.type ?? 'git',
      insecure: repo.insecure,
      project: repo.project,
    }),
  refs: (url: string) => api.get<Refs>(`/api/v1/repositories/${enc(url)}/refs`),
  apps: (url: string, revision: string, appProject: string, appName: string) =>
    api.get<{ items?: RepoApp[] }>(`/api/v1/repositories/${enc(url)}/apps`, { revision, appProject, appName }),
};

export const repoCredsApi = {
  list: () => api.get<{ items?: RepoCreds[] }>('/api/v1/repocreds'),
  create: (creds: RepoCreds) => api.post<RepoCreds>('/api/v1/repocreds', creds),
  delete: (url: string) => api.delete<unknown>(`/api/v1/repocreds/${enc(url)}`),
};
