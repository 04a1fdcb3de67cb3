// Original file: proto/applicationset/applicationset.proto

import type { JsonObject as _flotilla_JsonObject, JsonObject__Output as _flotilla_JsonObject__Output } from '../flotilla/JsonObject';

export interface ApplicationSetCreateRequest {
  applicationset?: _flotilla_JsonObject | null;
  upsert?: boolean;
  dryRun?: boolean;
  _upsert?: 'upsert';
  _dryRun?: 'dryRun';
}

export interface ApplicationSetCreateRequest__Output {
  applicationset: _flotilla_JsonObject__Output | null;
  upsert?: boolean;
  dryRun?: boolean;
  _upsert?: 'upsert';
  _dryRun?: 'dryRun';
}
