// Original file: proto/repository/repository.proto

import type { AppInfo as _repository_AppInfo, AppInfo__Output as _repository_AppInfo__Output } from '../repository/AppInfo';

export interface RepoAppsResponse {
  items?: _repository_AppInfo[];
}

export interface RepoAppsResponse__Output {
  items: _repository_AppInfo__Output[];
}
