// Original file: proto/application/application.proto

/**
 * One resource of the Application (in its resource tree), on its destination cluster.
 */
export interface ApplicationResourceRequest {
  name?: string;
  namespace?: string;
  resourceName?: string;
  version?: string;
  group?: string;
  kind?: string;
  appNamespace?: string;
  project?: string;
  _name?: 'name';
  _namespace?: 'namespace';
  _resourceName?: 'resourceName';
  _version?: 'version';
  _group?: 'group';
  _kind?: 'kind';
  _appNamespace?: 'appNamespace';
  _project?: 'project';
}

/**
 * One resource of the Application (in its resource tree), on its destination cluster.
 */
export interface ApplicationResourceRequest__Output {
  name?: string;
  namespace?: string;
  resourceName?: string;
  version?: string;
  group?: string;
  kind?: string;
  appNamespace?: string;
  project?: string;
  _name?: 'name';
  _namespace?: 'namespace';
  _resourceName?: 'resourceName';
  _version?: 'version';
  _group?: 'group';
  _kind?: 'kind';
  _appNamespace?: 'appNamespace';
  _project?: 'project';
}
