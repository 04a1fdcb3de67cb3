// Original file: proto/repository/repository.proto

import type { JsonObject as _flotilla_JsonObject, JsonObject__Output as _flotilla_JsonObject__Output } from '../flotilla/JsonObject';

export interface RepoUpdateRequest {
  repo?: _flotilla_JsonObject | null;
}

export interface RepoUpdateRequest__Output {
  repo: _flotilla_JsonObject__Output | null;
}
