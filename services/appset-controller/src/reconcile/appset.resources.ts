// status.resources: one row per Application the ApplicationSet owns, with the sync and health the
// app-controller reports on it, sorted by name (Argo's BuildResourceStatus).
import type { Application, ApplicationSetStatus } from '@flotilla/api-types';

export type AppSetResource = NonNullable<ApplicationSetStatus['resources']>[number];

export function resourcesStatus(owned: readonly Application[]): AppSetResource[] {
  return [...owned]
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0))
    .map((app) => {
      const row: AppSetResource = {
        group: 'argoproj.io',
        version: 'v1alpha1',
        kind: 'Application',
        name: app.metadata.name,
        namespace: app.metadata.namespace,
      };
      if (app.status?.sync?.status) row.status = app.status.sync.status;
      if (app.status?.health?.status) row.health = { status: app.status.health.status };
      return row;
    });
}
