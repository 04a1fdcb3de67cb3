// Original file: proto/application/application.proto

export interface SyncStrategyApply {
  force?: boolean;
}

export interface SyncStrategyApply__Output {
  force: boolean;
}
