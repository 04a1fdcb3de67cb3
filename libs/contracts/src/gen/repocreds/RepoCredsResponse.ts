// Original file: proto/repocreds/repocreds.proto

export interface RepoCredsResponse {}

export interface RepoCredsResponse__Output {}
