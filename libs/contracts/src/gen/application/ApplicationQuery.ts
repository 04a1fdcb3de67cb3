// Original file: proto/application/application.proto

export interface ApplicationQuery {
  name?: string;
  /**
   * "normal" or "hard": refresh before answering (Get only).
   */
  refresh?: string;
  projects?: string[];
  resourceVersion?: string;
  selector?: string;
  repo?: string;
  appNamespace?: string;
  project?: string[];
  _name?: 'name';
  _refresh?: 'refresh';
  _resourceVersion?: 'resourceVersion';
  _selector?: 'selector';
  _repo?: 'repo';
  _appNamespace?: 'appNamespace';
}

export interface ApplicationQuery__Output {
  name?: string;
  /**
   * "normal" or "hard": refresh before answering (Get only).
   */
  refresh?: string;
  projects: string[];
  resourceVersion?: string;
  selector?: string;
  repo?: string;
  appNamespace?: string;
  project: string[];
  _name?: 'name';
  _refresh?: 'refresh';
  _resourceVersion?: 'resourceVersion';
  _selector?: 'selector';
  _repo?: 'repo';
  _appNamespace?: 'appNamespace';
}
