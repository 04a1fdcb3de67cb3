// Original file: proto/reposerver/reposerver.proto

import type { JsonObject as _flotilla_JsonObject, JsonObject__Output as _flotilla_JsonObject__Output } from '../flotilla/JsonObject';

export interface ListRefsRequest {
  repo?: _flotilla_JsonObject | null;
}

export interface ListRefsRequest__Output {
  repo: _flotilla_JsonObject__Output | null;
}
