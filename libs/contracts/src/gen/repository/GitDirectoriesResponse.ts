// Original file: proto/reposerver/reposerver.proto

export interface GitDirectoriesResponse {
  paths?: string[];
}

export interface GitDirectoriesResponse__Output {
  paths: string[];
}
