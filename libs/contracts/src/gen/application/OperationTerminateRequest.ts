// Original file: proto/application/application.proto

export interface OperationTerminateRequest {
  name?: string;
  appNamespace?: string;
  project?: string;
  _name?: 'name';
  _appNamespace?: 'appNamespace';
  _project?: 'project';
}

export interface OperationTerminateRequest__Output {
  name?: string;
  appNamespace?: string;
  project?: string;
  _name?: 'name';
  _appNamespace?: 'appNamespace';
  _project?: 'project';
}
