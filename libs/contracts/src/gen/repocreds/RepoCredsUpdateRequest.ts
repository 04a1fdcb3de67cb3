// Original file: proto/repocreds/repocreds.proto

import type { JsonObject as _flotilla_JsonObject, JsonObject__Output as _flotilla_JsonObject__Output } from '../flotilla/JsonObject';

export interface RepoCredsUpdateRequest {
  creds?: _flotilla_JsonObject | null;
}

export interface RepoCredsUpdateRequest__Output {
  creds: _flotilla_JsonObject__Output | null;
}
