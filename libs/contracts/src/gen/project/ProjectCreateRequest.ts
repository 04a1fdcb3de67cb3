// Original file: proto/project/project.proto

import type { JsonObject as _flotilla_JsonObject, JsonObject__Output as _flotilla_JsonObject__Output } from '../flotilla/JsonObject';

export interface ProjectCreateRequest {
  project?: _flotilla_JsonObject | null;
  upsert?: boolean;
  _upsert?: 'upsert';
}

export interface ProjectCreateRequest__Output {
  project: _flotilla_JsonObject__Output | null;
  upsert?: boolean;
  _upsert?: 'upsert';
}
