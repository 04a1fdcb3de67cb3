// Original file: proto/application/application.proto

export interface SyncOperationResource {
  group?: string;
  kind?: string;
  name?: string;
  namespace?: string;
}

export interface SyncOperationResource__Output {
  group: string;
  kind: string;
  name: string;
  namespace: string;
}
