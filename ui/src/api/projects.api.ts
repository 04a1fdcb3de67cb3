import type { AppProject } from '@flotilla/api-types';
import { api } from './api.client';

export const projectsApi = {
  list: () => api.get<{ items?: AppProject[] }>('/api/v1/projects'),
  get: (name: string) => api.get<AppProject>(`/api/v1/projects/${encodeURIComponent(name)}`),
};
