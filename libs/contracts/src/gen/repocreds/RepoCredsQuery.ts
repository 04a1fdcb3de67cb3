// Original file: proto/repocreds/repocreds.proto

export interface RepoCredsQuery {
  url?: string;
}

export interface RepoCredsQuery__Output {
  url: string;
}
