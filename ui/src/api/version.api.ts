import { api } from './api.client';

/** Argo's VersionMessage: every field optional, the server fills what it knows. */
export type VersionMessage = Record<string, string | undefined>;

export const versionApi = {
  get: () => api.get<VersionMessage>('/api/version'),
};
