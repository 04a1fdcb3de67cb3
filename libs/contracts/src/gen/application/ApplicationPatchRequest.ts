// Original file: proto/application/application.proto

export interface ApplicationPatchRequest {
  name?: string;
  patch?: string;
  /**
   * json (RFC 6902, the default) or merge (RFC 7386).
   */
  patchType?: string;
  appNamespace?: string;
  project?: string;
  _name?: 'name';
  _patch?: 'patch';
  _patchType?: 'patchType';
  _appNamespace?: 'appNamespace';
  _project?: 'project';
}

export interface ApplicationPatchRequest__Output {
  name?: string;
  patch?: string;
  /**
   * json (RFC 6902, the default) or merge (RFC 7386).
   */
  patchType?: string;
  appNamespace?: string;
  project?: string;
  _name?: 'name';
  _patch?: 'patch';
  _patchType?: 'patchType';
  _appNamespace?: 'appNamespace';
  _project?: 'project';
}
