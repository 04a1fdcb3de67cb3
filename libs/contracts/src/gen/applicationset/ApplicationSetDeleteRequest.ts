// Original file: proto/applicationset/applicationset.proto

export interface ApplicationSetDeleteRequest {
  name?: string;
  appsetNamespace?: string;
  _name?: 'name';
  _appsetNamespace?: 'appsetNamespace';
}

export interface ApplicationSetDeleteRequest__Output {
  name?: string;
  appsetNamespace?: string;
  _name?: 'name';
  _appsetNamespace?: 'appsetNamespace';
}
