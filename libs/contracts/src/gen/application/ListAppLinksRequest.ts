// Original file: proto/application/application.proto

export interface ListAppLinksRequest {
  name?: string;
  /**
   * The Application's namespace (Argo names it so here, not appNamespace).
   */
  namespace?: string;
  project?: string;
  _name?: 'name';
  _namespace?: 'namespace';
  _project?: 'project';
}

export interface ListAppLinksRequest__Output {
  name?: string;
  /**
   * The Application's namespace (Argo names it so here, not appNamespace).
   */
  namespace?: string;
  project?: string;
  _name?: 'name';
  _namespace?: 'namespace';
  _project?: 'project';
}
