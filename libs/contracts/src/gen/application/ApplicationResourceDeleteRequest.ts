// Original file: proto/application/application.proto

export interface ApplicationResourceDeleteRequest {
  name?: string;
  namespace?: string;
  resourceName?: string;
  version?: string;
  group?: string;
  kind?: string;
  /**
   * Delete at once (background propagation, no grace period).
   */
  force?: boolean;
  /**
   * Leave the resource's dependents in place.
   */
  orphan?: boolean;
  appNamespace?: string;
  project?: string;
  _name?: 'name';
  _namespace?: 'namespace';
  _resourceName?: 'resourceName';
  _version?: 'version';
  _group?: 'group';
  _kind?: 'kind';
  _force?: 'force';
  _orphan?: 'orphan';
  _appNamespace?: 'appNamespace';
  _project?: 'project';
}

export interface ApplicationResourceDeleteRequest__Output {
  name?: string;
  namespace?: string;
  resourceName?: string;
  version?: string;
  group?: string;
  kind?: string;
  /**
   * Delete at once (background propagation, no grace period).
   */
  force?: boolean;
  /**
   * Leave the resource's dependents in place.
   */
  orphan?: boolean;
  appNamespace?: string;
  project?: string;
  _name?: 'name';
  _namespace?: 'namespace';
  _resourceName?: 'resourceName';
  _version?: 'version';
  _group?: 'group';
  _kind?: 'kind';
  _force?: 'force';
  _orphan?: 'orphan';
  _appNamespace?: 'appNamespace';
  _project?: 'project';
}
