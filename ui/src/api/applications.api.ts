import type { Application } from '@flotilla/api-types';
import { api } from './api.client';

/** What the list pages ask of each Application: enough for tiles, filters and counts, not its resources. */
export const LIST_FIELDS = [
  'metadata.resourceVersion',
  'metadata.continue',
  'items.metadata.name',
  'items.metadata.namespace',
  'items.metadata.labels',
  'items.metadata.annotations',
  'items.metadata.creationTimestamp',
  'items.metadata.deletionTimestamp',
  'items.metadata.resourceVersion',
  'items.spec',
  'items.operation.sync',
  'items.status.sync.status',
  'items.status.sync.revision',
  'items.status.health',
  'items.status.operationState.phase',
  'items.status.operationState.startedAt',
  'items.status.operationState.finishedAt',
  'items.status.reconciledAt',
  'items.status.summary',
  'items.status.sourceType',
];

/** The same selection for the watch stream's events. */
export const STREAM_FIELDS = ['result.type', ...LIST_FIELDS.filter((f) => f.startsWith('items.')).map((f) => `result.application.${f.slice('items.'.length)}`)];

export interface ApplicationList {
  metadata?: { resourceVersion?: string; continue?: string; remainingItemCount?: number };
  items?: Application[];
}

export const applicationsApi = {
  /** One app's name and how many more there are (remainingItemCount): the count without the apps. */
  count: (signal?: AbortSignal) => api.get<ApplicationList>('/api/v1/applications', { fields: 'items.metadata.name', limit: 1 }, signal),
  /** Every app in one answer (gzipped on the wire): one read of the hub rather than one per page. */
  list: (signal?: AbortSignal) => api.get<ApplicationList>('/api/v1/applications', { fields: LIST_FIELDS.join(',') }, signal),
  get: (name: string, appNamespace?: string) => api.get<Application>(`/api/v1/applications/${encodeURIComponent(name)}`, { appNamespace }),
  refresh: (name: string, appNamespace: string | undefined, hard = false) =>
    api.get<Application>(`/api/v1/applications/${encodeURIComponent(name)}`, { appNamespace, refresh: hard ? 'hard' : 'normal' }),
  sync: (name: string, body: Record<string, unknown>) => api.post<Application>(`/api/v1/applications/${encodeURIComponent(name)}/sync`, { name, ...body }),
  delete: (name: string, appNamespace: string | undefined, cascade: boolean, propagationPolicy?: string) =>
    api.delete<unknown>(`/api/v1/applications/${encodeURIComponent(name)}`, { appNamespace, cascade, propagationPolicy }),
};
