// Original file: proto/application/application.proto

export interface ApplicationResourceEventsQuery {
  name?: string;
  resourceNamespace?: string;
  resourceName?: string;
  resourceUID?: string;
  appNamespace?: string;
  project?: string;
  _name?: 'name';
  _resourceNamespace?: 'resourceNamespace';
  _resourceName?: 'resourceName';
  _resourceUID?: 'resourceUID';
  _appNamespace?: 'appNamespace';
  _project?: 'project';
}

export interface ApplicationResourceEventsQuery__Output {
  name?: string;
  resourceNamespace?: string;
  resourceName?: string;
  resourceUID?: string;
  appNamespace?: string;
  project?: string;
  _name?: 'name';
  _resourceNamespace?: 'resourceNamespace';
  _resourceName?: 'resourceName';
  _resourceUID?: 'resourceUID';
  _appNamespace?: 'appNamespace';
  _project?: 'project';
}
