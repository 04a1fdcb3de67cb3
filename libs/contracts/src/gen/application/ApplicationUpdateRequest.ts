// Original file: proto/application/application.proto

import type { JsonObject as _flotilla_JsonObject, JsonObject__Output as _flotilla_JsonObject__Output } from '../flotilla/JsonObject';

export interface ApplicationUpdateRequest {
  application?: _flotilla_JsonObject | null;
  validate?: boolean;
  project?: string;
  _validate?: 'validate';
  _project?: 'project';
}

export interface ApplicationUpdateRequest__Output {
  application: _flotilla_JsonObject__Output | null;
  validate?: boolean;
  project?: string;
  _validate?: 'validate';
  _project?: 'project';
}
