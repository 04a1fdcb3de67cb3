// Original file: proto/application/application.proto

import type { JsonObject as _flotilla_JsonObject, JsonObject__Output as _flotilla_JsonObject__Output } from '../flotilla/JsonObject';

export interface ApplicationCreateRequest {
  application?: _flotilla_JsonObject | null;
  upsert?: boolean;
  validate?: boolean;
  _upsert?: 'upsert';
  _validate?: 'validate';
}

export interface ApplicationCreateRequest__Output {
  application: _flotilla_JsonObject__Output | null;
  upsert?: boolean;
  validate?: boolean;
  _upsert?: 'upsert';
  _validate?: 'validate';
}
