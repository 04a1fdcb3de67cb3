// What the UI asks of one Application beyond reading it: sync, rollback, terminate, spec updates,
// commit metadata and deletion, as Argo CD's REST API has them (proto/application/application.proto).
import type { Application, ApplicationSpec } from '@flotilla/api-types';
import type { ApplicationServiceClient } from '@flotilla/contracts';
import { api } from './api.client';

/** The request message of an ApplicationService method (the generated types' index exports only the service). */
type RequestOf<M extends 'Sync' | 'Rollback' | 'Delete'> = Omit<Parameters<ApplicationServiceClient[M]>[0], `_${string}`>;

export type SyncRequest = RequestOf<'Sync'>;

/** Argo's RevisionMetadata: the commit behind a revision, read by repo-server. */
export interface RevisionMetadata {
  author?: string;
  date?: string;
  message?: string;
  tags?: string[];
  signatureInfo?: string;
}

/** How DELETE removes the app's resources: Argo's UI offers these three. */
export type DeletePropagation = 'foreground' | 'background' | 'non-cascading';

/** Which Application a call is about: any object with its name and namespace, the live Application included. */
export interface AppRef {
  metadata: { name: string; namespace?: string };
}

const path = (name: string, rest = ''): string => `/api/v1/applications/${encodeURIComponent(name)}${rest}`;

export const operationsApi = {
  sync: (app: AppRef, req: SyncRequest) =>
    api.post<Application>(path(app.metadata.name, '/sync'), { ...req, name: app.metadata.name, appNamespace: app.metadata.namespace }),

  rollback: (app: AppRef, req: Pick<RequestOf<'Rollback'>, 'id' | 'prune' | 'dryRun'>) =>
    api.post<Application>(path(app.metadata.name, '/rollback'), { ...req, name: app.metadata.name, appNamespace: app.metadata.namespace }),

  terminate: (app: AppRef) => api.delete<unknown>(path(app.metadata.name, '/operation'), { appNamespace: app.metadata.namespace }),

  /** PUT …/spec: the body is the spec itself; the server answers with the spec it stored. */
  updateSpec: (app: AppRef, spec: ApplicationSpec, validate = true) =>
    api.put<ApplicationSpec>(path(app.metadata.name, '/spec'), spec, { appNamespace: app.metadata.namespace, validate }),

  revisionMetadata: (app: AppRef, revision: string, versionId?: number) =>
    api.get<RevisionMetadata>(path(app.metadata.name, `/revisions/${encodeURIComponent(revision)}/metadata`), {
      appNamespace: app.metadata.namespace,
      versionId,
    }),

  delete: (app: AppRef, propagation: DeletePropagation) => {
    const query: Omit<RequestOf<'Delete'>, 'name'> =
      propagation === 'non-cascading' ? { cascade: false } : { cascade: true, propagationPolicy: propagation };
    return api.delete<unknown>(path(app.metadata.name), { ...query, appNamespace: app.metadata.namespace });
  },
};
