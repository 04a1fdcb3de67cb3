// Original file: proto/reposerver/reposerver.proto

import type { JsonObject as _flotilla_JsonObject, JsonObject__Output as _flotilla_JsonObject__Output } from '../flotilla/JsonObject';

export interface RepoAppDetailsResponse {
  type?: string;
  /**
   * Per-type details (directory, helm, kustomize), as JSON.
   */
  details?: _flotilla_JsonObject | null;
}

export interface RepoAppDetailsResponse__Output {
  type: string;
  /**
   * Per-type details (directory, helm, kustomize), as JSON.
   */
  details: _flotilla_JsonObject__Output | null;
}
