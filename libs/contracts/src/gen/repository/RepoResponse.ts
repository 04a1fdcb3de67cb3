// Original file: proto/repository/repository.proto

export interface RepoResponse {}

export interface RepoResponse__Output {}
