// Original file: proto/application/application.proto

import type { JsonObject as _flotilla_JsonObject, JsonObject__Output as _flotilla_JsonObject__Output } from '../flotilla/JsonObject';

export interface ApplicationUpdateSpecRequest {
  name?: string;
  spec?: _flotilla_JsonObject | null;
  validate?: boolean;
  appNamespace?: string;
  project?: string;
  _name?: 'name';
  _validate?: 'validate';
  _appNamespace?: 'appNamespace';
  _project?: 'project';
}

export interface ApplicationUpdateSpecRequest__Output {
  name?: string;
  spec: _flotilla_JsonObject__Output | null;
  validate?: boolean;
  appNamespace?: string;
  project?: string;
  _name?: 'name';
  _validate?: 'validate';
  _appNamespace?: 'appNamespace';
  _project?: 'project';
}
