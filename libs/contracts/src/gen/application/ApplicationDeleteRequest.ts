// Original file: proto/application/application.proto

export interface ApplicationDeleteRequest {
  name?: string;
  cascade?: boolean;
  propagationPolicy?: string;
  appNamespace?: string;
  project?: string;
  _name?: 'name';
  _cascade?: 'cascade';
  _propagationPolicy?: 'propagationPolicy';
  _appNamespace?: 'appNamespace';
  _project?: 'project';
}

export interface ApplicationDeleteRequest__Output {
  name?: string;
  cascade?: boolean;
  propagationPolicy?: string;
  appNamespace?: string;
  project?: string;
  _name?: 'name';
  _cascade?: 'cascade';
  _propagationPolicy?: 'propagationPolicy';
  _appNamespace?: 'appNamespace';
  _project?: 'project';
}
