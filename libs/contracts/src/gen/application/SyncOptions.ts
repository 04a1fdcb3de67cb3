// Original file: proto/application/application.proto

export interface SyncOptions {
  items?: string[];
}

export interface SyncOptions__Output {
  items: string[];
}
