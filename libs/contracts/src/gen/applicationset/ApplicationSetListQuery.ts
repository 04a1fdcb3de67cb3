// Original file: proto/applicationset/applicationset.proto

export interface ApplicationSetListQuery {
  projects?: string[];
  selector?: string;
  appsetNamespace?: string;
  _selector?: 'selector';
  _appsetNamespace?: 'appsetNamespace';
}

export interface ApplicationSetListQuery__Output {
  projects: string[];
  selector?: string;
  appsetNamespace?: string;
  _selector?: 'selector';
  _appsetNamespace?: 'appsetNamespace';
}
