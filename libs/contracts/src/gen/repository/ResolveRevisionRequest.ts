// Original file: proto/reposerver/reposerver.proto

import type { JsonObject as _flotilla_JsonObject, JsonObject__Output as _flotilla_JsonObject__Output } from '../flotilla/JsonObject';

export interface ResolveRevisionRequest {
  repo?: _flotilla_JsonObject | null;
  ambiguousRevision?: string;
}

export interface ResolveRevisionRequest__Output {
  repo: _flotilla_JsonObject__Output | null;
  ambiguousRevision: string;
}
