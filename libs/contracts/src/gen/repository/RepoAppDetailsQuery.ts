// Original file: proto/repository/repository.proto

import type { JsonObject as _flotilla_JsonObject, JsonObject__Output as _flotilla_JsonObject__Output } from '../flotilla/JsonObject';

/**
 * Argo's RepoAppDetailsQuery: an ApplicationSource (as JSON) whose path to describe.
 */
export interface RepoAppDetailsQuery {
  source?: _flotilla_JsonObject | null;
  appName?: string;
  appProject?: string;
  sourceIndex?: number;
  versionId?: number;
}

/**
 * Argo's RepoAppDetailsQuery: an ApplicationSource (as JSON) whose path to describe.
 */
export interface RepoAppDetailsQuery__Output {
  source: _flotilla_JsonObject__Output | null;
  appName: string;
  appProject: string;
  sourceIndex: number;
  versionId: number;
}
