// Original file: proto/account/account.proto

export interface EmptyResponse {}

export interface EmptyResponse__Output {}
