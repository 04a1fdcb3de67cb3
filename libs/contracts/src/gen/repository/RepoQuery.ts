// Original file: proto/repository/repository.proto

export interface RepoQuery {
  repo?: string;
  forceRefresh?: boolean;
  appProject?: string;
  _repo?: 'repo';
  _forceRefresh?: 'forceRefresh';
  _appProject?: 'appProject';
}

export interface RepoQuery__Output {
  repo?: string;
  forceRefresh?: boolean;
  appProject?: string;
  _repo?: 'repo';
  _forceRefresh?: 'forceRefresh';
  _appProject?: 'appProject';
}
