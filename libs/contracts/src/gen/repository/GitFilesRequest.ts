// Original file: proto/reposerver/reposerver.proto

import type { JsonObject as _flotilla_JsonObject, JsonObject__Output as _flotilla_JsonObject__Output } from '../flotilla/JsonObject';

export interface GitFilesRequest {
  repo?: _flotilla_JsonObject | null;
  revision?: string;
  path?: string;
  newGitFileGlobbingEnabled?: boolean;
  noRevisionCache?: boolean;
}

export interface GitFilesRequest__Output {
  repo: _flotilla_JsonObject__Output | null;
  revision: string;
  path: string;
  newGitFileGlobbingEnabled: boolean;
  noRevisionCache: boolean;
}
