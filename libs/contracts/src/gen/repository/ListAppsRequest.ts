// Original file: proto/reposerver/reposerver.proto

import type { JsonObject as _flotilla_JsonObject, JsonObject__Output as _flotilla_JsonObject__Output } from '../flotilla/JsonObject';

/**
 * Argo's ListApps: the application directories at a revision (path -> Directory, Helm, Kustomize or Plugin).
 */
export interface ListAppsRequest {
  repo?: _flotilla_JsonObject | null;
  revision?: string;
}

/**
 * Argo's ListApps: the application directories at a revision (path -> Directory, Helm, Kustomize or Plugin).
 */
export interface ListAppsRequest__Output {
  repo: _flotilla_JsonObject__Output | null;
  revision: string;
}
