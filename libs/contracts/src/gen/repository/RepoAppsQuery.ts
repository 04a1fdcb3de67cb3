// Original file: proto/repository/repository.proto

export interface RepoAppsQuery {
  repo?: string;
  revision?: string;
  appName?: string;
  appProject?: string;
}

export interface RepoAppsQuery__Output {
  repo: string;
  revision: string;
  appName: string;
  appProject: string;
}
