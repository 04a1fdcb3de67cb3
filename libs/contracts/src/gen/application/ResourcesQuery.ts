// Original file: proto/application/application.proto

export interface ResourcesQuery {
  applicationName?: string;
  appNamespace?: string;
  project?: string;
  _applicationName?: 'applicationName';
  _appNamespace?: 'appNamespace';
  _project?: 'project';
}

export interface ResourcesQuery__Output {
  applicationName?: string;
  appNamespace?: string;
  project?: string;
  _applicationName?: 'applicationName';
  _appNamespace?: 'appNamespace';
  _project?: 'project';
}
