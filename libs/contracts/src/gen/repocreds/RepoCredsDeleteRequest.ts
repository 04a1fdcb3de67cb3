// Original file: proto/repocreds/repocreds.proto

export interface RepoCredsDeleteRequest {
  url?: string;
}

export interface RepoCredsDeleteRequest__Output {
  url: string;
}
