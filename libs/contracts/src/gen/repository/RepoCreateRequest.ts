// Original file: proto/repository/repository.proto

import type { JsonObject as _flotilla_JsonObject, JsonObject__Output as _flotilla_JsonObject__Output } from '../flotilla/JsonObject';

export interface RepoCreateRequest {
  repo?: _flotilla_JsonObject | null;
  upsert?: boolean;
  _upsert?: 'upsert';
}

export interface RepoCreateRequest__Output {
  repo: _flotilla_JsonObject__Output | null;
  upsert?: boolean;
  _upsert?: 'upsert';
}
