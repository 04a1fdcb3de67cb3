// Original file: proto/application/application.proto

export interface ResourcesQuery {
  applicationName?: string;
  appNamespace?: string;
  project?: string;
  /**
   * ManagedResources filters: only items matching every one given.
   */
  namespace?: string;
  name?: string;
  version?: string;
  group?: string;
  kind?: string;
  _applicationName?: 'applicationName';
  _appNamespace?: 'appNamespace';
  _project?: 'project';
  _namespace?: 'namespace';
  _name?: 'name';
  _version?: 'version';
  _group?: 'group';
  _kind?: 'kind';
}

export interface ResourcesQuery__Output {
  applicationName?: string;
  appNamespace?: string;
  project?: string;
  /**
   * ManagedResources filters: only items matching every one given.
   */
  namespace?: string;
  name?: string;
  version?: string;
  group?: string;
  kind?: string;
  _applicationName?: 'applicationName';
  _appNamespace?: 'appNamespace';
  _project?: 'project';
  _namespace?: 'namespace';
  _name?: 'name';
  _version?: 'version';
  _group?: 'group';
  _kind?: 'kind';
}
