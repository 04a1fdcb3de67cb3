// Original file: proto/application/application.proto

export interface ApplicationResourcePatchRequest {
  name?: string;
  namespace?: string;
  resourceName?: string;
  version?: string;
  group?: string;
  kind?: string;
  /**
   * The patch document, as text.
   */
  patch?: string;
  /**
   * merge, json or strategic (the Kubernetes patch types).
   */
  patchType?: string;
  appNamespace?: string;
  project?: string;
  _name?: 'name';
  _namespace?: 'namespace';
  _resourceName?: 'resourceName';
  _version?: 'version';
  _group?: 'group';
  _kind?: 'kind';
  _patch?: 'patch';
  _patchType?: 'patchType';
  _appNamespace?: 'appNamespace';
  _project?: 'project';
}

export interface ApplicationResourcePatchRequest__Output {
  name?: string;
  namespace?: string;
  resourceName?: string;
  version?: string;
  group?: string;
  kind?: string;
  /**
   * The patch document, as text.
   */
  patch?: string;
  /**
   * merge, json or strategic (the Kubernetes patch types).
   */
  patchType?: string;
  appNamespace?: string;
  project?: string;
  _name?: 'name';
  _namespace?: 'namespace';
  _resourceName?: 'resourceName';
  _version?: 'version';
  _group?: 'group';
  _kind?: 'kind';
  _patch?: 'patch';
  _patchType?: 'patchType';
  _appNamespace?: 'appNamespace';
  _project?: 'project';
}
