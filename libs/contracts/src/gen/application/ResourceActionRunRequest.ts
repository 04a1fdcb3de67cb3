// Original file: proto/application/application.proto

/**
 * Argo's deprecated ResourceActionRunRequest: REST posts the action's name as the body.
 */
export interface ResourceActionRunRequest {
  name?: string;
  namespace?: string;
  resourceName?: string;
  version?: string;
  group?: string;
  kind?: string;
  action?: string;
  appNamespace?: string;
  project?: string;
  _name?: 'name';
  _namespace?: 'namespace';
  _resourceName?: 'resourceName';
  _version?: 'version';
  _group?: 'group';
  _kind?: 'kind';
  _action?: 'action';
  _appNamespace?: 'appNamespace';
  _project?: 'project';
}

/**
 * Argo's deprecated ResourceActionRunRequest: REST posts the action's name as the body.
 */
export interface ResourceActionRunRequest__Output {
  name?: string;
  namespace?: string;
  resourceName?: string;
  version?: string;
  group?: string;
  kind?: string;
  action?: string;
  appNamespace?: string;
  project?: string;
  _name?: 'name';
  _namespace?: 'namespace';
  _resourceName?: 'resourceName';
  _version?: 'version';
  _group?: 'group';
  _kind?: 'kind';
  _action?: 'action';
  _appNamespace?: 'appNamespace';
  _project?: 'project';
}
