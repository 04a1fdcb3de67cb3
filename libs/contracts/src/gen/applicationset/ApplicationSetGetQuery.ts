// Original file: proto/applicationset/applicationset.proto

export interface ApplicationSetGetQuery {
  name?: string;
  appsetNamespace?: string;
  _name?: 'name';
  _appsetNamespace?: 'appsetNamespace';
}

export interface ApplicationSetGetQuery__Output {
  name?: string;
  appsetNamespace?: string;
  _name?: 'name';
  _appsetNamespace?: 'appsetNamespace';
}
