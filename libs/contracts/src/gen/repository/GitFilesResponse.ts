// Original file: proto/reposerver/reposerver.proto

export interface GitFilesResponse {
  map?: { [key: string]: Buffer | Uint8Array | string };
}

export interface GitFilesResponse__Output {
  map: { [key: string]: Buffer };
}
