import type { Application, ApplicationSet, ApplicationSetStatus } from '@flotilla/api-types';
import { api } from './api.client';

/** An ApplicationSet as the API gives it; `status.applicationStatus` is progressive sync's per-app status when RollingSync runs. */
export type ApplicationSetWithProgress = ApplicationSet & { status?: ApplicationSetStatus };

const OWNED_FIELDS = [
  'items.metadata.name',
  'items.metadata.namespace',
  'items.metadata.ownerReferences',
  'items.spec.destination',
  'items.status.sync.status',
  'items.status.health',
].join(',');

export const applicationSetsApi = {
  list: () => api.get<{ items?: ApplicationSetWithProgress[] }>('/api/v1/applicationsets'),
  get: (name: string, appsetNamespace?: string) =>
    api.get<ApplicationSetWithProgress>(`/api/v1/applicationsets/${encodeURIComponent(name)}`, { appsetNamespace }),
  /** The Applications whose owner is the set, as the controller marks the ones it generated. */
  ownedApplications: async (set: ApplicationSet): Promise<Application[]> => {
    const list = await api.get<{ items?: Application[] }>('/api/v1/applications', { fields: OWNED_FIELDS });
    return (list.items ?? []).filter((a) =>
      (a.metadata.ownerReferences ?? []).some(
        (o) => o.kind === 'ApplicationSet' && (set.metadata.uid ? o.uid === set.metadata.uid : o.name === set.metadata.name),
      ),
    );
  },
};
