// Original file: proto/reposerver/reposerver.proto

import type { JsonObject as _flotilla_JsonObject, JsonObject__Output as _flotilla_JsonObject__Output } from '../flotilla/JsonObject';

export interface GitDirectoriesRequest {
  repo?: _flotilla_JsonObject | null;
  revision?: string;
  noRevisionCache?: boolean;
}

export interface GitDirectoriesRequest__Output {
  repo: _flotilla_JsonObject__Output | null;
  revision: string;
  noRevisionCache: boolean;
}
