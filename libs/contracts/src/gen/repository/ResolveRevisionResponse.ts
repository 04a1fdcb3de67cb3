// Original file: proto/reposerver/reposerver.proto

export interface ResolveRevisionResponse {
  revision?: string;
  ambiguousRevision?: string;
}

export interface ResolveRevisionResponse__Output {
  revision: string;
  ambiguousRevision: string;
}
