// Original file: proto/reposerver/reposerver.proto

export interface Refs {
  branches?: string[];
  tags?: string[];
}

export interface Refs__Output {
  branches: string[];
  tags: string[];
}
