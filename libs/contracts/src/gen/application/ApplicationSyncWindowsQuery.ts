// Original file: proto/application/application.proto

export interface ApplicationSyncWindowsQuery {
  name?: string;
  appNamespace?: string;
  project?: string;
  _name?: 'name';
  _appNamespace?: 'appNamespace';
  _project?: 'project';
}

export interface ApplicationSyncWindowsQuery__Output {
  name?: string;
  appNamespace?: string;
  project?: string;
  _name?: 'name';
  _appNamespace?: 'appNamespace';
  _project?: 'project';
}
