// Original file: proto/applicationset/applicationset.proto

export interface ApplicationSetTreeQuery {
  name?: string;
  appsetNamespace?: string;
  _name?: 'name';
  _appsetNamespace?: 'appsetNamespace';
}

export interface ApplicationSetTreeQuery__Output {
  name?: string;
  appsetNamespace?: string;
  _name?: 'name';
  _appsetNamespace?: 'appsetNamespace';
}
