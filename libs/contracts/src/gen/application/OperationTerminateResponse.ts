// Original file: proto/application/application.proto

export interface OperationTerminateResponse {}

export interface OperationTerminateResponse__Output {}
